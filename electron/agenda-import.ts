import path from 'node:path';
import { AgendaFileError, parseAgendaFileText, type AgendaFile } from '../shared/agenda/agenda-file';
import { importAgendaText } from '../shared/import/import-agenda';
import { extractPdfText, looksLikePdf, type PdfReader } from '../shared/import/pdf-text-layer';
import type { ImportAgendaFileResult } from '../shared/protocol/ipc-contract';

/** The file types "Importér …" accepts. */
export const IMPORT_EXTENSIONS = ['json', 'txt', 'pdf'] as const;

/**
 * Turns an imported file into an agenda: an agenda file (.json) is checked as it is; the
 * text layer of an existing agenda (.txt, or a PDF's, extracted with pdfjs) is rebuilt by the
 * shared importer. Every problem comes back as a Danish message naming the file.
 */
export async function agendaFromImportedFile(file: string, bytes: Uint8Array, pdfReader: () => Promise<PdfReader>): Promise<ImportAgendaFileResult> {
  const name = path.basename(file);
  try {
    let agenda: AgendaFile;
    if (looksLikePdf(bytes)) {
      agenda = importAgendaText(await extractPdfText(bytes, await pdfReader())).agenda;
    } else {
      const text = decodeText(bytes);
      if (text === null) return { status: 'failed', message: `${name} er hverken en dagsordensfil, en tekstfil eller en PDF.` };
      agenda = /\.json$/i.test(name) || text.trimStart().startsWith('{') ? parseAgendaFileText(text) : importAgendaText(text).agenda;
    }
    return { status: 'opened', agenda, fileName: name };
  } catch (error) {
    const reason = error instanceof AgendaFileError ? error.message : (error as Error).message;
    return { status: 'failed', message: `${name}: ${reason}` };
  }
}

/** UTF-8 text, or Windows-1252 (older Danish text exports); null for binary data. */
function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
