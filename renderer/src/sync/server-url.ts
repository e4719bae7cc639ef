import type { DesktopApi } from '../../../shared/protocol/ipc-contract';

/** The desktop app's API, when running inside Dagsorden's Electron shell. */
export function desktopApi(): DesktopApi | undefined {
  return (window as unknown as { dagsorden?: DesktopApi }).dagsorden;
}

/**
 * The websocket URL of the sync server: the desktop app's configured server, or in a
 * browser the server that served this page.
 */
export async function syncServerUrl(): Promise<string | null> {
  const api = desktopApi();
  if (api) return api.getServerUrl();
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}`;
}
