/**
 * The sync server puts text typed into an item that was moved meanwhile into the moved item
 * (shared/rescue, server/sync/shared-document.ts), stores that before relaying it, and
 * still has it after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { agendaBody, item, paragraph, section } from '../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../shared/agenda/agenda-file';
import { EMPTY_MEETING_FACTS } from '../../../shared/agenda/meeting-facts';
import { moveItemTo } from '../../../shared/agenda/item-moves';
import { bodyFragment, readAgenda, writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { recordCopies } from '../../../shared/rescue/copy-recorder';
import { agendaSchema } from '../../../shared/schema/agenda-schema';
import { startTestServer, type TestServer } from '../../support/test-server';
import { connectClient, eventually, whenSynced, type NodeClient } from '../../support/node-client';

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

describe('the server rescuing text typed into a moved item', () => {
  it('puts it into the moved item, relays it to everyone and keeps it through a restart', async () => {
    const start = (): Promise<TestServer> => startTestServer({ dataDir, agendas: ['dagsorden-flyt'] });
    let server = await start();
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
      const node = connectClient(server.url, 'dagsorden-flyt', { ydoc: client.ydoc });
      cleanups.push(() => node.provider.destroy());
      return node;
    };
    const annaLink = connect(anna);
    const boLink = connect(bo);
    await Promise.all([whenSynced(annaLink.provider), whenSynced(boLink.provider)]);

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

    annaLink.provider.connect();
    const expected = ['Anden: ', 'Første: Alfa ⟦offline⟧ beta.'];
    await eventually(() => JSON.stringify(items(bo.ydoc)) === JSON.stringify(expected), 10_000, 'the rescue to reach Bo');
    await eventually(() => JSON.stringify(items(anna.ydoc)) === JSON.stringify(expected), 10_000, 'the rescue to reach Anna');

    annaLink.provider.destroy();
    boLink.provider.destroy();
    await server.close();
    server = await start();
    const reader = connectClient(server.url, 'dagsorden-flyt');
    cleanups.push(() => reader.destroy());
    await whenSynced(reader.provider);
    expect(items(reader.ydoc)).toEqual(expected);
  });
});
