import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { AgendaFile } from '../shared/agenda/agenda-file';
import { documentTitle } from '../shared/agenda/meeting-facts';
import type { ExportPdfResult, ExportProgress } from '../shared/protocol/ipc-contract';
import { writeFileAtomic } from './atomic-write';
import { isWorkerMessage, type ExportJob, type ExportResources } from './export-worker-protocol';
import type { FileDialogs } from './file-dialogs';
import { safeFileName, savePathFor, withExtension } from './file-name';
import { existsSync } from 'node:fs';
import type { LogLine } from './main-log';

/** A started export worker (Electron's UtilityProcess, adapted; a fake in tests). */
export interface ExportWorkerProcess {
  postMessage(message: ExportJob): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

/** What PdfExports needs. */
export interface PdfExportsDeps {
  dialogs: FileDialogs;
  /** Starts a fresh worker process (utilityProcess.fork of dist/electron/export-worker.cjs). */
  startWorker(): ExportWorkerProcess;
  resources: ExportResources;
  log: LogLine;
}

/** A checked export request. */
export interface PdfExportRequest {
  agenda: AgendaFile;
  public: boolean;
  pdfUa: boolean;
}

const STAGE_MESSAGES: Record<ExportProgress['stage'], string> = {
  starting: 'Starter eksporten …',
  compiling: 'Sætter dagsordenen …',
  writing: 'Gemmer PDF-filen …',
  done: 'PDF-filen er gemt.',
};

/**
 * "Eksportér PDF …" for each window: a save dialog, then the compile in a worker process (so
 * the window never freezes) with progress sent to the window, then an atomic write of the
 * bytes, so a cancelled or failed export never leaves half a file at the chosen path. One
 * export per window at a time; cancelling ends the worker.
 */
export class PdfExports {
  private readonly running = new Map<number, { cancel(): void }>();

  constructor(private readonly deps: PdfExportsDeps) {}

  /**
   * Exports for the window `windowId`. `window` parents the dialog; `progress` sends a step
   * to that window's renderer.
   */
  async export(windowId: number, window: BrowserWindow | null, request: PdfExportRequest, progress: (step: ExportProgress) => void): Promise<ExportPdfResult> {
    if (this.running.has(windowId)) return { status: 'failed', message: 'Der kører allerede en eksport fra dette vindue.' };
    const report = (stage: ExportProgress['stage']) => progress({ stage, message: STAGE_MESSAGES[stage] });
    // Holds the window's slot while the dialog is open, so a second request cannot slip in.
    let canceled = false;
    this.running.set(windowId, { cancel: () => (canceled = true) });
    try {
      const target = await this.deps.dialogs.saveFile(window, {
        title: 'Eksportér PDF',
        defaultName: withExtension(safeFileName(`${documentTitle(request.agenda.meeting)}${request.public ? ' (offentlig)' : ''}`), 'pdf'),
        filter: { name: 'PDF-dokument', extensions: ['pdf'] },
      });
      if (!target || canceled) return { status: 'canceled' };
      const file = savePathFor(target, 'pdf', existsSync);
      report('starting');
      const outcome = await this.compile(windowId, request, () => report('compiling'));
      if (outcome.status !== 'compiled') return outcome;
      report('writing');
      try {
        await writeFileAtomic(file, outcome.pdf);
      } catch (error) {
        this.deps.log(`PDF-eksporten kunne ikke skrive ${target}: ${(error as Error).message}`);
        return { status: 'failed', message: `PDF-filen kunne ikke gemmes: ${(error as Error).message}` };
      }
      report('done');
      return { status: 'saved', fileName: path.basename(file) };
    } finally {
      this.running.delete(windowId);
    }
  }

  /** Cancels the export of window `windowId`, if one runs. */
  cancel(windowId: number): void {
    this.running.get(windowId)?.cancel();
  }

  private compile(windowId: number, request: PdfExportRequest, compiling: () => void): Promise<{ status: 'compiled'; pdf: Uint8Array } | Exclude<ExportPdfResult, { status: 'saved' }>> {
    return new Promise((resolve) => {
      let settled = false;
      let canceled = false;
      const settle = (outcome: Parameters<typeof resolve>[0]) => {
        if (settled) return;
        settled = true;
        worker.kill();
        resolve(outcome);
      };
      const worker = this.deps.startWorker();
      this.running.set(windowId, {
        cancel: () => {
          canceled = true;
          settle({ status: 'canceled' });
        },
      });
      worker.onMessage((message) => {
        if (!isWorkerMessage(message)) return settle({ status: 'failed', message: 'Eksporten svarede uforståeligt.' });
        if (message.type === 'progress') compiling();
        else if (message.type === 'done') settle({ status: 'compiled', pdf: message.pdf });
        else if (message.type === 'failed') settle({ status: 'failed', message: message.message });
      });
      worker.onExit((code) => {
        if (!settled && !canceled) this.deps.log(`PDF-eksportens proces stoppede uventet (kode ${code})`);
        settle({ status: 'failed', message: `Eksporten stoppede uventet (kode ${code}).` });
      });
      worker.postMessage({ type: 'export', agenda: request.agenda, public: request.public, pdfUa: request.pdfUa, resources: this.deps.resources });
    });
  }
}
