import { fileURLToPath } from 'node:url';
import { startSyncServer, type RunningSyncServer } from '../../server/http/sync-server';
import { MemoryStorage } from '../../server/storage/memory-storage';
import type { DocumentStorage } from '../../server/storage/document-storage';
import { silentLogger, type Logger } from '../../server/log';

/** The built web client, as the e2e tests use it. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** Starts a real sync server on 127.0.0.1 and a free port. */
export function startTestServer(options: { storage?: DocumentStorage; log?: Logger } = {}): Promise<RunningSyncServer> {
  return startSyncServer({
    host: '127.0.0.1',
    port: 0,
    storage: options.storage ?? new MemoryStorage(),
    log: options.log ?? silentLogger,
    webRoot: WEB_ROOT,
  });
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
