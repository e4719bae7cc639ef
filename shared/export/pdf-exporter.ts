import type { AgendaFile } from '../agenda/agenda-file';
import { isIsoDate } from '../agenda/meeting-facts';
import { agendaExportData } from './agenda-export-data';
import type { AgendaExportData, ExportSection } from './export-data';
import { PdfExportError } from './pdf-export-error';
import type { TypstCompiler, TypstCompilerClass, TypstDiagnostics } from './typst-compiler';

/** Where the exporter gets its Typst compiler: a ready instance, or the class plus the font files. */
export type TypstCompilerSource =
  | { compiler: TypstCompiler }
  | { compilerClass: TypstCompilerClass; fonts: readonly Uint8Array[] };

/** What the exporter needs; the runtime edge (server/export) reads files and passes them in. */
export interface PdfExporterDependencies {
  /** The text of shared/export/agenda.typ. */
  template: string;
  typst: TypstCompilerSource;
}

/** Which PDF to make. */
export interface PdfExportOptions {
  /** Public version: closed items show number, title and "(Lukket punkt)" only. */
  public: boolean;
  /** Write PDF/UA-1 (Typst checks the document against it and refuses what fails). */
  pdfUa: boolean;
  /**
   * The creation time written into the PDF. The same agenda and time give the same bytes.
   * Default: midnight UTC of the meeting date (1 January 2000 when there is no date), so an
   * export without an explicit time is reproducible too.
   */
  createdAt?: Date;
}

/** Exports agendas to PDF with one compiler, created on first use and reused (warm). */
export interface PdfExporter {
  /** The PDF bytes of `agenda`. Throws PdfExportError (or AgendaFileError for an invalid body). */
  exportPdf(agenda: AgendaFile, options: PdfExportOptions): Uint8Array;
}

/** The `sys.inputs` key under which the template reads the agenda JSON. */
export const AGENDA_INPUT_KEY = 'agenda';

/** Creates an exporter. Nothing is compiled, and no compiler is created, until the first export. */
export function createPdfExporter(dependencies: PdfExporterDependencies): PdfExporter {
  let compiler: TypstCompiler | undefined;
  const getCompiler = (): TypstCompiler => {
    if (!compiler) {
      const source = dependencies.typst;
      compiler = 'compiler' in source
        ? source.compiler
        : source.compilerClass.create({ fontArgs: [{ fontBlobs: [...source.fonts] }] });
    }
    return compiler;
  };

  return {
    exportPdf(agenda, options) {
      const data = agendaExportData(agenda, { public: options.public });
      const typst = getCompiler();
      const document = compileOrExplain(typst, dependencies.template, data);
      try {
        return typst.pdf(document, {
          creationTimestamp: creationSeconds(options.createdAt, agenda.meeting.date),
          ...(options.pdfUa ? { pdfStandard: 'ua-1' } : {}),
        });
      } catch (error) {
        throw new PdfExportError(`PDF'en kunne ikke skrives${options.pdfUa ? ' som PDF/UA-1' : ''}: ${errorText(error)}`);
      } finally {
        typst.evictCache?.(10);
      }
    },
  };
}

/** Outcome of compiling one export data set. */
type Compiled = { ok: true; document: unknown } | { ok: false; message: string };

function compile(typst: TypstCompiler, template: string, data: AgendaExportData): Compiled {
  let result;
  try {
    result = typst.compile({ mainFileContent: template, inputs: { [AGENDA_INPUT_KEY]: JSON.stringify(data) } });
  } catch (error) {
    return { ok: false, message: errorText(error) };
  }
  const error = result.takeError();
  if (error) return { ok: false, message: diagnosticsText(error) };
  // An unknown font would make Typst fall back to whatever the machine has installed, so
  // the same agenda could give different PDFs on different machines: refuse it.
  const warnings = result.takeWarnings();
  const fontWarnings = (warnings?.shortDiagnostics ?? []).filter((d) => /unknown font/i.test(d.message));
  if (fontWarnings.length > 0) {
    return { ok: false, message: `skrifttypen findes ikke blandt de medfølgende skrifttyper (${fontWarnings.map((d) => d.message).join('; ')})` };
  }
  if (!result.result) return { ok: false, message: 'Typst gav intet dokument' };
  return { ok: true, document: result.result };
}

/**
 * Compiles the export data; on failure, compiles each section and item alone to find the
 * one whose content causes it, so the message can name it.
 */
function compileOrExplain(typst: TypstCompiler, template: string, data: AgendaExportData): unknown {
  const whole = compile(typst, template, data);
  if (whole.ok) return whole.document;
  // Fails without any section too: the fault is not in the agenda's content.
  const frame = compile(typst, template, { ...data, sections: [] });
  if (!frame.ok) throw new PdfExportError(`Eksporten fejlede (forside eller skabelon): ${frame.message}`);
  for (const section of data.sections) {
    const alone: ExportSection = { ...section, items: [] };
    const sectionResult = compile(typst, template, { ...data, sections: [alone] });
    if (!sectionResult.ok) {
      throw new PdfExportError(`Eksporten fejlede i afsnit ${section.number} ${quote(section.title)}: ${sectionResult.message}`, section.number);
    }
    for (const item of section.items) {
      const itemResult = compile(typst, template, { ...data, sections: [{ ...alone, items: [item] }] });
      if (!itemResult.ok) {
        throw new PdfExportError(`Eksporten fejlede i punkt ${item.number} ${quote(item.title)}: ${itemResult.message}`, item.number);
      }
    }
  }
  throw new PdfExportError(`Eksporten fejlede: ${whole.message}`);
}

function creationSeconds(createdAt: Date | undefined, meetingDate: string): number {
  if (createdAt) {
    const ms = createdAt.getTime();
    if (Number.isNaN(ms)) throw new PdfExportError('Ugyldigt eksporttidspunkt');
    return Math.floor(ms / 1000);
  }
  const day = isIsoDate(meetingDate) ? meetingDate : '2000-01-01';
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);
}

function quote(title: string): string {
  const short = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  return `«${short}»`;
}

function diagnosticsText(diagnostics: TypstDiagnostics): string {
  const messages = diagnostics.shortDiagnostics.map((d) => d.message).filter(Boolean);
  return messages.length > 0 ? messages.join('; ') : 'ukendt fejl fra Typst';
}

/** The message of a thrown error; the native compiler's Rust diagnostics are reduced to their messages and hints. */
function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const found = [...raw.matchAll(/message: "((?:[^"\\]|\\.)*)"(?:[^}]*?hints: \[([^\]]*)\])?/g)].map((m) => {
    const hints = m[2] ? [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((h) => h[1]) : [];
    return hints.length > 0 ? `${m[1]} (${hints.join('; ')})` : m[1]!;
  });
  return found.length > 0 ? [...new Set(found)].join('; ') : raw;
}
