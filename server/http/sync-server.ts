import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { CloseCode, closeCodeName } from '../../shared/protocol/close-codes';
import { SCHEMA_VERSION, SCHEMA_VERSION_PARAM } from '../../shared/protocol/schema-version';
import { TOKEN_PARAM } from '../../shared/protocol/agenda-api';
import { Limits, type SyncLimits } from '../../shared/protocol/limits';
import { isValidAgendaId } from '../../shared/agenda/agenda-id';
import type { AgendaStore } from '../agendas/agenda-store';
import { AgendaSummaries } from '../agendas/agenda-summaries';
import { purgeExpiredAgendas } from '../agendas/purge-expired-agendas';
import type { User, UserStore } from '../auth/user-store';
import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import { SyncHub } from '../sync/sync-hub';
import type { SyncConnection } from '../sync/sync-connection';
import { addAgendaRoutes } from './agenda-routes';
import type { ApiContext } from './api-context';
import { clientAddress } from './client-address';
import { sendError } from './json-response';
import { Router } from './router';
import { staticFiles } from './static-files';

/** Adds routes to the HTTP API (the agenda routes are always there; e.g. a PDF export adds its own). */
export type RouteModule = (router: Router, context: ApiContext) => void;

/** Options of the sync server. */
export interface SyncServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Where documents are kept. */
  storage: DocumentStorage;
  /** Who may connect. */
  users: UserStore;
  /** Which document names are agendas, and the agenda list. */
  agendas: AgendaStore;
  log: Logger;
  /** Folder of the built web client, served at `/`. */
  webRoot: string;
  /** Overrides of the limits in shared/protocol/limits.ts. */
  limits?: Partial<SyncLimits>;
  /** Use the last X-Forwarded-For address as the client's (only behind a reverse proxy that sets it). */
  trustProxy?: boolean;
  /** Milliseconds between keep-alive pings; a client that misses one is disconnected. */
  pingIntervalMs?: number;
  /** Milliseconds between checks for revoked users, whose open connections are then closed (default 2000). */
  userPollMs?: number;
  /** Milliseconds the agenda list waits after a change before reading the document (default 1000). */
  summaryDebounceMs?: number;
  /** More API routes. */
  routes?: RouteModule[];
}

/** A running sync server. */
export interface RunningSyncServer {
  readonly host: string;
  readonly port: number;
  /** `http://HOST:PORT` */
  readonly url: string;
  readonly hub: SyncHub;
  /** Closes the connections of users revoked since the last check, now (it also runs on a timer). */
  closeRevokedConnections(): void;
  /** Closes every connection, waits for queued writes, updates the agenda list and closes storage. */
  close(): Promise<void>;
}

interface OpenSocket {
  user: User;
  doc: string;
  address: string;
  label: string;
}

