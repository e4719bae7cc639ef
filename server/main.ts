import { fileURLToPath } from 'node:url';
import { parseFlags, parsePort } from './cli/server-flags';
import { createLogger } from './log';
import { MemoryStorage } from './storage/memory-storage';
import { startSyncServer } from './http/sync-server';

/**
 * The sync server's command line: `npm run server -- [--host H] [--port P] [--web DIR]`.
 * Flags override the environment (DAGSORDEN_HOST, DAGSORDEN_PORT).
 */
async function main(args: string[]): Promise<void> {
  const { flags } = parseFlags(args);
  const host = flags.get('host') ?? process.env.DAGSORDEN_HOST ?? '127.0.0.1';
  const port = parsePort(flags.get('port') ?? process.env.DAGSORDEN_PORT ?? '1234');
  const webRoot = flags.get('web') ?? fileURLToPath(new URL('../dist/renderer', import.meta.url));
  const log = createLogger();
  const server = await startSyncServer({ host, port, storage: new MemoryStorage(), log, webRoot });
  process.stdout.write(`listening on ${server.url}\n`);
  const shutdown = (signal: string) => {
    log.info('shutdown', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown-failed', { error: (error as Error).message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`dagsorden-server: ${(error as Error).message}\n`);
  process.exit(1);
});
