import type { AgendaFile } from '../shared/agenda/agenda-file';

/**
 * The messages between main and the PDF export worker (a utility process, one per export:
 * the Typst compile is one synchronous native call, so cancelling means ending the process).
 */

/** Where the worker finds what the exporter needs (computed by main from the app's folder). */
export interface ExportResources {
  /** The house-style template (dist/export/agenda.typ). */
  templateFile: string;
  /** The installed `@expo-google-fonts/source-sans-3` folder. */
  fontDirectory: string;
}

/** main → worker: export one agenda (already checked by parseAgendaFile in main). */
export interface ExportJob {
  type: 'export';
  agenda: AgendaFile;
  public: boolean;
  pdfUa: boolean;
  resources: ExportResources;
}

/** worker → main. */
export type WorkerMessage =
  | { type: 'progress'; stage: 'compiling' }
  | { type: 'done'; pdf: Uint8Array }
  | { type: 'failed'; message: string };

/** Makes the PDF of an agenda; the worker's real one wraps the shared exporter, tests use a fake. */
export interface AgendaPdfMaker {
  makePdf(agenda: AgendaFile, options: { public: boolean; pdfUa: boolean }, resources: ExportResources): Promise<Uint8Array>;
}

/** True for a well-formed job (the worker checks what it is sent, even from main). */
export function isExportJob(value: unknown): value is ExportJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Record<string, unknown>;
  const resources = job.resources as Record<string, unknown> | null | undefined;
  return (
    job.type === 'export' &&
    typeof job.agenda === 'object' && job.agenda !== null &&
    typeof job.public === 'boolean' &&
    typeof job.pdfUa === 'boolean' &&
    typeof resources === 'object' && resources !== null &&
    typeof resources.templateFile === 'string' &&
    typeof resources.fontDirectory === 'string'
  );
}

/** True for a well-formed message from the worker. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'progress':
      return message.stage === 'compiling';
    case 'done':
      return message.pdf instanceof Uint8Array;
    case 'failed':
      return typeof message.message === 'string';
    default:
      return false;
  }
}

/**
 * Runs one job in the worker: reports that compiling started, then posts the PDF bytes or
 * the reason it failed (the exporter's Danish message, which names the item at fault).
 */
export async function runExportJob(job: unknown, maker: AgendaPdfMaker, post: (message: WorkerMessage) => void): Promise<void> {
  if (!isExportJob(job)) {
    post({ type: 'failed', message: 'Eksporten fik en ugyldig opgave.' });
    return;
  }
  post({ type: 'progress', stage: 'compiling' });
  try {
    const pdf = await maker.makePdf(job.agenda, { public: job.public, pdfUa: job.pdfUa }, job.resources);
    post({ type: 'done', pdf });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
