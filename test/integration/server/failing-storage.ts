import type { DocumentStorage } from '../../../server/storage/document-storage';

/**
 * Wraps a storage so that appends fail on demand, as a full disk or an I/O error would:
 * `failFromAppend(n)` makes the n-th append from now, and every one after it, reject until
 * `heal()` is called. Loads and everything else pass through.
 */
export class FailingStorage implements DocumentStorage {
  private appends = 0;
  private failFrom = Infinity;
  /** How many appends were refused. */
  failures = 0;

  constructor(private readonly inner: DocumentStorage) {}

  failFromAppend(n: number): void {
    this.failFrom = this.appends + n;
  }

  heal(): void {
    this.failFrom = Infinity;
  }

  load(name: string): Promise<Uint8Array | null> {
    return this.inner.load(name);
  }

  append(name: string, update: Uint8Array): Promise<void> {
    this.appends += 1;
    if (this.appends >= this.failFrom) {
      this.failures += 1;
      return Promise.reject(new Error('SQLITE_IOERR: disk I/O error (injected)'));
    }
    return this.inner.append(name, update);
  }

  remove(name: string): Promise<void> {
    return this.inner.remove(name);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
