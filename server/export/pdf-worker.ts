import { parentPort } from 'node:worker_threads';
import { parseAgendaFile } from '../../shared/agenda/agenda-file';
import { exportAgendaPdf } from './export-agenda-pdf';
import type { PdfJob, PdfJobResult } from './pdf-job';

/**
 * A worker thread that compiles agenda PDFs, so the sync server's event loop never waits
 * for Typst. It keeps its compiler warm between jobs.
 */
parentPort!.on('message', async (job: PdfJob) => {
  let result: PdfJobResult;
  try {
    const agenda = parseAgendaFile(job.agenda);
    const pdf = await exportAgendaPdf(agenda, { public: job.public, pdfUa: job.pdfUa, createdAt: job.createdAt ? new Date(job.createdAt) : undefined });
    result = { id: job.id, ok: true, pdf };
  } catch (error) {
    result = { id: job.id, ok: false, message: (error as Error).message, name: (error as Error).name };
  }
  parentPort!.postMessage(result);
});
