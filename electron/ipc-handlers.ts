import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type DesktopApi } from '../shared/protocol/ipc-contract';
import { isAppUrl } from './app-scheme';

/** What the IPC handlers need from the rest of main. */
export interface IpcServices {
  serverUrl(): string | null;
}

/** Thrown (and so rejected in the renderer) when a call is refused. */
export class IpcRefusal extends Error {
  override name = 'IpcRefusal';
}

/** True when the call comes from the app's own top-level page (not a frame, not another site). */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

type Handlers = { [K in keyof DesktopApi]: (event: IpcMainInvokeEvent, ...args: unknown[]) => ReturnType<DesktopApi[K]> };

/** The handler of each operation of the contract; each checks its sender and arguments. */
export function ipcHandlers(services: IpcServices): Handlers {
  return {
    async getServerUrl(event, ...args) {
      assertTrusted(event);
      if (args.length !== 0) throw new IpcRefusal('getServerUrl tager ingen argumenter');
      return services.serverUrl();
    },
  };
}

/** Registers every handler of the contract on `ipcMain`. */
export function setupIpc(ipcMain: IpcMain, services: IpcServices): void {
  const handlers = ipcHandlers(services);
  for (const key of Object.keys(IPC_CHANNELS) as Array<keyof DesktopApi>) {
    ipcMain.handle(IPC_CHANNELS[key], handlers[key]);
  }
}

function assertTrusted(event: IpcMainInvokeEvent): void {
  if (!isTrustedSender(event)) throw new IpcRefusal('Kaldet kommer ikke fra Dagsordens egen side');
}
