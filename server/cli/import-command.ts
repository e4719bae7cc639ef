import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serializeAgendaFile } from '../../shared/agenda/agenda-file';
import { isIsoDate, type DocumentKind, type MeetingFacts } from '../../shared/agenda/meeting-facts';
import { importAgendaText } from '../../shared/import/import-agenda';
import type { AgendaImportResult, CoverTextKind } from '../../shared/import/import-result';
import { readAgendaSource } from '../import/agenda-source';

/** Usage line of the command, shown by `dagsorden --help`. */
export const IMPORT_USAGE =
  'import <fil.txt|fil.pdf> -o <dagsorden.json> [--committee <udvalg>] [--kind dagsorden|referat] [--date ÅÅÅÅ-MM-DD] [--time <tid>] [--place <sted>]';

interface ImportArgs {
  input: string;
  output: string;
  meeting: Partial<MeetingFacts>;
}

const FACT_FLAGS = { '--committee': 'committee', '--kind': 'kind', '--date': 'date', '--time': 'time', '--place': 'place' } as const;

/** Reads the command's arguments; throws an Error with a Danish message for bad ones. */
export function parseImportArgs(args: readonly string[]): ImportArgs {
  const positional: string[] = [];
  const meeting: Partial<MeetingFacts> = {};
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inlineValue = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inlineValue ?? args[++i];
      if (v === undefined || (inlineValue === undefined && v.startsWith('-') && v.length > 1)) throw new Error(`${flag} mangler en værdi\nBrug: dagsorden ${IMPORT_USAGE}`);
      return v;
    };
    if (flag === '-o' || flag === '--output') {
      output = value();
    } else if (flag in FACT_FLAGS) {
      const field = FACT_FLAGS[flag as keyof typeof FACT_FLAGS];
      const v = value();
      if (field === 'kind') {
        if (v !== 'dagsorden' && v !== 'referat') throw new Error(`--kind: "${v}" skal være "dagsorden" eller "referat"`);
        meeting.kind = v as DocumentKind;
      } else if (field === 'date') {
        if (!isIsoDate(v)) throw new Error(`--date: "${v}" er ikke en dato på formen ÅÅÅÅ-MM-DD (fx 2024-06-18)`);
        meeting.date = v;
      } else {
        meeting[field] = v;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new Error(`ukendt flag "${arg}"\nBrug: dagsorden ${IMPORT_USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1 || !output) throw new Error(`Brug: dagsorden ${IMPORT_USAGE}`);
  return { input: positional[0]!, output, meeting };
}

const COVER_LABELS: Record<CoverTextKind, string> = {
  committee: 'udvalg',
  kind: 'dokumenttype',
  date: 'dato',
  time: 'tidspunkt',
  place: 'sted',
  mission: 'Mission (KL’s faste forsidetekst)',
  vision: 'Vision (KL’s faste forsidetekst)',
};

/** The report printed after an import: summary, recognised cover text and warnings. */
export function importReport(input: string, output: string, result: AgendaImportResult): { summary: string; warnings: string } {
  const { summary, agenda, cover, warnings } = result;
  const facts = agenda.meeting;
  const lines = [
    `Importeret ${input} → ${output}`,
    `  ${summary.sections} afsnit, ${summary.items} punkter, ${summary.enclosures} bilagstegn (./.), ${summary.links} link${summary.links === 1 ? '' : 's'}`,
    `  Møde: ${facts.committee || '(udvalg mangler)'} · ${facts.kind} · ${facts.date || '(dato mangler)'} · ${facts.time || '(tid mangler)'} · ${facts.place || '(sted mangler)'}`,
  ];
  if (cover.length > 0) lines.push(`  Forsidetekst genkendt (ikke lagt i dagsordenen): ${cover.map((c) => COVER_LABELS[c.kind]).join(', ')}`);
  lines.push(warnings.length === 0 ? '  Ingen advarsler' : `  ${warnings.length} advarsl${warnings.length === 1 ? 'e' : 'er'} (se ovenfor)`);
  const warningLines = warnings.map((w) => `Advarsel${w.line > 0 ? ` (linje ${w.line})` : ''}: ${w.message}`);
  if (!facts.date || !facts.time || !facts.place) warningLines.push('Tip: angiv mødets dato, tid og sted med --date, --time og --place.');
  return { summary: `${lines.join('\n')}\n`, warnings: warningLines.length > 0 ? `${warningLines.join('\n')}\n` : '' };
}

/**
 * `dagsorden import`: reads an existing agenda (text layer as .txt, or a PDF), rebuilds its
 * structure and writes an agenda file. The file is written to a temporary file beside the
 * output and renamed into place (an existing output file is replaced). Warnings go to
 * stderr, the summary to stdout; the exit code is 0 when an agenda file was written.
 */
export async function run(args: string[]): Promise<number> {
  const options = parseImportArgs(args);
  const output = path.resolve(options.output);
  try {
    if (!(await stat(path.dirname(output))).isDirectory()) throw new Error();
  } catch {
    throw new Error(`mappen til ${options.output} findes ikke`);
  }
  const source = await readAgendaSource(options.input);
  const result = importAgendaText(source.text, { meeting: options.meeting });
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, serializeAgendaFile(result.agenda), 'utf8');
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`kan ikke skrive ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const report = importReport(options.input, options.output, result);
  if (source.encoding === 'windows-1252') process.stderr.write(`Bemærk: ${options.input} er ikke UTF-8 og er læst som Windows-1252.\n`);
  process.stderr.write(report.warnings);
  process.stdout.write(report.summary);
  return 0;
}
