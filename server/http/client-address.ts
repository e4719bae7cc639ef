import type { IncomingMessage } from 'node:http';

/**
 * The address a request comes from. Behind a reverse proxy every request comes from the
 * proxy, so with `trustProxy` the last address in `X-Forwarded-For` (the one the proxy
 * itself added, e.g. nginx's `$proxy_add_x_forwarded_for`) is used instead.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const last = value?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
