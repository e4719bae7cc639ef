import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Limits, type SyncLimits } from '../../shared/protocol/limits';
import { parsePort } from './server-flags';
import type { SqliteSynchronous } from '../storage/sqlite-database';

/** The server's configuration: each setting from its flag, else its environment variable, else a default. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Folder of the SQLite file (`dagsorden.sqlite`). */
  dataDir: string;
  /** Folder of the built web client. */
  webRoot: string;
  trustProxy: boolean;
  /** When SQLite commits reach the disk (see `SqliteSynchronous`). */
  synchronous: SqliteSynchronous;
  limits: SyncLimits;
}

/** One setting: its flag, environment variable and default, as documented in README.md. */
export const SETTINGS = {
  host: { flag: 'host', env: 'DAGSORDEN_HOST', fallback: '127.0.0.1' },
  port: { flag: 'port', env: 'DAGSORDEN_PORT', fallback: '1234' },
  data: { flag: 'data', env: 'DAGSORDEN_DATA', fallback: './data' },
  web: { flag: 'web', env: 'DAGSORDEN_WEB', fallback: fileURLToPath(new URL('../../dist/renderer', import.meta.url)) },
  trustProxy: { flag: 'trust-proxy', env: 'DAGSORDEN_TRUST_PROXY', fallback: 'false' },
  maxConnectionsPerIp: { flag: 'max-connections-per-ip', env: 'DAGSORDEN_MAX_CONNECTIONS_PER_IP', fallback: String(Limits.maxConnectionsPerAddress) },
  maxFrameBytes: { flag: 'max-frame-bytes', env: 'DAGSORDEN_MAX_FRAME_BYTES', fallback: String(Limits.maxFrameBytes) },
  maxDocumentBytes: { flag: 'max-document-bytes', env: 'DAGSORDEN_MAX_DOCUMENT_BYTES', fallback: String(Limits.maxDocumentBytes) },
  synchronous: { flag: 'sqlite-synchronous', env: 'DAGSORDEN_SQLITE_SYNCHRONOUS', fallback: 'full' },
} as const;

type Setting = keyof typeof SETTINGS;

/** Reads the configuration from flags and the environment; throws an Error naming a bad value. */
export function serverConfig(flags: Map<string, string>, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const get = (setting: Setting): string => {
    const { flag, env: name, fallback } = SETTINGS[setting];
    return flags.get(flag) ?? env[name] ?? fallback;
  };
  return {
    host: get('host'),
    port: parsePort(get('port')),
    dataDir: path.resolve(get('data')),
    webRoot: path.resolve(get('web')),
    trustProxy: parseBoolean(get('trustProxy'), '--trust-proxy'),
    synchronous: parseSynchronous(get('synchronous')),
    limits: {
      ...Limits,
      maxConnectionsPerAddress: parsePositive(get('maxConnectionsPerIp'), '--max-connections-per-ip'),
      maxFrameBytes: parsePositive(get('maxFrameBytes'), '--max-frame-bytes'),
      maxDocumentBytes: parsePositive(get('maxDocumentBytes'), '--max-document-bytes'),
    },
  };
}

/** The data folder from `--data` or DAGSORDEN_DATA (for the user commands). */
export function dataDirFrom(flags: Map<string, string>, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flags.get('data') ?? env.DAGSORDEN_DATA ?? SETTINGS.data.fallback);
}

function parseBoolean(value: string, flag: string): boolean {
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no', ''].includes(value.toLowerCase())) return false;
  throw new Error(`${flag}: "${value}" skal være true eller false`);
}

function parseSynchronous(value: string): SqliteSynchronous {
  if (value === 'full' || value === 'normal') return value;
  throw new Error(`--sqlite-synchronous: "${value}" skal være full eller normal`);
}

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: "${value}" skal være et positivt heltal`);
  return n;
}
