import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AGENDA_API_PATH } from '../../../shared/protocol/agenda-api';
import { connectClient, whenSynced, type NodeClient } from '../../support/node-client';
import { addUserWithCommand, bundledServer, freePort, startServerProcess, type ServerProcess } from './server-process';
import { seededRandom } from '../../support/seeded-random';

const DOC = 'durable-agenda';
const CYCLES = 25;


describe('durability under SIGKILL', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dagsorden-durable-'));
  let server: ServerProcess | undefined;
  let bundle: string;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (bundle) rmSync(bundle, { force: true });
  });

  it(`keeps every token the server relayed through ${CYCLES} kills, none duplicated`, async () => {
    const random = seededRandom(20240618);
    bundle = bundledServer();
    const token = addUserWithCommand(dataDir, 'Holdbar', 'hb');
    const port = await freePort();
    const args = ['--port', String(port), '--data', dataDir];
    /** Tokens a second client saw relayed (or synced) from the server. */
    const relayed = new Set<string>();
    let next = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      server = await startServerProcess(args, { bundle });
      if (cycle === 0) {
        const created = await fetch(`${server.url}${AGENDA_API_PATH}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ id: DOC }),
        });
        expect(created.status).toBe(201);
      }
      // Fresh documents each cycle: a client that kept its state would resend lost tokens and
      // hide a loss. Only the server's storage carries tokens from one cycle to the next.
      const observer = connectClient(server.url, DOC, { token });
      const writer = connectClient(server.url, DOC, { token });
      const clients: NodeClient[] = [observer, writer];
      observer.ydoc.getArray<string>('tokens').observe((event) => {
        for (const change of event.changes.delta) if (change.insert) for (const value of change.insert as string[]) relayed.add(value);
      });
      await Promise.all(clients.map((c) => whenSynced(c.provider)));
      const sender = setInterval(() => writer.ydoc.getArray<string>('tokens').push([`token-${next++}`]), 20);
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 350));
      server.child.kill('SIGKILL');
      await server.exited;
      clearInterval(sender);
      for (const c of clients) c.destroy();
    }

    server = await startServerProcess(args, { bundle });
    const reader = connectClient(server.url, DOC, { token });
    try {
      await whenSynced(reader.provider);
      const stored = reader.ydoc.getArray<string>('tokens').toArray();
      const missing = [...relayed].filter((t) => !stored.includes(t));
      expect(missing).toEqual([]);
      expect(stored.length).toBe(new Set(stored).size);
      expect(relayed.size).toBeGreaterThan(CYCLES * 5);
    } finally {
      reader.destroy();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }, 120_000);
});
