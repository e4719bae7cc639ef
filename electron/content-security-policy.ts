import { normaliseServerUrl, serverEndpoints } from './settings-validation';

/**
 * The Content-Security-Policy of the renderer. Scripts only from the app itself; network
 * connections only to the configured sync server — its websocket origin and its HTTP origin
 * (the agenda list API) — and none at all without one.
 */
export function contentSecurityPolicy(serverUrl: string | null): string {
  const connect = ["'self'", ...serverOrigins(serverUrl)];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes (colours of people), so inline styles are needed; inline scripts are not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}

/**
 * The origins the renderer may connect to for a server address: `wss://host[:port]` and
 * `https://host[:port]` (or ws/http for an unencrypted server). None when there is no server
 * or the address is not a valid one.
 */
export function serverOrigins(serverUrl: string | null): string[] {
  const normalised = normaliseServerUrl(serverUrl);
  if (typeof normalised !== 'string') return [];
  const { websocketUrl, httpUrl } = serverEndpoints(normalised);
  return [websocketUrl, httpUrl].map((url) => {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  });
}
