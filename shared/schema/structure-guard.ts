import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** Node types whose content must never be joined with a neighbour's. */
const UNJOINABLE = new Set(['section', 'item']);

/** Plugin key of the structure guard. */
export const structureGuardKey = new PluginKey('structureGuard');

/**
 * True when one of the transaction's steps would join two sections or two items, i.e.
 * replace a range that starts inside one of them and ends inside the next (a partial
 * selection across their boundary, then Delete or typing).
 */
export function joinsSectionsOrItems(tr: Transaction): boolean {
  return tr.steps.some((step, index) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false;
    const { from, to } = step as unknown as { from: number; to: number };
    if (from === to) return false;
    const doc = tr.docs[index]!;
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    const shared = $from.sharedDepth(to);
    if ($from.depth <= shared || $to.depth <= shared) return false;
    return UNJOINABLE.has($from.node(shared + 1).type.name) || UNJOINABLE.has($to.node(shared + 1).type.name);
  });
}

/**
 * Refuses local edits that would join two sections or two items. Yjs has no move: the
 * editor binding writes a join as "delete the second, copy its content into the first", and
 * two people doing that concurrently can delete each other's copies — up to the whole
 * agenda. Whole sections and items can still be deleted and moved; an edit of a selection
 * that starts in one and ends in another is refused as a whole (nothing happens). Changes
 * that arrive through sync (or undo, which goes through Yjs) are never refused: refusing
 * them would part the editor from its document.
 */
export function structureGuardPlugin(): Plugin {
  return new Plugin({
    key: structureGuardKey,
    filterTransaction: (tr) => {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
      return !joinsSectionsOrItems(tr);
    },
  });
}

/** The structure guard as an extension of the agenda schema (see structureGuardPlugin). */
export const StructureGuard = Extension.create({
  name: 'structureGuard',
  addProseMirrorPlugins() {
    return [structureGuardPlugin()];
  },
});
