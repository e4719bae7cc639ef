import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { SCHEMA_VERSION } from '../../shared/protocol/schema-version';
// The stock y-websocket server utilities, in memory (no YPERSISTENCE): the baseline.
import { setupWSConnection } from '@y/websocket-server/utils';
import { connectClient, whenSynced, type NodeClient } from '../support/node-client';
import { startTestServer } from '../support/test-server';
import type { SqliteSynchronous } from '../../server/storage/sqlite-database';
import { percentile } from './statistics';
import { editLatencies } from '../support/edit-latency';
import type { Benchmark, BenchRow } from './bench-types';

/**
 * Sync server: update latency (client A's edit observed by client B) and throughput with 2,
 * 10 and 50 clients on one agenda, for our server with durable SQLite storage (WAL, fsync on
 * every commit) beside the stock y-websocket server utilities in memory, in the same run;
 * plus the latency at 10 clients with `--sqlite-synchronous normal`.
 */

const CLIENT_COUNTS = [2, 10, 50];
// Each y-websocket provider in Node adds a process 'exit' listener; 50 of them are expected here.
process.setMaxListeners(200);
const LATENCY_SAMPLES = 1000;
/** Edits each client sends in the throughput run. */
const EDITS_PER_CLIENT: Record<number, number> = { 2: 3000, 10: 600, 50: 120 };

interface Target {
  url: string;
  token?: string;
  /** A fresh agenda id (registered where the server needs that). */
  newAgenda(): string;
  close(): Promise<void>;
}

async function ourServer(synchronous: SqliteSynchronous = 'full'): Promise<Target> {
  const server = await startTestServer({ limits: { maxConnectionsPerAddress: 500 }, synchronous });
  let n = 0;
  return {
    url: server.url,
    token: server.token,
    newAgenda: () => server.registerAgenda(`bench-sync-${n++}`),
    close: () => server.close(),
  };
}

async function stockServer(): Promise<Target> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let n = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    newAgenda: () => `bench-stock-${n++}`,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function connectAll(target: Target, agenda: string, count: number): Promise<NodeClient[]> {
  const clients = Array.from({ length: count }, () => connectClient(target.url, agenda, { token: target.token ?? '' }));
  await Promise.all(clients.map((c) => whenSynced(c.provider, 30_000)));
  return clients;
}


/** Milliseconds from A's edit until B has it, LATENCY_SAMPLES times, with every client connected. */
async function latencies(target: Target, count: number): Promise<number[]> {
  const clients = await connectAll(target, target.newAgenda(), count);
  try {
    return await editLatencies(clients[0]!.ydoc, clients[1]!.ydoc, LATENCY_SAMPLES, 20);
  } finally {
    for (const c of clients) c.destroy();
  }
}

/** A raw websocket client: sends pre-encoded update frames and counts the updates relayed to it, without Yjs. */
interface RawClient {
  socket: WebSocket;
  received: number;
  frames: Uint8Array[];
}

/** The edits of one client: `count` array pushes, each as its own sync-update frame. */
function editFrames(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    syncProtocol.writeUpdate(encoder, update);
    frames.push(encoding.toUint8Array(encoder));
  });
  for (let i = 0; i < count; i++) doc.getArray<number>('edits').push([i]);
  return frames;
}

/** Opens a raw client and resolves once the server answered its sync step 1 (the document is loaded). */
function rawClient(target: Target, agenda: string, edits: number): Promise<RawClient> {
  const query = new URLSearchParams({ schema: String(SCHEMA_VERSION), ...(target.token ? { token: target.token } : {}) });
  const socket = new WebSocket(`${target.url.replace(/^http/, 'ws')}/${agenda}?${query}`);
  const client: RawClient = { socket, received: 0, frames: editFrames(edits) };
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, new Y.Doc());
      socket.send(encoding.toUint8Array(encoder));
    });
    socket.on('message', (data: Buffer) => {
      // [0 = sync, 1 = step 2 | 2 = update, …]: only the second byte is read, no decoding.
      if (data[0] !== 0) return;
      if (data[1] === syncProtocol.messageYjsSyncStep2) resolve(client);
      else if (data[1] === syncProtocol.messageYjsUpdate) client.received += 1;
    });
  });
}

