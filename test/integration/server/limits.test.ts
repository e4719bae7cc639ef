import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { MessageType } from '../../../shared/protocol/message-types';
import { connectClient, eventually, whenSynced, type NodeClient } from '../../support/node-client';
import { recordingLogger, startTestServer, type TestServer, type TestServerOptions } from '../../support/test-server';
import { agendaSocketUrl, openSocket } from './raw-socket';

const DOC = 'limits-agenda';

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(entries: Array<{ clientId: number; state: unknown }>, clock = 1): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, state } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** A real Yjs update inserting `size` characters. */
function textUpdate(size: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(size));
  return Y.encodeStateAsUpdate(doc);
}

describe('limits', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  const start = async (options: TestServerOptions) => {
    server = await startTestServer({ agendas: [DOC], ...options });
  };
  /** Another client that keeps editing while the offender is closed. */
  const bystander = async () => {
    const a = connectClient(server.url, DOC);
    const b = connectClient(server.url, DOC);
    clients.push(a, b);
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    return {
      async stillEdits(text: string) {
        a.ydoc.getText('other').insert(0, text);
        await eventually(() => b.ydoc.getText('other').toString().startsWith(text), 10_000, 'bystander edit relayed');
        expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
      },
    };
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
  });

  it('closes a connection that sends a frame over the size limit with FrameTooLarge; others keep editing', async () => {
    const log = recordingLogger();
    await start({ log, limits: { maxFrameBytes: 64 * 1024 } });
    const others = await bystander();
    const { socket, closed } = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    socket.send(syncUpdateFrame(textUpdate(70 * 1024)));
    expect(await closed).toBe(CloseCode.FrameTooLarge);
    expect(log.lines.some((l) => l.event === 'frame-too-large')).toBe(true);
    await others.stillEdits('after big frame');
    await server.hub.flush();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await server.storage.load(DOC))!);
    expect(stored.getText('t').length).toBe(0);
  });

  it('closes a connection whose update would make the document too large with DocumentTooLarge', async () => {
    await start({ limits: { maxDocumentBytes: 20 * 1024 } });
    const others = await bystander();
    const { socket, closed } = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    socket.send(syncUpdateFrame(textUpdate(10 * 1024)));
    const second = new Y.Doc();
    second.getText('u').insert(0, 'y'.repeat(12 * 1024));
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(second)));
    expect(await closed).toBe(CloseCode.DocumentTooLarge);
    await others.stillEdits('small');
    await server.hub.flush();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await server.storage.load(DOC))!);
    expect(stored.getText('t').length).toBe(10 * 1024);
    expect(stored.getText('u').length).toBe(0);
  });

  it('closes a connection that announces too many awareness entries with TooManyAwarenessEntries', async () => {
    await start({ limits: { maxAwarenessEntriesPerConnection: 3 } });
    const others = await bystander();
    const { socket, closed } = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    socket.send(awarenessFrame([{ clientId: 9001, state: { user: 'a' } }, { clientId: 9002, state: { user: 'b' } }]));
    socket.send(awarenessFrame([{ clientId: 9001, state: { user: 'a2' } }, { clientId: 9003, state: { user: 'c' } }]));
    socket.send(awarenessFrame([{ clientId: 9004, state: { user: 'd' } }]));
    expect(await closed).toBe(CloseCode.TooManyAwarenessEntries);
    await others.stillEdits('presence');
  });

  it('refuses a connection that speaks for someone else’s presence, and leaves theirs untouched', async () => {
    await start({});
    const others = await bystander();
    const first = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    first.socket.send(awarenessFrame([{ clientId: 7001, state: { user: { name: 'Anna' } } }]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The same user taking over the entry is that user's tab reconnecting: allowed.
    const again = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    again.socket.send(awarenessFrame([{ clientId: 7001, state: { user: { name: 'Anna' } } }]));
    // Another user's client may echo it back unchanged (y-websocket clients do), but not change it.
    const spoofer = await openSocket(agendaSocketUrl(server.url, DOC, server.addUser({ name: 'Falsk' })));
    spoofer.socket.send(awarenessFrame([{ clientId: 7001, state: { user: { name: 'Anna' } } }]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(spoofer.socket.readyState).toBe(spoofer.socket.OPEN);
    spoofer.socket.send(awarenessFrame([{ clientId: 7001, state: { user: { name: 'Falsk' } } }], 2));
    expect(await spoofer.closed).toBe(CloseCode.MalformedMessage);
    expect(first.socket.readyState).toBe(first.socket.OPEN);
    expect(again.socket.readyState).toBe(again.socket.OPEN);
    again.socket.close();
    await others.stillEdits('spoof');
    first.socket.close();
  });

  it('closes connections beyond the cap per address with TooManyConnections', async () => {
    await start({ limits: { maxConnectionsPerAddress: 3 } });
    const others = await bystander(); // two connections
    const third = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    const fourth = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    expect(await fourth.closed).toBe(CloseCode.TooManyConnections);
    expect(third.socket.readyState).toBe(third.socket.OPEN);
    await others.stillEdits('capped');
    third.socket.close();
    await third.closed;
    const again = await openSocket(agendaSocketUrl(server.url, DOC, server.token));
    expect(again.socket.readyState).toBe(again.socket.OPEN);
    again.socket.close();
  });
});
