/**
 * One line to the main process's log (stderr, which the OS or the terminal keeps). For
 * things the user should not be bothered with but a supporter must be able to find.
 */
export function logLine(message: string): void {
  process.stderr.write(`${new Date().toISOString()} dagsorden: ${message}\n`);
}

/** Where a module writes its log lines (injected, so tests can read them). */
export type LogLine = (message: string) => void;
