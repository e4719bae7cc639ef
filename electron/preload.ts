import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, IPC_EVENTS, isMenuCommand, type DesktopApi, type ExportProgress } from '../shared/protocol/ipc-contract';

/**
 * The renderer's whole view of the desktop: one function per operation of the contract,
 * never ipcRenderer itself. Subscriptions hand the listener only the checked payload, never
 * Electron's event object (whose `sender` would leak ipcRenderer).
 */
export const desktopApi: DesktopApi = {
  getSyncConnection: () => ipcRenderer.invoke(IPC_CHANNELS.getSyncConnection),
  getSettings: () => ipcRenderer.invoke(IPC_CHANNELS.getSettings),
  saveSettings: (update) => ipcRenderer.invoke(IPC_CHANNELS.saveSettings, update),
  openAgendaWindow: (id) => ipcRenderer.invoke(IPC_CHANNELS.openAgendaWindow, id),
  openExternal: (url) => ipcRenderer.invoke(IPC_CHANNELS.openExternal, url),
  exportPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.exportPdf, request),
  cancelExport: () => ipcRenderer.invoke(IPC_CHANNELS.cancelExport),
  saveCopy: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveCopy, request),
  openCopy: () => ipcRenderer.invoke(IPC_CHANNELS.openCopy),
  importAgendaFile: () => ipcRenderer.invoke(IPC_CHANNELS.importAgendaFile),
  onMenuCommand: (listener) => subscribe(IPC_EVENTS.onMenuCommand, listener, (command) => (isMenuCommand(command) ? command : null)),
  onExportProgress: (listener) =>
    subscribe(IPC_EVENTS.onExportProgress, listener, (progress) => (isExportProgress(progress) ? { stage: progress.stage, message: progress.message } : null)),
};

/** Listens on `channel`, passing `listener` the payload when `check` accepts it (payloads it rejects are dropped). */
function subscribe<T>(channel: string, listener: (payload: T) => void, check: (payload: unknown) => T | null): () => void {
  if (typeof listener !== 'function') throw new TypeError('Lytteren skal være en funktion');
  const handler = (_event: IpcRendererEvent, payload: unknown) => {
    const checked = check(payload);
    if (checked !== null) listener(checked);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

function isExportProgress(value: unknown): value is ExportProgress {
  if (typeof value !== 'object' || value === null) return false;
  const { stage, message } = value as Record<string, unknown>;
  return ['starting', 'compiling', 'writing', 'done'].includes(stage as string) && typeof message === 'string';
}

contextBridge.exposeInMainWorld('dagsorden', desktopApi);
