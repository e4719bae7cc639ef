import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = 'server/main.ts';

/** `npm run server -- ARGS` without the web build that `npm run server` does first. */
function serverArgs(args: string[]): string[] {
  return ['--import', 'tsx', MAIN, ...args];
}

/**
 * server/main.ts bundled once into one ES module (types stripped, packages left as imports),
 * for tests that start the server many times: it starts in about a third of the time tsx
 * needs to compile the sources on each start. It lives under node_modules/.cache so its
 * package imports resolve.
 */
export function bundledServer(): string {
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'dagsorden-test-server', `main-${process.pid}.mjs`);
  buildSync({ entryPoints: [path.join(ROOT, MAIN)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs an administration command (add-user, …) to completion. */
export function runServerCommand(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, serverArgs(args), { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Adds a user with the real command and returns the token it printed. */
export function addUserWithCommand(dataDir: string, name: string, initials: string, readOnly = false): string {
  const result = runServerCommand(['add-user', '--data', dataDir, '--name', name, '--initials', initials, ...(readOnly ? ['--read-only'] : [])]);
  if (result.status !== 0) throw new Error(`add-user failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').at(-1)!;
}

/** A free TCP port on 127.0.0.1 (so a restarted server can come back on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A server running as its own process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line it wrote to stdout so far. */
  lines: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * Starts `server/main.ts` as a process (or the given bundle of it, see `bundledServer`) and
 * resolves once it listens.
 */
export function startServerProcess(args: string[], options: { env?: NodeJS.ProcessEnv; bundle?: string } = {}): Promise<ServerProcess> {
  const env = options.env ?? {};
  const child = spawn(process.execPath, options.bundle ? [options.bundle, ...args] : serverArgs(args), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        const match = /^listening on (http:\/\/\S+)$/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve({ url: match[1]!, child, lines, exited });
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${stderr}`));
    });
  });
}
