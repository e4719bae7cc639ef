import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type DesktopApi } from '../shared/protocol/ipc-contract';

/**
 * The renderer's whole view of the desktop: one function per operation of the contract,
 * never ipcRenderer itself.
 */
export const desktopApi: DesktopApi = {
  getServerUrl: () => ipcRenderer.invoke(IPC_CHANNELS.getServerUrl),
};

contextBridge.exposeInMainWorld('dagsorden', desktopApi);
