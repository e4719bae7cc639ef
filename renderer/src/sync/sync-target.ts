import { desktopApi } from './desktop-api';

/** Where and as whom to sync: the server's websocket URL and the user's access token. */
export interface SyncTarget {
  url: string;
  token: string;
}

const TOKEN_KEY = 'dagsorden.token';

/** The access token remembered in this browser ("" when none). The desktop app keeps it in main. */
export function browserToken(storage: Storage = localStorage): string {
  return storage.getItem(TOKEN_KEY) ?? '';
}

/** Remembers the access token in this browser. */
export function saveBrowserToken(token: string, storage: Storage = localStorage): void {
  if (token) storage.setItem(TOKEN_KEY, token);
  else storage.removeItem(TOKEN_KEY);
}

/**
 * The sync target: in the desktop app the configured server and token (null when none is
 * configured: work stays local); in a browser the server that served this page and the
 * token remembered here.
 */
export async function syncTarget(): Promise<SyncTarget | null> {
  const api = desktopApi();
  if (api) {
    const connection = await api.getSyncConnection();
    return connection ? { url: connection.url, token: connection.token } : null;
  }
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { url: `${protocol}//${window.location.host}`, token: browserToken() };
}
