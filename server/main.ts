import { parseFlags } from './cli/server-flags';
import { serverConfig } from './cli/server-config';
import { USER_COMMANDS, runUserCommand } from './cli/user-commands';
import { createLogger } from './log';
import { openDatabase } from './storage/sqlite-database';
import { SqliteStorage } from './storage/sqlite-storage';
import { UserStore } from './auth/user-store';
import { AgendaStore } from './agendas/agenda-store';
import { startSyncServer } from './http/sync-server';
import { agendaPdfRoute } from './http/agenda-pdf-route';
import { PdfWorkerPool } from './export/pdf-worker-pool';

/**
 * The sync server's command line: `npm run server -- [--host H] [--port P] [--data DIR] …`
 * serves; `npm run server -- add-user|list-users|revoke-user|restore-agenda …` administers
 * the data folder. Settings are documented in README.md ("Running the server for a team").
 */
async function main(args: string[]): Promise<void> {
  const { flags, positional } = parseFlags(args);
  const command = positional[0];
  if (command) {
    if (!USER_COMMANDS[command]) {
      const usage = Object.values(USER_COMMANDS).map((c) => `  npm run server -- ${c.usage}`).join('\n');
      throw new Error(`ukendt kommando "${command}". Kommandoer:\n${usage}`);
    }
    process.exitCode = runUserCommand(command, args.slice(args.indexOf(command) + 1));
    return;
  }
  const config = serverConfig(flags);
  const log = createLogger();
  const db = openDatabase(config.dataDir, { synchronous: config.synchronous });
  const storage = new SqliteStorage(db, { onCompactionError: (name, error) => log.error('compaction-failure', { doc: name, error: error.message }) });
  const pdfWorkers = new PdfWorkerPool();
  const server = await startSyncServer({
    host: config.host,
    port: config.port,
    storage,
    users: new UserStore(db),
    agendas: new AgendaStore(db),
    log,
    webRoot: config.webRoot,
    limits: config.limits,
    trustProxy: config.trustProxy,
    routes: [agendaPdfRoute(pdfWorkers)],
  });
  log.info('listening', { url: server.url, data: config.dataDir, trustProxy: config.trustProxy, synchronous: config.synchronous });
  process.stdout.write(`listening on ${server.url}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown', { signal });
    Promise.all([server.close(), pdfWorkers.close()]).then(
      () => {
        db.close();
        log.info('stopped', { signal });
        process.exit(0);
      },
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
