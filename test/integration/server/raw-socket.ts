import WebSocket from 'ws';
import { SCHEMA_VERSION } from '../../../shared/protocol/schema-version';

/** How a raw websocket attempt ended: refused before the upgrade (HTTP status) or opened. */
export type Attempt = { kind: 'refused'; status: number } | { kind: 'open'; socket: WebSocket; closed: Promise<number> };

/** The websocket URL of agenda `name`, with a token unless it is null. */
export function agendaSocketUrl(httpUrl: string, name: string, token: string | null, schema = SCHEMA_VERSION): string {
  const query = new URLSearchParams({ schema: String(schema) });
  if (token !== null) query.set('token', token);
  return `${httpUrl.replace(/^http/, 'ws')}/${name}?${query}`;
}

/** Opens a raw websocket and reports whether the server accepted the upgrade. */
export function attempt(url: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('open', () => resolve({ kind: 'open', socket, closed }));
    socket.on('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

/** Opens a raw websocket that the server must accept. */
export async function openSocket(url: string): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const result = await attempt(url);
  if (result.kind !== 'open') throw new Error(`upgrade refused with HTTP ${result.status}`);
  return result;
}