/**
 * Every client sends its edits as fast as the socket takes them; the time until every
 * client has received every other client's edits. Clients are raw sockets that neither
 * decode nor apply what they receive, so the number measures the server. Returns updates
 * relayed per second (each to every other client) and deliveries per second.
 */
async function throughput(target: Target, count: number): Promise<{ editsPerSecond: number; deliveriesPerSecond: number }> {
  const agenda = target.newAgenda();
  const perClient = EDITS_PER_CLIENT[count]!;
  const clients = await Promise.all(Array.from({ length: count }, () => rawClient(target, agenda, perClient)));
  const expected = perClient * (count - 1);
  try {
    const start = performance.now();
    for (let round = 0; round < perClient; round++) {
      for (const c of clients) c.socket.send(c.frames[round]!);
      if (round % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    const deadline = start + 120_000;
    while (clients.some((c) => c.received < expected)) {
      if (performance.now() > deadline) throw new Error(`relay incomplete: ${clients.map((c) => c.received).join(',')} of ${expected}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const seconds = (performance.now() - start) / 1000;
    const total = perClient * count;
    return { editsPerSecond: total / seconds, deliveriesPerSecond: (total * (count - 1)) / seconds };
  } finally {
    for (const c of clients) c.socket.terminate();
  }
}

const benchmarks: Benchmark[] = [
  {
    name: 'Sync server: update latency and throughput',
    baseline: 'stock y-websocket server utilities (@y/websocket-server 0.1.1 setupWSConnection), in memory, same run; ours stores every update in SQLite (WAL, fsync) before relaying it',
    async run(): Promise<BenchRow[]> {
      const ours = await ourServer();
      const stock = await stockServer();
      const rows: BenchRow[] = [];
      try {
        for (const count of CLIENT_COUNTS) {
          // Alternate, so neither side always runs on a warmer process.
          const stockLatency = await latencies(stock, count);
          const ourLatency = await latencies(ours, count);
          const stockThroughput = await throughput(stock, count);
          const ourThroughput = await throughput(ours, count);
          const p99Target = count === 10 ? { target: '≤ 1.5× baseline', met: percentile(ourLatency, 99) <= 1.5 * percentile(stockLatency, 99) } : {};
          rows.push(
            { case: `${count} clients`, metric: 'latency p50', unit: 'ms', ours: percentile(ourLatency, 50), baseline: percentile(stockLatency, 50), better: 'lower' },
            { case: `${count} clients`, metric: 'latency p99', unit: 'ms', ours: percentile(ourLatency, 99), baseline: percentile(stockLatency, 99), better: 'lower', ...p99Target },
            {
              case: `${count} clients`, metric: 'relayed updates', unit: 'edits/s', ours: ourThroughput.editsPerSecond, baseline: stockThroughput.editsPerSecond, better: 'higher',
              target: '≥ 2,000/s', met: ourThroughput.editsPerSecond >= 2000,
            },
            { case: `${count} clients`, metric: 'deliveries to clients', unit: '1/s', ours: ourThroughput.deliveriesPerSecond, baseline: stockThroughput.deliveriesPerSecond, better: 'higher' },
          );
        }
        // The same server with SQLite's synchronous=normal (commits reach the WAL file, fsync
        // only at checkpoints: survives a killed process, not a power cut), to show what the
        // per-commit fsync costs.
        const normal = await ourServer('normal');
        try {
          const stockLatency = await latencies(stock, 10);
          const normalLatency = await latencies(normal, 10);
          rows.push(
            { case: '10 clients, synchronous=normal', metric: 'latency p50', unit: 'ms', ours: percentile(normalLatency, 50), baseline: percentile(stockLatency, 50), better: 'lower' },
            {
              case: '10 clients, synchronous=normal', metric: 'latency p99', unit: 'ms', ours: percentile(normalLatency, 99), baseline: percentile(stockLatency, 99), better: 'lower',
              target: '≤ 1.5× baseline', met: percentile(normalLatency, 99) <= 1.5 * percentile(stockLatency, 99),
            },
          );
        } finally {
          await normal.close();
        }
        return rows;
      } finally {
        await ours.close();
        await stock.close();
      }
    },
  },
];

export default benchmarks;
