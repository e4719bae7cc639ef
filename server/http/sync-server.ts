import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { CloseCode, closeCodeName } from '../../shared/protocol/close-codes';
import { SCHEMA_VERSION, SCHEMA_VERSION_PARAM } from '../../shared/protocol/schema-version';
import { isValidAgendaId } from '../../shared/agenda/agenda-id';
import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import { SyncHub } from '../sync/sync-hub';
import type { SyncConnection } from '../sync/sync-connection';
import { staticFiles } from './static-files';

/** Options of the sync server. */
export interface SyncServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  storage: DocumentStorage;
  log: Logger;
  /** Folder of the built web client, served at `/`. */
  webRoot: string;
  /** Largest accepted websocket frame, in bytes. */
  maxFrameBytes?: number;
  /** Milliseconds between keep-alive pings; a client that misses one is disconnected. */
  pingIntervalMs?: number;
}

/** A running sync server. */
export interface RunningSyncServer {
  readonly host: string;
  readonly port: number;
  /** `http://HOST:PORT` */
  readonly url: string;
  readonly hub: SyncHub;
  /** Closes every connection, waits for queued writes and closes storage. */
  close(): Promise<void>;
}

/** Default largest frame: a large agenda's whole state is well under 1 MiB. */
export const DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * Starts the HTTP + websocket server: the built web client over HTTP, and the sync protocol
 * on `ws://HOST:PORT/<agenda id>`. Resolves once it accepts connections.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { log } = options;
  const hub = new SyncHub({ storage: options.storage, log });
  const serveStatic = staticFiles(options.webRoot);
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      return;
    }
    serveStatic(req, res).catch((error: unknown) => {
      log.error('http-error', { url: req.url, error: (error as Error).message });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (req, socket: Duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const name = decodeURIComponentSafe(url.pathname.slice(1));
    const client = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    if (!isValidAgendaId(name)) {
      log.warn('upgrade-refused', { client, reason: 'invalid document name' });
      refuseUpgrade(socket, 400, 'Bad Request');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const schema = Number(url.searchParams.get(SCHEMA_VERSION_PARAM));
      if (!Number.isInteger(schema) || schema < SCHEMA_VERSION) {
        log.warn('outdated-client', { doc: name, client, schema: url.searchParams.get(SCHEMA_VERSION_PARAM) });
        ws.close(CloseCode.OutdatedClient, 'Opdater Dagsorden');
        return;
      }
      serveConnection(ws, name, client);
    });
  });

  function serveConnection(ws: WebSocket, name: string, label: string): void {
    alive.add(ws);
    const conn: SyncConnection = {
      label,
      readOnly: false,
      send(message) {
        if (ws.readyState === WebSocket.OPEN) ws.send(message, { binary: true });
      },
      close(code, reason) {
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
      },
    };
    log.info('connect', { doc: name, client: label });
    const handle = hub.connect(name, conn);
    ws.on('message', (data: RawData) => handle.receive(toUint8Array(data)));
    ws.on('pong', () => alive.add(ws));
    ws.on('error', (error) => {
      log.warn('socket-error', { doc: name, client: label, error: error.message });
      if (error.message.includes('Max payload')) ws.close(CloseCode.FrameTooLarge, 'Beskeden er for stor');
    });
    ws.on('close', (code) => {
      handle.closed();
      log.info('disconnect', { doc: name, client: label, code: closeCodeName(code) });
    });
  }

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  pinger.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    host: options.host,
    port: address.port,
    url: `http://${host}:${address.port}`,
    hub,
    async close() {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.close(CloseCode.ServerShutdown, 'Serveren lukker');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await hub.flush();
      await options.storage.close();
    },
  };
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
