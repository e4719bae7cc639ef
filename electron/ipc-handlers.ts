import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { AgendaFileError, MAX_AGENDA_FILE_BYTES, parseAgendaFile } from '../shared/agenda/agenda-file';
import { isValidAgendaId } from '../shared/agenda/agenda-id';
import {
  IPC_CHANNELS, IPC_EVENTS, MAX_COPY_BYTES, type DesktopCalls, type ExportProgress,
} from '../shared/protocol/ipc-contract';
import type { AgendaFiles } from './agenda-copies';
import { isAppUrl } from './app-scheme';
import { expectArgumentCount, expectBoolean, expectBytes, expectRecord, expectString } from './ipc-arguments';
import { IpcRefusal } from './ipc-refusal';
import type { PdfExports } from './pdf-export';
import type { SettingsStore } from './settings-store';

export { IpcRefusal } from './ipc-refusal';

/** What the IPC handlers need from the rest of main (each feature's module; fakes in tests). */
export interface IpcServices {
  settings: Pick<SettingsStore, 'view' | 'save' | 'syncConnection'>;
  windows: { openAgenda(id: string): unknown };
  /** Opens an http/https/mailto link after confirmation (external-links.ts); throws for other links. */
  openExternal(url: unknown, window: BrowserWindow | null): Promise<boolean>;
  exports: Pick<PdfExports, 'export' | 'cancel'>;
  files: Pick<AgendaFiles, 'saveCopy' | 'openCopy' | 'importAgendaFile'>;
  /** The window of the page that called (BrowserWindow.fromWebContents). */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
}

/** True when the call comes from the app's own top-level page (not a frame, not another site). */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

type Handlers = { [K in keyof DesktopCalls]: (event: IpcMainInvokeEvent, ...args: unknown[]) => ReturnType<DesktopCalls[K]> };

/** The longest suggested file name accepted from the renderer. */
const MAX_SUGGESTED_NAME = 120;

/**
 * The handler of each call of the contract. Every handler first checks the sender frame,
 * then the number and shape of its arguments (IpcRefusal for anything malformed), and only
 * then acts. Problems a user can cause come back as result values (see the contract).
 */
export function ipcHandlers(services: IpcServices): Handlers {
  return {
    async getSyncConnection(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('getSyncConnection', args, 0);
      return services.settings.syncConnection();
    },
    async getSettings(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('getSettings', args, 0);
      return services.settings.view();
    },
    async saveSettings(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('saveSettings', args, 1);
      // The shape is checked here; the values field by field (with Danish messages) by the store.
      expectRecord('saveSettings', args[0], ['serverUrl', 'userName', 'initials', 'color'], ['token']);
      return services.settings.save(args[0]);
    },
    async openAgendaWindow(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('openAgendaWindow', args, 1);
      if (!isValidAgendaId(args[0])) throw new IpcRefusal('openAgendaWindow: ugyldigt dagsordens-id');
      services.windows.openAgenda(args[0]);
    },
    async openExternal(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('openExternal', args, 1);
      try {
        return await services.openExternal(args[0], services.windowOf(event));
      } catch (error) {
        throw new IpcRefusal(`openExternal: ${(error as Error).message}`);
      }
    },
    async exportPdf(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('exportPdf', args, 1);
      const request = expectRecord('exportPdf', args[0], ['agenda', 'public', 'pdfUa']);
      const isPublic = expectBoolean('exportPdf', 'public', request.public);
      const pdfUa = expectBoolean('exportPdf', 'pdfUa', request.pdfUa);
      if (typeof request.agenda !== 'object' || request.agenda === null) throw new IpcRefusal('exportPdf: agenda skal være et objekt');
      if (JSON.stringify(request.agenda).length > MAX_AGENDA_FILE_BYTES) {
        return { status: 'failed', message: `Dagsordenen er for stor til at eksportere (over ${MAX_AGENDA_FILE_BYTES / 1024 / 1024} MiB).` };
      }
      let agenda;
      try {
        agenda = parseAgendaFile(request.agenda);
      } catch (error) {
        if (error instanceof AgendaFileError) return { status: 'failed', message: error.message };
        throw error;
      }
      const sender = event.sender;
      const progress = (step: ExportProgress) => {
        if (!sender.isDestroyed()) sender.send(IPC_EVENTS.onExportProgress, step);
      };
      return services.exports.export(sender.id, services.windowOf(event), { agenda, public: isPublic, pdfUa }, progress);
    },
    async cancelExport(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('cancelExport', args, 0);
      services.exports.cancel(event.sender.id);
    },
    async saveCopy(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('saveCopy', args, 1);
      const request = expectRecord('saveCopy', args[0], ['state', 'suggestedName']);
      const state = expectBytes('saveCopy', 'state', request.state, MAX_COPY_BYTES);
      const name = expectString('saveCopy', 'suggestedName', request.suggestedName, MAX_SUGGESTED_NAME);
      return services.files.saveCopy(services.windowOf(event), state, name);
    },
    async openCopy(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('openCopy', args, 0);
      return services.files.openCopy(services.windowOf(event));
    },
    async importAgendaFile(event, ...args) {
      assertTrusted(event);
      expectArgumentCount('importAgendaFile', args, 0);
      return services.files.importAgendaFile(services.windowOf(event));
    },
  };
}

/** Registers every handler of the contract on `ipcMain`. */
export function setupIpc(ipcMain: IpcMain, services: IpcServices): void {
  const handlers = ipcHandlers(services);
  for (const key of Object.keys(IPC_CHANNELS) as Array<keyof DesktopCalls>) {
    ipcMain.handle(IPC_CHANNELS[key], handlers[key]);
  }
}

function assertTrusted(event: IpcMainInvokeEvent): void {
  if (!isTrustedSender(event)) throw new IpcRefusal('Kaldet kommer ikke fra Dagsordens egen side');
}
