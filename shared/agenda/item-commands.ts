import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { TextSelection, type Command } from '@tiptap/pm/state';
import { sectionAt, sectionItemsStart, selectedItem } from './agenda-position';

/** A new, empty item: title, case line and one empty paragraph to write the body in. */
export function emptyItem(schema: Schema): PMNode {
  const { item, itemTitle, caseLine, paragraph } = schema.nodes;
  return item!.create({ closed: false }, [itemTitle!.create(), caseLine!.create(), paragraph!.create()]);
}

/**
 * Inserts a new item into the current section: after the item holding the cursor, or at the
 * top of the section when the cursor is in its title. The cursor goes into the new title.
 */
export const insertItem: Command = (state, dispatch) => {
  const current = selectedItem(state.selection);
  const section = current?.section ?? sectionAt(state.selection.$from);
  if (!section) return false;
  const insertAt = current ? current.pos + current.node.nodeSize : sectionItemsStart(state.doc, section.pos);
  if (dispatch) {
    const tr = state.tr.insert(insertAt, emptyItem(state.schema));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, insertAt + 2)).scrollIntoView());
  }
  return true;
};

/** Marks the item holding the cursor closed (lukket punkt), or open again. */
export const toggleItemClosed: Command = (state, dispatch) => {
  const item = selectedItem(state.selection);
  if (!item) return false;
  if (dispatch) dispatch(state.tr.setNodeAttribute(item.pos, 'closed', !item.node.attrs.closed));
  return true;
};

/** Sets whether the item at `itemPos` is closed. */
export function setItemClosed(itemPos: number, closed: boolean): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(itemPos);
    if (!node || node.type.name !== 'item') return false;
    if (dispatch && node.attrs.closed !== closed) dispatch(state.tr.setNodeAttribute(itemPos, 'closed', closed));
    return true;
  };
}
