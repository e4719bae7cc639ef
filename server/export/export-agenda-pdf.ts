import { createRequire } from 'node:module';
import type { AgendaFile } from '../../shared/agenda/agenda-file';
import { createPdfExporter, type PdfExporter, type PdfExportOptions } from '../../shared/export/pdf-exporter';
import type { TypstCompilerClass } from '../../shared/export/typst-compiler';
import { readAgendaTemplate } from './agenda-template';
import { readBundledFonts } from './bundled-fonts';

/** Options of one export; see PdfExportOptions. */
export type AgendaPdfOptions = Partial<PdfExportOptions>;

let shared: Promise<PdfExporter> | undefined;

/**
 * Creates a Node exporter: reads the template and the bundled fonts, loads the native Typst
 * compiler. Each exporter keeps its own compiler warm between exports.
 */
export async function createNodePdfExporter(): Promise<PdfExporter> {
  const [template, fonts] = await Promise.all([readAgendaTemplate(), readBundledFonts()]);
  // The native module is CommonJS; loading it lazily keeps it out of processes that never export.
  const require = createRequire(import.meta.url);
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as { NodeCompiler: TypstCompilerClass };
  return createPdfExporter({ template, typst: { compilerClass: NodeCompiler, fonts } });
}

/**
 * Exports an agenda to the KL house-style PDF and resolves to its bytes. This process's
 * exporter is created on the first call and reused, so later exports are warm. The compile
 * itself runs synchronously on the calling thread (about a second for 55 pages): callers
 * that must stay responsive run this in a worker.
 *
 * Rejects with PdfExportError (message in Danish, naming the item at fault where one is)
 * or AgendaFileError for an invalid agenda body.
 */
export async function exportAgendaPdf(agenda: AgendaFile, options: AgendaPdfOptions = {}): Promise<Uint8Array> {
  shared ??= createNodePdfExporter();
  let exporter: PdfExporter;
  try {
    exporter = await shared;
  } catch (error) {
    shared = undefined;
    throw error;
  }
  return exporter.exportPdf(agenda, { public: options.public ?? false, pdfUa: options.pdfUa ?? false, createdAt: options.createdAt });
}
