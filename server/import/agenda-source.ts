import { readFile, stat } from 'node:fs/promises';
import { extractPdfText, looksLikePdf } from './pdf-text';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** The text layer of an agenda file to import, and what kind of file it came from. */
export interface AgendaSource {
  text: string;
  kind: 'pdf' | 'text';
  /** For text files: the encoding the text was read in. */
  encoding?: 'utf-8' | 'windows-1252';
}

/** Thrown for a file that cannot be imported; the message (Danish) says why. */
export class AgendaSourceError extends Error {
  override name = 'AgendaSourceError';
}

/** True when the bytes hold control characters that text files do not (NUL and the like). */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  }
  return control > sample.length / 100;
}

/**
 * Reads an agenda to import: a PDF (its text layer is extracted) or a text file (UTF-8, or
 * Windows-1252 when it is not valid UTF-8). Throws AgendaSourceError for a missing file, a
 * folder, a file too large, a file that is neither text nor PDF, or a PDF without text.
 */
export async function readAgendaSource(file: string): Promise<AgendaSource> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new AgendaSourceError(`${file} er en mappe, ikke en fil`);
    size = info.size;
  } catch (error) {
    if (error instanceof AgendaSourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AgendaSourceError(code === 'ENOENT' ? `filen findes ikke: ${file}` : `kan ikke læse ${file}: ${code ?? (error as Error).message}`);
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new AgendaSourceError(`${file} er for stor til import (${Math.round(size / 1024 / 1024)} MiB; højst ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB)`);
  }
  const bytes = new Uint8Array(await readFile(file));
  if (looksLikePdf(bytes)) {
    const text = await extractPdfText(bytes);
    if (text.replace(/\s/g, '') === '') {
      throw new AgendaSourceError(`${file} er en PDF uden tekstlag (måske en skannet side); der er ingen tekst at importere`);
    }
    return { text, kind: 'pdf' };
  }
  if (bytes.length === 0) throw new AgendaSourceError(`${file} er tom`);
  if (hasBinaryBytes(bytes)) throw new AgendaSourceError(`${file} er hverken en tekstfil eller en PDF`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), kind: 'text', encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), kind: 'text', encoding: 'windows-1252' };
  }
}
