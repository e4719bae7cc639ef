import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { agendaSchema } from '../../../../shared/schema/agenda-schema';
import { agendaBody, item, paragraph, section } from '../../../../shared/agenda/agenda-builders';
import { agendaNumbers } from '../../../../shared/agenda/numbering';

/** An editor state (no view) holding `body`, with the cursor at `cursor` (default: start). */
export function stateOf(body: JSONContent, cursor?: number): EditorState {
  const doc = agendaSchema().nodeFromJSON(body);
  doc.check();
  const state = EditorState.create({ schema: agendaSchema(), doc });
  return cursor === undefined ? state : state.apply(state.tr.setSelection(TextSelection.create(doc, cursor)));
}

/** Runs a command; returns the new state, or null when the command refused. */
export function run(state: EditorState, command: Command): EditorState | null {
  let tr: Transaction | null = null;
  const ok = command(state, (t) => {
    tr = t;
  });
  if (!ok) return null;
  if (!tr) throw new Error('The command said yes but dispatched nothing');
  const next = state.apply(tr);
  next.doc.check();
  return next;
}

/**
 * Position inside the text of the first section or item title that reads `title`, after
 * `offset` characters (`only` limits the search to item or section titles).
 */
export function inTitle(doc: PMNode, title: string, offset = 0, only?: 'itemTitle' | 'sectionTitle'): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const isTitle = only ? node.type.name === only : node.type.name === 'itemTitle' || node.type.name === 'sectionTitle';
    if (isTitle && node.textContent === title) {
      found = pos + 1 + offset;
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error(`No title "${title}"`);
  return found;
}

/** Position inside the first textblock of `typeName` whose text is `text`. */
export function inBlock(doc: PMNode, typeName: string, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === typeName && node.textContent === text) {
      found = pos + 1 + offset;
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error(`No ${typeName} "${text}"`);
  return found;
}

/** "3.2. Title" for every item, in document order. */
export function outline(doc: PMNode): string[] {
  return agendaNumbers(doc)
    .filter((n) => n.kind === 'item')
    .map((n) => `${n.label} ${doc.nodeAt(n.pos)!.child(0).textContent}`);
}

/** Three sections: A with items a1, a2; B empty; C with item c1. */
export function threeSections(): JSONContent {
  const it = (title: string) => item({ title, caseLine: `SAG-${title}`, body: [paragraph(`Tekst ${title}`)] });
  return agendaBody([section('A', [it('a1'), it('a2')]), section('B'), section('C', [it('c1')])]);
}
