import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { EditorState, TextSelection, type Command } from '@tiptap/pm/state';
import { agendaSchema } from '../../../../shared/schema/agenda-schema';
import { bodyFragment, writeNewAgenda } from '../../../../shared/agenda/ydoc-agenda';
import { kkrTemplate } from '../../../../shared/agenda/kkr-template';
import { EMPTY_MEETING_FACTS } from '../../../../shared/agenda/meeting-facts';
import { agendaNumbers } from '../../../../shared/agenda/numbering';
import { insertItem } from '../../../../shared/agenda/item-commands';
import { moveSelectedItem } from '../../../../shared/agenda/item-moves';
import { inTitle, outline, run } from './agenda-test-state';

/**
 * One client without a view: its ProseMirror state is written to its Y.Doc the way the
 * editor's sync plugin does it (updateYFragment), and read back from it after remote updates.
 */
class HeadlessClient {
  readonly ydoc = new Y.Doc();
  state!: EditorState;
  private meta!: ReturnType<typeof initProseMirrorDoc>['meta'];

  constructor(update: Uint8Array) {
    Y.applyUpdate(this.ydoc, update);
    this.reload();
  }

  reload(): void {
    const { doc, meta } = initProseMirrorDoc(bodyFragment(this.ydoc), agendaSchema());
    this.meta = meta;
    this.state = EditorState.create({ schema: agendaSchema(), doc });
  }

  command(command: Command, cursor?: number): void {
    let state = this.state;
    if (cursor !== undefined) state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, cursor)));
    const next = run(state, command);
    if (!next) throw new Error('command refused');
    this.ydoc.transact(() => updateYFragment(this.ydoc, bodyFragment(this.ydoc), next.doc, this.meta));
    this.state = next;
  }

  type(text: string, at: number): void {
    this.command((state, dispatch) => {
      dispatch?.(state.tr.insertText(text, at));
      return true;
    });
  }
}

function syncAll(clients: HeadlessClient[]): void {
  for (const from of clients) for (const to of clients) if (from !== to) Y.applyUpdate(to.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)));
  for (const client of clients) client.reload();
}

function template(): Uint8Array {
  const ydoc = new Y.Doc();
  writeNewAgenda(ydoc, kkrTemplate({ ...EMPTY_MEETING_FACTS, committee: 'KKR Midtjylland' }));
  return Y.encodeStateAsUpdate(ydoc);
}

function expectGapFreeNumbers(state: EditorState): void {
  const labels = agendaNumbers(state.doc).map((n) => n.label);
  expect(new Set(labels).size).toBe(labels.length);
  const bySection = new Map<number, number[]>();
  for (const n of agendaNumbers(state.doc)) if (n.kind === 'item') bySection.set(n.section, [...(bySection.get(n.section) ?? []), n.item]);
  for (const items of bySection.values()) expect(items).toEqual(items.map((_, i) => i + 1));
}

describe('moving items while others edit', () => {
  it('a move and concurrent edits in other items merge: every edit survives, the item exists once, numbers are unique', () => {
    const update = template();
    const anna = new HeadlessClient(update);
    const bo = new HeadlessClient(update);

    // Anna names the "Eventuelt" item and moves the first item down into "Siden sidst".
    anna.command(moveSelectedItem('down'), inTitle(anna.state.doc, 'Godkendelse af referat fra møde i KKR Midtjylland', 3));
    // At the same time Bo adds an item to "Siden sidst" and types in "Eventuelt".
    bo.command(insertItem, inTitle(bo.state.doc, 'Siden sidst'));
    bo.type('Orienteringer', bo.state.selection.from);
    bo.type(' og afslutning', inTitle(bo.state.doc, 'Eventuelt', 'Eventuelt'.length, 'itemTitle'));

    syncAll([anna, bo]);
    expect(anna.state.doc.eq(bo.state.doc)).toBe(true);
    const items = outline(anna.state.doc);
    expect(items.filter((line) => line.includes('Godkendelse af referat'))).toHaveLength(1);
    expect(items).toContain('7.1. Eventuelt og afslutning');
    expect(items.filter((line) => line.startsWith('2.'))).toHaveLength(2);
    expect(items.some((line) => line.endsWith('Orienteringer'))).toBe(true);
    expectGapFreeNumbers(anna.state);
  });

  it('two people inserting and moving items in the same section converge on unique, gap-free numbers', () => {
    const update = template();
    const clients = [new HeadlessClient(update), new HeadlessClient(update), new HeadlessClient(update)];
    clients.forEach((client, i) => {
      client.command(insertItem, inTitle(client.state.doc, 'Regionalpolitiske sager'));
      client.type(`Punkt ${i}`, client.state.selection.from);
      client.command(insertItem);
      client.type(`Punkt ${i}b`, client.state.selection.from);
      client.command(moveSelectedItem('up'));
    });
    syncAll(clients);
    const [first, ...rest] = clients;
    for (const client of rest) expect(client.state.doc.eq(first!.state.doc)).toBe(true);
    const section3 = outline(first!.state.doc).filter((line) => line.startsWith('3.'));
    expect(section3).toHaveLength(6);
    for (const i of [0, 1, 2]) {
      expect(section3.filter((line) => line.endsWith(`Punkt ${i}`))).toHaveLength(1);
      expect(section3.filter((line) => line.endsWith(`Punkt ${i}b`))).toHaveLength(1);
    }
    expectGapFreeNumbers(first!.state);
  });
});
