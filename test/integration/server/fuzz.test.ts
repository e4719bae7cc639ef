import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import WebSocket from 'ws';
import { MessageType } from '../../../shared/protocol/message-types';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { readAgenda, writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { kkrTemplate } from '../../../shared/agenda/kkr-template';
import { EMPTY_MEETING_FACTS } from '../../../shared/agenda/meeting-facts';
import { connectClient, eventually, whenSynced } from '../../support/node-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { agendaSocketUrl, openSocket } from './raw-socket';
import { forgedUpdate } from './forged-update';
import { seededRandom } from '../../support/seeded-random';

const DOC = 'fuzzed-agenda';
const FRAMES = 10_000;
const PARALLEL = 16;


function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Real frames of every kind, to truncate. */
function realFrames(doc: Y.Doc): Uint8Array[] {
  const edit = new Y.Doc();
  Y.applyUpdate(edit, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(edit);
  edit.getText('t').insert(0, 'fuzz');
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name: 'Fuzz', color: '#123456' } });
  return [
    frame((e) => { encoding.writeVarUint(e, MessageType.Sync); syncProtocol.writeSyncStep1(e, doc); }),
    frame((e) => { encoding.writeVarUint(e, MessageType.Sync); syncProtocol.writeSyncStep2(e, edit); }),
    frame((e) => { encoding.writeVarUint(e, MessageType.Sync); syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(edit, before)); }),
    frame((e) => { encoding.writeVarUint(e, MessageType.Awareness); encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])); }),
  ];
}

/** One malformed frame: random bytes, a truncation of a real frame, or bad varints. */
function malformedFrame(random: () => number, real: Uint8Array[]): Uint8Array {
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  switch (int(3)) {
    case 0:
      return bytes(int(200));
    case 1: {
      const source = real[int(real.length)]!;
      return source.slice(0, int(source.length)); // always shorter than the real frame
    }
    default: {
      // A message type and sync type, then a varint that never ends, overflows, or claims a huge length.
      const head = [int(2), int(3)];
      const variants = [
        [...head, ...Array.from({ length: 1 + int(12) }, () => 0x80 | int(128))],
        [...head, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
        [...head, 0xff, 0xff, 0xff, 0xff, 0x0f, ...bytes(int(20))],
        [int(2), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
      ];
      return Uint8Array.from(variants[int(variants.length)]!);
    }
  }
}

/**
 * Sends one frame on a fresh connection, then a sync step 1 as a probe. Resolves with
 * "closed <code>" when the server closed it, or "survived" when the probe was answered.
 */
function sendOne(url: string, payload: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'nodebuffer';
    let settled = false;
    const done = (outcome: string) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      socket.terminate();
    };
    socket.on('open', () => {
      socket.send(payload);
      socket.send(frame((e) => { encoding.writeVarUint(e, MessageType.Sync); syncProtocol.writeSyncStep1(e, new Y.Doc()); }));
    });
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === MessageType.Sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) done('survived');
    });
    socket.on('close', (code) => done(`closed ${code}`));
    socket.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}

describe('malformed frames', () => {
  let server: TestServer;
  let stored: string;

  beforeAll(async () => {
    server = await startTestServer({ agendas: [DOC] });
    const author = connectClient(server.url, DOC);
    await whenSynced(author.provider);
    writeNewAgenda(author.ydoc, kkrTemplate({ ...EMPTY_MEETING_FACTS, committee: 'KKR Fuzz', date: '2024-06-18' }));
    await eventually(() => server.hub.openDocuments().includes(DOC));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.hub.flush();
    author.destroy();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await server.storage.load(DOC))!);
    stored = JSON.stringify(readAgenda(doc));
    expect(stored).toContain('KKR Fuzz');
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`survive ${FRAMES} seeded malformed frames, and the stored agenda is unchanged`, async () => {
    const random = seededRandom(0x5eed);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await server.storage.load(DOC))!);
    const real = realFrames(doc);
    const frames = Array.from({ length: FRAMES }, () => malformedFrame(random, real));
    const url = agendaSocketUrl(server.url, DOC, server.token);
    const outcomes = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < frames.length) {
          const outcome = await sendOne(url, frames[next++]!);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }),
    );
    // Every frame was either refused as malformed or harmless; nothing else happened.
    expect([...outcomes.keys()].every((o) => o === 'survived' || o === `closed ${CloseCode.MalformedMessage}`), JSON.stringify([...outcomes])).toBe(true);
    expect(outcomes.get(`closed ${CloseCode.MalformedMessage}`)).toBeGreaterThan(FRAMES * 0.9);

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.hub.flush();
    const after = new Y.Doc();
    Y.applyUpdate(after, (await server.storage.load(DOC))!);
    expect(JSON.stringify(readAgenda(after))).toBe(stored);

    // An update that decodes but would break the document when applied is refused too.
    const forged = forgedUpdate(after);
    const { socket, closed } = await openSocket(url);
    socket.send(frame((e) => { encoding.writeVarUint(e, MessageType.Sync); syncProtocol.writeUpdate(e, forged); }));
    expect(await closed).toBe(CloseCode.MalformedMessage);
    await server.hub.flush();
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await server.storage.load(DOC))!);
    expect(JSON.stringify(readAgenda(reloaded))).toBe(stored);

    // And the server still serves edits.
    const a = connectClient(server.url, DOC);
    const b = connectClient(server.url, DOC);
    try {
      await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
      a.ydoc.getText('after-fuzz').insert(0, 'still here');
      await eventually(() => b.ydoc.getText('after-fuzz').toString() === 'still here');
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
