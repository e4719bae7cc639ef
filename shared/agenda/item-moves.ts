import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { itemAt, sectionItemsStart, selectedItem } from './agenda-position';

/** Which way an item moves: up towards 1.1., or down towards the end. */
export type MoveDirection = 'up' | 'down';

/**
 * Where the item at `itemPos` goes when it moves one step, as a position between items in
 * the document before the move; null when it cannot move further. An item that is first in
 * its section moves up to the end of the previous section, and a last item moves down to the
 * top of the next one, so empty sections can be reached too.
 */
export function itemMoveTarget(doc: PMNode, itemPos: number, direction: MoveDirection): number | null {
  const $pos = doc.resolve(itemPos);
  const item = $pos.nodeAfter;
  if (!item || item.type.name !== 'item' || $pos.depth !== 1) return null;
  const section = $pos.parent;
  const index = $pos.index();
  const sectionIndex = $pos.index(0);
  if (direction === 'up') {
    if (index > 1) return itemPos - section.child(index - 1).nodeSize;
    if (sectionIndex === 0) return null;
    // The end of the previous section's content.
    return $pos.before(1) - 1;
  }
  if (index < section.childCount - 1) return itemPos + item.nodeSize + section.child(index + 1).nodeSize;
  if (sectionIndex >= doc.childCount - 1) return null;
  return sectionItemsStart(doc, $pos.after(1));
}

/**
 * Moves the item at `itemPos` to `targetPos` (a position between items, in the document
 * before the move) within `tr`: one delete and one insert in the same transaction, so the
 * move is a single step for undo and for every other client. Returns the item's new
 * position, or null when the move would change nothing or is not a valid item move.
 */
export function moveItem(tr: Transaction, itemPos: number, targetPos: number): number | null {
  const item = tr.doc.nodeAt(itemPos);
  if (!item || item.type.name !== 'item') return null;
  if (targetPos >= itemPos && targetPos <= itemPos + item.nodeSize) return null;
  const $target = tr.doc.resolve(targetPos);
  if ($target.parent.type.name !== 'section' || $target.index() === 0) return null;
  tr.delete(itemPos, itemPos + item.nodeSize);
  const insertAt = tr.mapping.slice(tr.steps.length - 1).map(targetPos);
  tr.insert(insertAt, item);
  return insertAt;
}

/**
 * The position between items nearest to `pos`, for dropping an item there: before or after
 * the item that contains `pos` (`after` decides), at the top of a section whose title
 * contains `pos`, or at the end of the last section when `pos` is past every section.
 */
export function itemInsertionPoint(doc: PMNode, pos: number, after: boolean): number {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  const item = itemAt($pos);
  if (item) return after ? item.pos + item.node.nodeSize : item.pos;
  if ($pos.depth >= 1) {
    const sectionPos = $pos.before(1);
    // Between items at section level: that gap already is an insertion point.
    if ($pos.depth === 1 && $pos.index() > 0) return $pos.pos;
    return sectionItemsStart(doc, sectionPos);
  }
  const index = $pos.index(0);
  if (index < doc.childCount) {
    let sectionPos = 0;
    for (let i = 0; i < index; i++) sectionPos += doc.child(i).nodeSize;
    return sectionItemsStart(doc, sectionPos);
  }
  return doc.content.size - 1;
}

/**
 * Moves the item holding the selection one step up or down (across section boundaries),
 * keeping the cursor where it was inside the item.
 */
export function moveSelectedItem(direction: MoveDirection): Command {
  return (state, dispatch) => {
    const item = selectedItem(state.selection);
    if (!item) return false;
    const target = itemMoveTarget(state.doc, item.pos, direction);
    if (target === null) return false;
    if (dispatch) {
      const { selection } = state;
      const tr = state.tr;
      const newPos = moveItem(tr, item.pos, target);
      if (newPos === null) return false;
      tr.setSelection(
        selection instanceof NodeSelection
          ? NodeSelection.create(tr.doc, newPos)
          : TextSelection.create(tr.doc, newPos + (selection.anchor - item.pos), newPos + (selection.head - item.pos)),
      );
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Moves the item at `itemPos` to `targetPos` and selects it (used for drag and drop). */
export function moveItemTo(itemPos: number, targetPos: number): Command {
  return (state, dispatch) => {
    const item = state.doc.nodeAt(itemPos);
    if (!item || item.type.name !== 'item') return false;
    const tr = state.tr;
    const newPos = moveItem(tr, itemPos, targetPos);
    if (newPos === null) return false;
    if (dispatch) {
      // The cursor goes to the end of the moved item's title, ready to type.
      const titleEnd = newPos + 1 + tr.doc.nodeAt(newPos)!.child(0).nodeSize - 1;
      dispatch(tr.setSelection(TextSelection.create(tr.doc, titleEnd)).scrollIntoView());
    }
    return true;
  };
}

