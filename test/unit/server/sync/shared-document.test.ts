import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SharedDocument } from '../../../../server/sync/shared-document';
import type { SyncConnection } from '../../../../server/sync/sync-connection';
import type { DocumentStorage } from '../../../../server/storage/document-storage';
import { silentLogger } from '../../../../server/log';
import { CloseCode } from '../../../../shared/protocol/close-codes';

/** A storage whose appends wait until the test settles them. */
function controlledStorage() {
  const appends: Array<{ update: Uint8Array; resolve: () => void; reject: (error: Error) => void }> = [];
  const storage: DocumentStorage = {
    load: async () => null,
    append: (_name, update) => new Promise<void>((resolve, reject) => appends.push({ update, resolve, reject })),
    remove: async () => undefined,
    close: async () => undefined,
  };
  return { storage, appends };
}

function connection(label: string) {
  const sent: Uint8Array[] = [];
  const closes: number[] = [];
  const conn: SyncConnection = { label, readOnly: false, userId: 1, send: (m) => sent.push(m), close: (code) => closes.push(code) };
  return { conn, sent, closes };
}

/** Three updates from one client, each building on the one before. */
function typing(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const ch of 'abc') doc.getText('t').insert(doc.getText('t').length, ch);
  return updates;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A loaded document on storage that waits to be told, with a writer and a peer connected. */
async function writerAndPeer() {
  const { storage, appends } = controlledStorage();
  const doc = new SharedDocument('d', { storage, log: silentLogger, maxDocumentBytes: 1 << 20 });
  await doc.ready;
  const writer = connection('writer');
  const peer = connection('peer');
  doc.connections.set(writer.conn, new Set());
  doc.connections.set(peer.conn, new Set());
  return { appends, doc, writer, peer };
}

describe('SharedDocument', () => {
  it('relays an update only after storage has it, and stores updates that arrive meanwhile together', async () => {
    const { appends, doc, writer, peer } = await writerAndPeer();
    const [u1, u2, u3] = typing();
    void doc.receiveUpdate(u1!, writer.conn);
    void doc.receiveUpdate(u2!, writer.conn);
    void doc.receiveUpdate(u3!, writer.conn);
    await tick();
    expect(appends).toHaveLength(1);
    expect(peer.sent).toHaveLength(0);
    appends[0]!.resolve();
    await tick();
    expect(peer.sent).toHaveLength(1); // u1 relayed
    expect(appends).toHaveLength(2); // u2 and u3 in one write
    appends[1]!.resolve();
    await doc.flushed();
    expect(doc.ydoc.getText('t').toString()).toBe('abc');
    expect(peer.sent).toHaveLength(3);
    expect(writer.sent.length).toBeGreaterThan(0); // the SavedState confirmation
  });

  it('on a storage failure applies and relays nothing, closes the sender, and drops its queued updates', async () => {
    const { appends, doc, writer, peer } = await writerAndPeer();
    const [u1, u2] = typing();
    void doc.receiveUpdate(u1!, writer.conn);
    void doc.receiveUpdate(u2!, writer.conn);
    await tick();
    appends[0]!.reject(new Error('disk full'));
    await doc.flushed();
    expect(writer.closes).toEqual([CloseCode.StorageFailure]);
    expect(appends).toHaveLength(1);
    expect(peer.sent).toHaveLength(0);
    expect(doc.ydoc.getText('t').toString()).toBe('');
  });
});
