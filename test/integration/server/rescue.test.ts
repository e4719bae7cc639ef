/**
 * The sync server puts text typed into an item that was moved meanwhile into the moved item
 * (shared/rescue, server/sync/shared-document.ts), stores that before relaying it, still has
 * it after a restart, and does not take a reconnecting colleague's catch-up for a deletion.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { agendaBody, item, paragraph, section } from '../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../shared/agenda/agenda-file';
import { EMPTY_MEETING_FACTS } from '../../../shared/agenda/meeting-facts';
import { moveItemTo } from '../../../shared/agenda/item-moves';
import { bodyFragment, readAgenda, writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { recordCopies } from '../../../shared/rescue/copy-recorder';
import { agendaSchema } from '../../../shared/schema/agenda-schema';
import { MessageType } from '../../../shared/protocol/message-types';
import { agendaSocketUrl, openSocket } from './raw-socket';
import { startTestServer, type TestServer } from '../../support/test-server';
import { connectClient, eventually, recordSavedStates, whenSynced, type NodeClient } from '../../support/node-client';

const dataDir = mkdtempSync(path.join(tmpdir(), 'dagsorden-rescue-'));
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A client without a view: its editor state is written to its Y.Doc as the editor's sync
 * plugin does it (updateYFragment), with the editor's copy recorder installed.
 */
class HeadlessClient {
  readonly ydoc = new Y.Doc();
  state: EditorState;
  private meta: ReturnType<typeof initProseMirrorDoc>['meta'];

  constructor(initial: Uint8Array) {
    Y.applyUpdate(this.ydoc, initial);
    recordCopies(this.ydoc);
    const { doc, meta } = initProseMirrorDoc(bodyFragment(this.ydoc), agendaSchema());
    this.meta = meta;
    this.state = EditorState.create({ schema: agendaSchema(), doc });
  }

  dispatch(tr: Transaction): void {
    const next = this.state.apply(tr);
    this.ydoc.transact(() => updateYFragment(this.ydoc, bodyFragment(this.ydoc), next.doc, this.meta));
    this.state = next;
  }

  destroy(): void {
    this.ydoc.destroy();
  }
}

/** Each item's title and body text, in order, as a client reads the document. */
function items(doc: Y.Doc): string[] {
  const body = agendaSchema().nodeFromJSON(readAgenda(doc).body);
  const found: string[] = [];
  body.descendants((node) => {
    if (node.type.name !== 'item') return true;
    found.push(`${node.child(0).textContent}: ${node.textBetween(node.child(0).nodeSize + node.child(1).nodeSize, node.content.size, ' ')}`);
    return false;
  });
  return found;
}

/** Anna typed into "Første" offline while Bo moved it; both are connected again. */
interface MovedWhileOffline {
  server: TestServer;
  anna: HeadlessClient;
  bo: HeadlessClient;
  annaLink: NodeClient;
  boLink: NodeClient;
}

const RESCUED = ['Anden: ', 'Første: Alfa ⟦offline⟧ beta.'];

/** What others do during the story: once Anna and Bo are connected, and once the server has Bo's move. */
interface StoryHooks {
  connected?(server: TestServer): Promise<void>;
  beforeAnnaReturns?(server: TestServer): Promise<void>;
}

