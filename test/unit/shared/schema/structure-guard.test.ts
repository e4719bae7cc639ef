import { describe, expect, it } from 'vitest';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { agendaSchema } from '../../../../shared/schema/agenda-schema';
import { joinsSectionsOrItems, structureGuardPlugin } from '../../../../shared/schema/structure-guard';
import { agendaBody, item, paragraph, section } from '../../../../shared/agenda/agenda-builders';
import { inBlock, inTitle } from '../agenda/agenda-test-state';

/** Section A with items a1 (two paragraphs) and a2; section B with item b1. */
function guardedState(): EditorState {
  const doc = agendaSchema().nodeFromJSON(
    agendaBody([
      section('A', [
        item({ title: 'a1', caseLine: 'SAG-a1', body: [paragraph('første'), paragraph('anden')] }),
        item({ title: 'a2', caseLine: 'SAG-a2', body: [paragraph('tekst a2')] }),
      ]),
      section('B', [item({ title: 'b1', caseLine: 'SAG-b1', body: [paragraph('tekst b1')] })]),
    ]),
  );
  return EditorState.create({ schema: agendaSchema(), doc, plugins: [structureGuardPlugin()] });
}

/** The position before the item whose title reads `title`, and after it. */
function itemRange(state: EditorState, title: string): { from: number; to: number } {
  const $title = state.doc.resolve(inTitle(state.doc, title, 0, 'itemTitle'));
  const from = $title.before(-1);
  return { from, to: from + $title.node(-1).nodeSize };
}

function applied(state: EditorState, tr: Transaction): boolean {
  return state.apply(tr) !== state;
}

describe('structure guard', () => {
  it('refuses deleting a selection from inside one item to inside the next', () => {
    const state = guardedState();
    const tr = state.tr.delete(inBlock(state.doc, 'paragraph', 'anden', 2), inTitle(state.doc, 'a2', 1, 'itemTitle'));
    expect(joinsSectionsOrItems(tr)).toBe(true);
    expect(applied(state, tr)).toBe(false);
  });

  it('refuses typing over a selection from inside one section to inside the next', () => {
    const state = guardedState();
    const tr = state.tr.insertText('x', inBlock(state.doc, 'paragraph', 'tekst a2', 3), inTitle(state.doc, 'B', 1, 'sectionTitle'));
    expect(joinsSectionsOrItems(tr)).toBe(true);
    expect(applied(state, tr)).toBe(false);
  });

  it('allows deleting whole items, and text across blocks within one item', () => {
    const state = guardedState();
    const { from, to } = itemRange(state, 'a2');
    const whole = state.tr.delete(from, to);
    expect(applied(state, whole)).toBe(true);
    expect(state.apply(whole).doc.textContent).not.toContain('tekst a2');

    const within = state.tr.delete(inBlock(state.doc, 'paragraph', 'første', 3), inBlock(state.doc, 'paragraph', 'anden', 2));
    expect(joinsSectionsOrItems(within)).toBe(false);
    expect(state.apply(within).doc.textContent).toContain('førden');
  });

  it('never refuses a change that comes from the Yjs binding', () => {
    const state = guardedState();
    const tr = state.tr.delete(inBlock(state.doc, 'paragraph', 'anden', 2), inTitle(state.doc, 'a2', 1, 'itemTitle'));
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(joinsSectionsOrItems(tr)).toBe(true);
    expect(applied(state, tr)).toBe(true);
  });
});
