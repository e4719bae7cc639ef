import path from 'node:path';
import { IMPORT_EXTENSIONS } from './agenda-import';

/**
 * Files the operating system asked the app to open (double-click on an agenda file: the
 * file association, a path on the command line of the first or a second start, or macOS's
 * `open-file`). They wait here until a window's "Importér …" takes them, instead of a dialog.
 */
export class OpenedFiles {
  private readonly waiting: string[] = [];

  /** Queues `file` when it has an extension "Importér …" reads; returns whether it did. */
  add(file: string): boolean {
    if (!isImportable(file)) return false;
    this.waiting.push(path.resolve(file));
    return true;
  }

  /** Whether a file waits. */
  hasWaiting(): boolean {
    return this.waiting.length > 0;
  }

  /** The oldest waiting file, taken off the queue; null when none waits. */
  take(): string | null {
    return this.waiting.shift() ?? null;
  }
}

/** The files on a command line that "Importér …" reads (Electron's and Chromium's own flags are skipped). */
export function importableArguments(argv: readonly string[]): string[] {
  return argv.slice(1).filter((arg) => !arg.startsWith('-') && isImportable(arg));
}

function isImportable(file: string): boolean {
  const extension = path.extname(file).slice(1).toLowerCase();
  return (IMPORT_EXTENSIONS as readonly string[]).includes(extension);
}