/** Plays the story on a fresh server for agenda `name`, up to the rescue having reached Anna and Bo. */
async function typedIntoMovedItem(name: string, hooks: StoryHooks = {}): Promise<MovedWhileOffline> {
  const server = await startTestServer({ dataDir, agendas: [name] });
  cleanups.push(() => server.close());
  const seed = new Y.Doc();
  writeNewAgenda(
    seed,
    agendaFile(
      EMPTY_MEETING_FACTS,
      agendaBody([section('Sager', [item({ title: 'Første', caseLine: 'SAG-1 ab', body: [paragraph('Alfa beta.')] }), item({ title: 'Anden', caseLine: 'SAG-2 ab' })])]),
    ),
  );
  const initial = Y.encodeStateAsUpdate(seed);
  const anna = new HeadlessClient(initial);
  const bo = new HeadlessClient(initial);
  cleanups.push(() => anna.destroy(), () => bo.destroy());
  const connect = (client: HeadlessClient): NodeClient => {
    const node = connectClient(server.url, name, { ydoc: client.ydoc });
    cleanups.push(() => node.provider.destroy());
    return node;
  };
  const annaLink = connect(anna);
  const boLink = connect(bo);
  await Promise.all([whenSynced(annaLink.provider), whenSynced(boLink.provider)]);
  await hooks.connected?.(server);

  // Anna goes offline and types into "Første"; Bo moves "Første" below "Anden".
  annaLink.provider.disconnect();
  let at = -1;
  anna.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.startsWith('Alfa')) at = pos + 'Alfa'.length;
    return at < 0;
  });
  anna.dispatch(anna.state.tr.insertText(' ⟦offline⟧', at));
  const sectionEnd = bo.state.doc.child(0).nodeSize - 1;
  expect(moveItemTo(1 + bo.state.doc.child(0).child(0).nodeSize, sectionEnd)(bo.state, (t) => bo.dispatch(t))).toBe(true);
  await eventually(() => items(bo.ydoc)[1]?.startsWith('Første') === true, 10_000, 'the move');
  await hooks.beforeAnnaReturns?.(server);

  annaLink.provider.connect();
  await eventually(() => JSON.stringify(items(bo.ydoc)) === JSON.stringify(RESCUED), 10_000, 'the rescue to reach Bo');
  await eventually(() => JSON.stringify(items(anna.ydoc)) === JSON.stringify(RESCUED), 10_000, 'the rescue to reach Anna');
  return { server, anna, bo, annaLink, boLink };
}

describe('the server rescuing text typed into a moved item', () => {
  it('puts it into the moved item, relays it to everyone and keeps it through a restart', async () => {
    const story = await typedIntoMovedItem('dagsorden-flyt');
    story.annaLink.provider.destroy();
    story.boLink.provider.destroy();
    await story.server.close();
    const server = await startTestServer({ dataDir, agendas: ['dagsorden-flyt'] });
    cleanups.push(() => server.close());
    const reader = connectClient(server.url, 'dagsorden-flyt');
    cleanups.push(() => reader.destroy());
    await whenSynced(reader.provider);
    expect(items(reader.ydoc)).toEqual(RESCUED);
  });

  it('keeps it when a colleague whose connection broke in the middle of catching up comes back', async () => {
    // Carl, offline since before the move, reconnects while Anna comes back: he gets her
    // typing relayed (deleted on arrival, as the server had the move), and his connection
    // breaks before the server's answer to his sync (with the move) and its rescue reach him.
    // When he is back, his sync names every deletion he knows of, her words among them, in a
    // text he does not know was deleted. The server knows from his presence which Yjs client
    // he is, so it does not take that for Carl deleting her words.
    const agenda = 'dagsorden-indhentning';
    const relayed: Uint8Array[] = [];
    let carl: NodeClient | null = null;
    let brokenLink: WebSocket | null = null;
    const story = await typedIntoMovedItem(agenda, {
      async connected(server) {
        carl = connectClient(server.url, agenda, { connect: false });
        cleanups.push(() => carl!.destroy());
        carl.provider.awareness.setLocalStateField('user', { name: 'Carl' });
        carl.provider.connect();
        await whenSynced(carl.provider);
        carl.provider.disconnect();
      },
      async beforeAnnaReturns(server) {
        // The connection that breaks: what it receives is recorded, and it never answers.
        brokenLink = (await openSocket(agendaSocketUrl(server.url, agenda, server.token))).socket;
        brokenLink.on('message', (data: Buffer) => {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          if (decoding.readVarUint(decoder) !== MessageType.Sync || decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return;
          relayed.push(decoding.readVarUint8Array(decoder));
        });
      },
    });
    brokenLink!.terminate();
    const { ydoc, provider } = carl!;
    const annas = relayed.find((update) => Y.decodeUpdate(update).structs.some((struct) => struct.id.client === story.anna.ydoc.clientID));
    expect(annas, 'her typing relayed to Carl').toBeDefined();
    Y.applyUpdate(ydoc, annas!, provider);
    expect(items(ydoc)).toEqual(['Første: Alfa beta.', 'Anden: ']);

    const confirmed = recordSavedStates(carl!);
    provider.connect();
    // The server confirms what it holds once it has stored his sync (and rescued after it).
    await eventually(() => confirmed.length > 0, 10_000, 'his sync to be stored');
    await eventually(() => JSON.stringify(items(ydoc)) === JSON.stringify(RESCUED), 10_000, 'the document to reach Carl');
    for (const doc of [story.anna.ydoc, story.bo.ydoc]) expect(items(doc)).toEqual(RESCUED);
  });
});
