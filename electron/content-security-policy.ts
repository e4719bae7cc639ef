/**
 * The Content-Security-Policy of the renderer. Scripts only from the app itself; network
 * connections only to the configured sync server (none without one).
 */
export function contentSecurityPolicy(serverUrl: string | null): string {
  const connect = ["'self'"];
  const origin = serverOrigin(serverUrl);
  if (origin) connect.push(origin);
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

/** `ws://host:port` of a ws/wss/http/https URL, or null when there is none or it is not one. */
export function serverOrigin(serverUrl: string | null): string | null {
  if (!serverUrl) return null;
  try {
    const url = new URL(serverUrl);
    const scheme = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : url.protocol === 'http:' || url.protocol === 'ws:' ? 'ws:' : null;
    return scheme ? `${scheme}//${url.host}` : null;
  } catch {
    return null;
  }
}
