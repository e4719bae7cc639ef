import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAgendaFileText } from '../../shared/agenda/agenda-file';
import { exportAgendaPdf } from '../export/export-agenda-pdf';

/** Usage line of the command, shown by `dagsorden --help`. */
export const EXPORT_USAGE = 'export <dagsorden.json> -o <ud.pdf> [--public] [--pdf-ua] [--created <ISO-tidspunkt>]';

interface ExportArgs {
  input: string;
  output: string;
  public: boolean;
  pdfUa: boolean;
  createdAt?: Date;
}

/** Reads the command's arguments; throws an Error with a Danish message for bad ones. */
export function parseExportArgs(args: readonly string[]): ExportArgs {
  const positional: string[] = [];
  let output: string | undefined;
  let createdAt: Date | undefined;
  let isPublic = false;
  let pdfUa = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--output') {
      output = args[++i];
      if (!output) throw new Error(`${arg} mangler filnavnet på PDF'en`);
    } else if (arg.startsWith('--output=')) {
      output = arg.slice('--output='.length);
    } else if (arg === '--public') {
      isPublic = true;
    } else if (arg === '--pdf-ua') {
      pdfUa = true;
    } else if (arg === '--created' || arg.startsWith('--created=')) {
      const value = arg === '--created' ? args[++i] : arg.slice('--created='.length);
      createdAt = new Date(value ?? '');
      if (!value || Number.isNaN(createdAt.getTime())) throw new Error(`--created: "${value ?? ''}" er ikke et tidspunkt (fx 2024-06-11T09:00:00Z)`);
    } else if (arg.startsWith('-')) {
      throw new Error(`ukendt flag "${arg}"\nBrug: dagsorden ${EXPORT_USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1 || !output) throw new Error(`Brug: dagsorden ${EXPORT_USAGE}`);
  return { input: positional[0]!, output, public: isPublic, pdfUa, createdAt };
}

/**
 * `dagsorden export`: reads an agenda file, writes its house-style PDF. The PDF is written
 * to a temporary file beside the output and renamed into place, so a failed export never
 * leaves a half-written PDF at the output path.
 */
export async function run(args: string[]): Promise<number> {
  const options = parseExportArgs(args);
  let source: string;
  try {
    source = await readFile(options.input, 'utf8');
  } catch (error) {
    throw new Error(`kan ikke læse ${options.input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const agenda = parseAgendaFileText(source);
  const pdf = await exportAgendaPdf(agenda, { public: options.public, pdfUa: options.pdfUa, createdAt: options.createdAt });
  const output = path.resolve(options.output);
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, pdf);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`kan ikke skrive ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  process.stdout.write(`${options.output}: ${options.public ? 'offentlig' : 'intern'} udgave${options.pdfUa ? ', PDF/UA-1' : ''}, ${pdf.length} bytes\n`);
  return 0;
}
