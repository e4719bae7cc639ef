import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { SCHEMA_VERSION } from '../../../shared/protocol/schema-version';

import { MemoryStorage } from '../../../server/storage/memory-storage';
import { connectClient, eventually, whenSynced, type NodeClient } from '../../support/node-client';
import { recordingLogger, startTestServer, type TestServer } from '../../support/test-server';

const DOC = 'agenda-test-1';

describe('sync server', () => {
  let server: TestServer;
  let log: ReturnType<typeof recordingLogger>;
  const clients: NodeClient[] = [];
  const client = (name = DOC) => {
    const c = connectClient(server.url, name);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    log = recordingLogger();
    server = await startTestServer({ log, agendas: [DOC] });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  it('lets two clients edit concurrently and converge, and gives a late joiner everything', async () => {
    const a = client();
    const b = client();
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    // Concurrent: both edit before either sees the other's change.
    a.ydoc.getText('t').insert(0, 'alpha ');
    b.ydoc.getText('t').insert(0, 'beta ');
    a.ydoc.getMap('m').set('who', 'a');
    await eventually(() => a.ydoc.getText('t').length === 11 && b.ydoc.getText('t').length === 11, 10_000, 'both edits on both clients');
    expect(a.ydoc.getText('t').toString()).toBe(b.ydoc.getText('t').toString());
    expect(a.ydoc.getText('t').toString()).toMatch(/alpha /);
    expect(a.ydoc.getText('t').toString()).toMatch(/beta /);
    await eventually(() => b.ydoc.getMap('m').get('who') === 'a');

    const late = client();
    await whenSynced(late.provider);
    expect(late.ydoc.getText('t').toString()).toBe(a.ydoc.getText('t').toString());
    expect(late.ydoc.getMap('m').get('who')).toBe('a');
  });

  it('closes only the sender of a garbage frame, and keeps serving the others', async () => {
    const a = client();
    const b = client();
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    a.ydoc.getText('t').insert(0, 'before ');
    await eventually(() => b.ydoc.getText('t').toString() === 'before ');

    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/${DOC}?schema=${SCHEMA_VERSION}&token=${server.token}`);
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    await new Promise((resolve) => raw.on('open', resolve));
    raw.send(Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    expect(await closed).toBe(CloseCode.MalformedMessage);
    expect(log.lines.some((l) => l.event === 'malformed-message' && l.fields.doc === DOC)).toBe(true);

    a.ydoc.getText('t').insert(7, 'after');
    await eventually(() => b.ydoc.getText('t').toString() === 'before after', 10_000, 'edit after the garbage frame');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('closes a connection that sends an unknown message type', async () => {
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/${DOC}?schema=${SCHEMA_VERSION}&token=${server.token}`);
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    await new Promise((resolve) => raw.on('open', resolve));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 77);
    raw.send(encoding.toUint8Array(encoder));
    expect(await closed).toBe(CloseCode.MalformedMessage);
  });

  it('refuses a client with an outdated schema version', async () => {
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/${DOC}?schema=0&token=${server.token}`);
    const [code, reason] = await new Promise<[number, string]>((resolve) => raw.on('close', (c, r) => resolve([c, r.toString()])));
    expect(code).toBe(CloseCode.OutdatedClient);
    expect(reason).toBe('Opdater Dagsorden');
  });

  it('refuses an upgrade for a name that is not an agenda id', async () => {
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/..%2Fetc?schema=${SCHEMA_VERSION}&token=${server.token}`);
    const error = await new Promise<Error>((resolve) => raw.on('error', resolve));
    expect(error.message).toMatch(/400/);
  });

  it('serves the web client over HTTP', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
    const traversal = await fetch(`${server.url}/..%2f..%2fpackage.json`);
    expect(traversal.status).not.toBe(200);
  });
});

describe('sync server with slow storage', () => {
  it('sends the stored state before a client is told it is synced', async () => {
    const stored = new Y.Doc();
    stored.getText('t').insert(0, 'stored text');
    const inner = new MemoryStorage();
    await inner.append(DOC, Y.encodeStateAsUpdate(stored));
    const slow = {
      load: async (name: string) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return inner.load(name);
      },
      append: (name: string, update: Uint8Array) => inner.append(name, update),
      remove: (name: string) => inner.remove(name),
      close: () => inner.close(),
    };
    const server = await startTestServer({ storage: slow, agendas: [DOC] });
    const c = connectClient(server.url, DOC);
    try {
      await whenSynced(c.provider);
      expect(c.ydoc.getText('t').toString()).toBe('stored text');
    } finally {
      c.destroy();
      await server.close();
    }
  });
});
