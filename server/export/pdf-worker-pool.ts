import { Worker } from 'node:worker_threads';
import type { AgendaFile } from '../../shared/agenda/agenda-file';
import type { PdfJob, PdfJobResult } from './pdf-job';

/** Thrown when the worker reports a failed export; `kind` is the worker's error name (e.g. PdfExportError). */
export class PdfJobError extends Error {
  constructor(message: string, readonly kind: string) {
    super(message);
    this.name = 'PdfJobError';
  }
}

/**
 * Runs PDF exports in one worker thread, one at a time in arrival order (Typst uses a core
 * per compile; the server has few). The worker starts on the first export and is kept warm.
 */
export class PdfWorkerPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(pdf: Uint8Array): void; reject(error: Error): void }>();

  /** Exports `agenda`; resolves to the PDF bytes. */
  export(agenda: AgendaFile, options: { public: boolean; pdfUa?: boolean; createdAt?: Date }): Promise<Uint8Array> {
    const worker = this.ensureWorker();
    const job: PdfJob = { id: this.nextId++, agenda, public: options.public, pdfUa: options.pdfUa ?? false, createdAt: options.createdAt?.toISOString() };
    return new Promise((resolve, reject) => {
      this.waiting.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
  }

  /** Stops the worker; pending exports fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('PDF-eksporten blev stoppet, fordi serveren lukker'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./pdf-worker-entry.js', import.meta.url));
    worker.unref();
    worker.on('message', (result: PdfJobResult) => {
      const waiting = this.waiting.get(result.id);
      if (!waiting) return;
      this.waiting.delete(result.id);
      if (result.ok) waiting.resolve(result.pdf);
      else waiting.reject(new PdfJobError(result.message, result.name));
    });
    worker.on('error', (error) => {
      this.worker = null;
      this.failAll(new Error(`PDF-eksporten fejlede: ${error.message}`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error('PDF-eksporten stoppede uventet'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
