import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { openDatabase } from '../../../server/storage/sqlite-database';
import { SqliteStorage } from '../../../server/storage/sqlite-storage';
import { connectClient, eventually, whenSynced, type NodeClient } from '../../support/node-client';
import { recordingLogger, startTestServer, type TestServer } from '../../support/test-server';
import { FailingStorage } from './failing-storage';

const DOC = 'failing-agenda';

describe('when storage fails', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dagsorden-failing-'));
  const clients: NodeClient[] = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('does not relay an update it could not store, tells the sender, and loses nothing once the fault clears', async () => {
    const db = openDatabase(dataDir);
    const storage = new FailingStorage(new SqliteStorage(db));
    const log = recordingLogger();
    server = await startTestServer({ dataDir, storage, log, agendas: [DOC] });
    const writer = connectClient(server.url, DOC);
    const peer = connectClient(server.url, DOC);
    clients.push(writer, peer);
    await Promise.all([whenSynced(writer.provider), whenSynced(peer.provider)]);
    const closeCodes: number[] = [];
    writer.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });

    writer.ydoc.getText('t').insert(0, 'one');
    await eventually(() => peer.ydoc.getText('t').toString() === 'one', 10_000, 'first edit relayed');
    await server.hub.flush();

    storage.failFromAppend(1);
    writer.ydoc.getText('t').insert(3, ' two');
    await eventually(() => closeCodes.includes(CloseCode.StorageFailure), 10_000, 'writer told with StorageFailure');
    const failure = log.lines.find((l) => l.event === 'storage-failure');
    expect(failure?.level).toBe('error');
    expect(failure?.fields).toMatchObject({ doc: DOC, error: expect.stringContaining('disk I/O error') });
    // While the fault lasts (the writer reconnects and retries meanwhile), the peer never sees it.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(storage.failures).toBeGreaterThanOrEqual(1);
    expect(peer.ydoc.getText('t').toString()).toBe('one');
    expect(server.hub.openDocuments()).toContain(DOC);

    storage.heal();
    await eventually(() => peer.ydoc.getText('t').toString() === 'one two', 15_000, 'edit relayed after the fault cleared');
    await server.hub.flush();
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    db.close();

    // A restart finds everything that was acknowledged, once.
    server = await startTestServer({ dataDir });
    const reader = connectClient(server.url, DOC);
    clients.push(reader);
    await whenSynced(reader.provider);
    expect(reader.ydoc.getText('t').toString()).toBe('one two');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, (await server.storage.load(DOC))!);
    expect(fresh.getText('t').toString()).toBe('one two');
  });
});
