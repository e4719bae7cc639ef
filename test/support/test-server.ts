import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSyncServer, type RouteModule, type RunningSyncServer } from '../../server/http/sync-server';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { openDatabase, type SqliteDatabase, type SqliteSynchronous } from '../../server/storage/sqlite-database';
import type { DocumentStorage } from '../../server/storage/document-storage';
import { UserStore } from '../../server/auth/user-store';
import { AgendaStore, type NewAgenda } from '../../server/agendas/agenda-store';
import type { SyncLimits } from '../../shared/protocol/limits';
import { silentLogger, type Logger } from '../../server/log';

/** The built web client, as the e2e tests use it. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** Options of a test server; everything has a default. */
export interface TestServerOptions {
  /** Document storage; default SQLite in the data folder. */
  storage?: DocumentStorage;
  log?: Logger;
  /** Data folder (SQLite file); default a new temporary folder, removed on close. */
  dataDir?: string;
  limits?: Partial<SyncLimits>;
  /** When SQLite commits reach the disk; default 'full', as the server's default. */
  synchronous?: SqliteSynchronous;
  /** Agenda ids registered before the server starts. */
  agendas?: string[];
  userPollMs?: number;
  summaryDebounceMs?: number;
  routes?: RouteModule[];
}

/** A real sync server for tests, with helpers to add users and agendas. */
export interface TestServer extends RunningSyncServer {
  readonly dataDir: string;
  readonly db: SqliteDatabase;
  readonly users: UserStore;
  readonly agendas: AgendaStore;
  /** The storage the server uses (SqliteStorage unless one was passed). */
  readonly storage: DocumentStorage;
  /**
   * The token of a user who may edit (name "Test Redaktør", initials "tr"), added at start.
   * `connectClient(server.url, …)` uses it when given no token. In a browser test, put it in
   * localStorage under 'dagsorden.token'.
   */
  readonly token: string;
  /** Adds a user and returns their token. Initials default to a fresh pair of letters. */
  addUser(user?: { name?: string; initials?: string; readOnly?: boolean }): string;
  /** Revokes a user (open connections close at the next check, or call `closeRevokedConnections`). */
  revokeUser(initials: string): void;
  /** Registers an agenda id, as `POST /api/agendas` does; returns the id. */
  registerAgenda(id: string, summary?: Omit<NewAgenda, 'id'>): string;
}

const defaultTokens = new Map<string, string>();

/** The default token of the test server at `httpUrl` (used by connectClient when given none). */
export function defaultTestToken(httpUrl: string): string | undefined {
  return defaultTokens.get(httpUrl.replace(/\/+$/, ''));
}

let initialsCounter = 0;
function freshInitials(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const n = initialsCounter++;
  return `${letters[Math.floor(n / 676) % 26]}${letters[Math.floor(n / 26) % 26]}${letters[n % 26]}`;
}

/** Starts a real sync server on 127.0.0.1 and a free port, with SQLite in a temporary folder. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'dagsorden-server-'));
  const db = openDatabase(dataDir, { synchronous: options.synchronous });
  const users = new UserStore(db);
  const agendas = new AgendaStore(db);
  const storage = options.storage ?? new SqliteStorage(db);
  for (const id of options.agendas ?? []) agendas.create({ id });
  const addUser: TestServer['addUser'] = (user = {}) =>
    users.add({ name: user.name ?? 'Testbruger', initials: user.initials ?? freshInitials(), readOnly: user.readOnly }).token;
  const token = addUser({ name: 'Test Redaktør' });
  const server = await startSyncServer({
    host: '127.0.0.1',
    port: 0,
    storage,
    users,
    agendas,
    log: options.log ?? silentLogger,
    webRoot: WEB_ROOT,
    limits: options.limits,
    userPollMs: options.userPollMs,
    summaryDebounceMs: options.summaryDebounceMs,
    routes: options.routes,
  });
  defaultTokens.set(server.url, token);
  return {
    host: server.host,
    port: server.port,
    url: server.url,
    hub: server.hub,
    closeRevokedConnections: server.closeRevokedConnections,
    dataDir,
    db,
    users,
    agendas,
    storage,
    token,
    addUser,
    revokeUser(initials) {
      if (!users.revoke(initials)) throw new Error(`no active user "${initials}"`);
    },
    registerAgenda(id, summary = {}) {
      agendas.create({ id, ...summary });
      return id;
    },
    async close() {
      defaultTokens.delete(server.url);
      await server.close();
      db.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logger that keeps its lines, for tests that check what was logged. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; event: string; fields: Record<string, unknown> }> } {
  const lines: Array<{ level: string; event: string; fields: Record<string, unknown> }> = [];
  return {
    lines,
    info: (event, fields = {}) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields = {}) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields = {}) => lines.push({ level: 'error', event, fields }),
  };
}
