import { open } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';

import { COPY_FILE_EXTENSION, MAX_COPY_BYTES, type FileSaveResult, type ImportAgendaFileResult, type OpenCopyResult } from '../shared/protocol/ipc-contract';
import { writeFileAtomic } from './atomic-write';
import type { FileDialogs } from './file-dialogs';
import { safeFileName, savePathFor, withExtension } from './file-name';
import { existsSync } from 'node:fs';
import { agendaFromImportedFile, IMPORT_EXTENSIONS } from './agenda-import';
import { OpenedFiles } from './opened-files';
import type { PdfReader } from '../shared/import/pdf-text-layer';

/** Largest file "Importér …" reads (a long agenda's PDF with images). */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const COPY_FILTER = { name: 'Dagsorden-kopi', extensions: [COPY_FILE_EXTENSION] };
const IMPORT_FILTER = { name: 'Dagsorden, tekst eller PDF', extensions: [...IMPORT_EXTENSIONS] };

/**
 * "Gem kopi" and "Åbn kopi" (an agenda's Yjs state in a file, to keep or carry) and
 * "Importér …" (an agenda file). Main only moves bytes between the dialogs, the disk and the
 * renderer, within size limits; it never interprets a copy.
 */
export class AgendaFiles {
  constructor(
    private readonly dialogs: FileDialogs,
    /** pdfjs-dist for reading a PDF's text layer (loaded only when a PDF is imported). */
    private readonly pdfReader: () => Promise<PdfReader> = () => Promise.reject(new Error('PDF-import er ikke sat op')),
    /** Files the operating system asked to open; the next import takes one instead of asking. */
    private readonly opened: OpenedFiles = new OpenedFiles(),
  ) {}

  /** Asks where to save and writes the state there atomically. `state` and `suggestedName` are already checked. */
  async saveCopy(window: BrowserWindow | null, state: Uint8Array, suggestedName: string): Promise<FileSaveResult> {
    const target = await this.dialogs.saveFile(window, {
      title: 'Gem kopi',
      defaultName: withExtension(safeFileName(suggestedName), COPY_FILE_EXTENSION),
      filter: COPY_FILTER,
    });
    if (!target) return { status: 'canceled' };
    const file = savePathFor(target, COPY_FILE_EXTENSION, existsSync);
    try {
      await writeFileAtomic(file, state);
    } catch (error) {
      return { status: 'failed', message: `Kopien kunne ikke gemmes: ${(error as Error).message}` };
    }
    return { status: 'saved', fileName: path.basename(file) };
  }

  /** Asks for a copy file and returns its bytes, unread by main. */
  async openCopy(window: BrowserWindow | null): Promise<OpenCopyResult> {
    const file = await this.dialogs.openFile(window, { title: 'Åbn kopi', filter: COPY_FILTER });
    if (!file) return { status: 'canceled' };
    const read = await readLimited(file, MAX_COPY_BYTES);
    if (typeof read === 'string') return { status: 'failed', message: read };
    if (read.length === 0) return { status: 'failed', message: `${path.basename(file)} er tom og er ikke en kopi af en dagsorden.` };
    return { status: 'opened', state: read, fileName: path.basename(file) };
  }

  /**
   * "Importér …": asks for an agenda file, or the text layer (.txt) or PDF of an existing
   * agenda, and returns it as a checked agenda, or why it is not one.
   */
  async importAgendaFile(window: BrowserWindow | null): Promise<ImportAgendaFileResult> {
    const file = this.opened.take() ?? (await this.dialogs.openFile(window, { title: 'Importér dagsorden', filter: IMPORT_FILTER }));
    if (!file) return { status: 'canceled' };
    const read = await readLimited(file, MAX_IMPORT_BYTES);
    if (typeof read === 'string') return { status: 'failed', message: read };
    return agendaFromImportedFile(file, read, this.pdfReader);
  }
}

/**
 * The bytes of `file`, or a Danish message when it cannot be read or is larger than `limit`.
 * The size is checked before and while reading (the file may grow in between).
 */
export async function readLimited(file: string, limit: number): Promise<Uint8Array | string> {
  const name = path.basename(file);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return `${name} kunne ikke åbnes: ${(error as Error).message}`;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return `${name} er ikke en fil.`;
    if (stat.size > limit) return `${name} er for stor (${megabytes(stat.size)} MB; højst ${megabytes(limit)} MB).`;
    // One byte more than the size: a file that grew while being read is noticed, not cut off.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > stat.size) return `${name} blev ændret, mens den blev læst; prøv igen.`;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (error) {
    return `${name} kunne ikke læses: ${(error as Error).message}`;
  } finally {
    await handle.close();
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 });
}