/**
 * Starts the HTTP + websocket server: the built web client and the agenda API over HTTP,
 * and the sync protocol on `ws://HOST:PORT/<agenda id>?token=…&schema=N`. The token and the
 * agenda are checked in the HTTP upgrade, before a websocket exists. Resolves once it
 * accepts connections.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { log, users, agendas, storage } = options;
  const limits: SyncLimits = { ...Limits, ...options.limits };
  const summaries = new AgendaSummaries(agendas, log, options.summaryDebounceMs);
  const hub = new SyncHub({
    storage,
    log,
    maxDocumentBytes: limits.maxDocumentBytes,
    maxAwarenessEntriesPerConnection: limits.maxAwarenessEntriesPerConnection,
    onStored: (name, ydoc) => summaries.changed(name, ydoc),
    onReleased: (name) => summaries.flush(name),
  });
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, options.trustProxy ?? false);
  const context: ApiContext = { users, agendas, storage, hub, log, clientAddress: addressOf };
  const router = new Router();
  addAgendaRoutes(router, context);
  for (const addRoutes of options.routes ?? []) addRoutes(router, context);
  const serveStatic = staticFiles(options.webRoot);

  const server = http.createServer((req, res) => {
    const fail = (error: unknown) => {
      log.error('http-error', { method: req.method, url: req.url, error: (error as Error).message });
      if (!res.headersSent) sendError(res, 500, 'Serverfejl');
      else res.destroy();
    };
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      sendError(res, 400, 'Ugyldig adresse');
      return;
    }
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      // The desktop app's page has its own origin; tokens travel in a header, never in
      // cookies, so any origin may call the API (it still needs a token).
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, DELETE',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        }).end();
        return;
      }
      const match = router.match(req.method ?? 'GET', pathname);
      if (match.kind === 'found') {
        Promise.resolve()
          .then(() => match.handler(req, res, match.params))
          .catch(fail);
      } else if (match.kind === 'method-not-allowed') {
        sendError(res, 405, 'Metoden er ikke tilladt her', { allow: match.allow.join(', ') });
      } else {
        sendError(res, 404, 'Ikke fundet');
      }
      return;
    }
    serveStatic(req, res).catch(fail);
  });

  // ws cuts off frames over twice the limit while reading them (close code 1009); frames over
  // the limit itself are refused below with FrameTooLarge.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * limits.maxFrameBytes });
  const alive = new WeakSet<WebSocket>();
  const sockets = new Map<WebSocket, { info: OpenSocket; conn: SyncConnection }>();
  const perAddress = new Map<string, number>();

  server.on('upgrade', (req, socket: Duplex, head) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://x');
    } catch {
      refuseUpgrade(socket, 400, 'Bad Request');
      return;
    }
    const name = decodeURIComponentSafe(url.pathname.slice(1));
    const address = addressOf(req);
    const label = `${address}:${req.socket.remotePort ?? '?'}`;
    if (!isValidAgendaId(name)) {
      log.warn('upgrade-refused', { client: label, reason: 'invalid document name' });
      refuseUpgrade(socket, 400, 'Bad Request');
      return;
    }
    const token = url.searchParams.get(TOKEN_PARAM);
    let user: User | null;
    let known: boolean;
    try {
      user = users.authenticate(token);
      known = user ? agendas.exists(name) : false;
    } catch (error) {
      log.error('upgrade-error', { doc: name, client: label, error: (error as Error).message });
      refuseUpgrade(socket, 503, 'Service Unavailable');
      return;
    }
    if (!user) {
      log.warn('auth-failure', { doc: name, client: label, reason: token ? 'wrong or revoked token' : 'no token' });
      refuseUpgrade(socket, 401, 'Unauthorized');
      return;
    }
    if (!known) {
      log.warn('upgrade-refused', { doc: name, client: label, user: user.initials, reason: 'unknown agenda' });
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    const authorized = user;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const schema = Number(url.searchParams.get(SCHEMA_VERSION_PARAM));
      if (!Number.isInteger(schema) || schema < SCHEMA_VERSION) {
        log.warn('outdated-client', { doc: name, client: label, schema: url.searchParams.get(SCHEMA_VERSION_PARAM) });
        ws.close(CloseCode.OutdatedClient, 'Opdater Dagsorden');
        return;
      }
      const open = perAddress.get(address) ?? 0;
      if (open >= limits.maxConnectionsPerAddress) {
        log.warn('too-many-connections', { doc: name, client: label, open });
        ws.close(CloseCode.TooManyConnections, 'For mange forbindelser fra samme adresse');
        return;
      }
      serveConnection(ws, { user: authorized, doc: name, address, label });
    });
  });

  function serveConnection(ws: WebSocket, info: OpenSocket): void {
    alive.add(ws);
    perAddress.set(info.address, (perAddress.get(info.address) ?? 0) + 1);
    // Once the server decides to close a connection, frames still arriving on it are ignored.
    let closing = false;
    const conn: SyncConnection = {
      label: info.label,
      readOnly: info.user.readOnly,
      userId: info.user.id,
      send(message) {
        if (ws.readyState === WebSocket.OPEN) ws.send(message, { binary: true });
      },
      close(code, reason) {
        closing = true;
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
      },
    };
    sockets.set(ws, { info, conn });
    const fields = { doc: info.doc, client: info.label, user: info.user.initials };
    log.info('connect', { ...fields, readOnly: info.user.readOnly });
    const handle = hub.connect(info.doc, conn);
    ws.on('message', (data: RawData) => {
      if (closing) return;
      const frame = copyFrame(data);
      if (frame.byteLength > limits.maxFrameBytes) {
        log.warn('frame-too-large', { ...fields, bytes: frame.byteLength });
        conn.close(CloseCode.FrameTooLarge, 'Beskeden er for stor');
        return;
      }
      handle.receive(frame);
    });
    ws.on('pong', () => alive.add(ws));
    ws.on('error', (error) => log.warn('socket-error', { ...fields, error: error.message }));
    ws.on('close', (code) => {
      sockets.delete(ws);
      const left = (perAddress.get(info.address) ?? 1) - 1;
      if (left > 0) perAddress.set(info.address, left);
      else perAddress.delete(info.address);
      handle.closed();
      log.info('disconnect', { ...fields, code: closeCodeName(code) });
    });
  }

  function closeRevokedConnections(): void {
    if (sockets.size === 0) return;
    let active: Set<number>;
    try {
      active = users.activeIds();
    } catch (error) {
      log.error('user-poll-failure', { error: (error as Error).message });
      return;
    }
    for (const { info, conn } of sockets.values()) {
      if (active.has(info.user.id)) continue;
      log.warn('auth-revoked', { doc: info.doc, client: info.label, user: info.user.initials });
      conn.close(CloseCode.Unauthorized, 'Adgangen er trukket tilbage');
    }
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
  const userPoller = setInterval(closeRevokedConnections, options.userPollMs ?? 2000);
  userPoller.unref();
  const purge = () => purgeExpiredAgendas(agendas, storage, log);
  const purger = setInterval(purge, 6 * 3600 * 1000);
  purger.unref();
  await purge();

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
    closeRevokedConnections,
    async close() {
      clearInterval(pinger);
      clearInterval(userPoller);
      clearInterval(purger);
      for (const ws of wss.clients) ws.close(CloseCode.ServerShutdown, 'Serveren lukker');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await hub.flush();
      summaries.flushAll();
      await storage.close();
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

/**
 * The frame as a Uint8Array with its own buffer. A view into ws's receive buffer would let a
 * length field that runs past the end of a truncated frame read neighbouring bytes.
 */
function copyFrame(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data);
}
