import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';
import { installedElectronBinary } from './electron-binary';

/**
 * `npm start`: starts a local sync server on a free port, then the desktop app pointed at it.
 * Where the Electron binary is missing (it is downloaded when electron is installed with
 * network access), says so and keeps the server running for a browser instead.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

const DATA_DIR = process.env.DAGSORDEN_DATA ?? 'data';
const LOCAL_INITIALS = 'lok';

/**
 * A fresh access token for this machine's local user: the previous one is revoked and a new
 * one made, so no token needs to be kept in a file between runs.
 */
function localUserToken(): string {
  const admin = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args, '--data', DATA_DIR], { cwd: root, encoding: 'utf8' });
  admin('revoke-user', '--initials', LOCAL_INITIALS);
  const added = admin('add-user', '--name', 'Lokal bruger', '--initials', LOCAL_INITIALS);
  const token = added.stdout.trim().split('\n').at(-1) ?? '';
  if (added.status !== 0 || !/^\S{20,}$/.test(token)) {
    throw new Error(`kunne ikke oprette en lokal bruger på sync-serveren: ${added.stderr || added.stdout}`);
  }
  return token;
}

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', DATA_DIR], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the sync server stopped (exit code ${code})`)));
  });
}

const token = localUserToken();
const { child: server, url } = await startServer();
process.stdout.write(`Sync-serveren kører på ${url} (data i ${DATA_DIR}/)\n`);
const stopServer = () => server.kill('SIGTERM');
process.once('SIGINT', stopServer);
process.once('SIGTERM', stopServer);

const binary = installedElectronBinary(root);
if (!binary) {
  process.stdout.write(
    'Electron-programmet er ikke installeret på denne maskine (det hentes, når "npm install" har internetadgang).\n' +
      `Åbn ${url} i en browser i stedet, med adgangsnøglen ${token}\n` +
      'Tryk Ctrl+C for at stoppe serveren.\n',
  );
} else {
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, DAGSORDEN_SERVER_URL: url.replace(/^http/, 'ws'), DAGSORDEN_SYNC_TOKEN: token } });
  app.once('exit', (code) => {
    stopServer();
    process.exitCode = code ?? 0;
  });
}
