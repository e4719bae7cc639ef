import { TextSelection, type Command } from '@tiptap/pm/state';
import { itemAt, itemBodyStart, sectionAt, sectionItemsStart } from './agenda-position';
import { emptyItem } from './item-commands';

/**
 * What Enter, Backspace and Delete do in the heading lines of sections and items, where
 * splitting or joining lines would break the agenda's structure: the keys move between the
 * title, the case line and the body instead.
 */

/** Enter in an item title: go to the end of the case line. */
export const enterInItemTitle: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type.name !== 'itemTitle') return false;
  const item = itemAt($from)!;
  if (dispatch) {
    const caseLineEnd = itemBodyStart(state.doc, item.pos) - 1;
    dispatch(state.tr.setSelection(TextSelection.create(state.doc, caseLineEnd)).scrollIntoView());
  }
  return true;
};

/**
 * Enter in the case line: start the body. The cursor goes into the empty paragraph that
 * opens the body, which is inserted unless it is already there.
 */
export const enterInCaseLine: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type.name !== 'caseLine') return false;
  const item = itemAt($from)!;
  if (dispatch) {
    const bodyStart = itemBodyStart(state.doc, item.pos);
    const first = state.doc.nodeAt(bodyStart);
    const tr = state.tr;
    if (!(first && first.type.name === 'paragraph' && first.content.size === 0)) {
      tr.insert(bodyStart, state.schema.nodes.paragraph!.create());
    }
    dispatch(tr.setSelection(TextSelection.create(tr.doc, bodyStart + 1)).scrollIntoView());
  }
  return true;
};

/**
 * Enter in a section title: go to the title of the section's first item, or create the
 * first item when the section has none.
 */
export const enterInSectionTitle: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type.name !== 'sectionTitle') return false;
  const section = sectionAt($from)!;
  if (dispatch) {
    const itemsStart = sectionItemsStart(state.doc, section.pos);
    const tr = state.tr;
    if (section.node.childCount < 2) tr.insert(itemsStart, emptyItem(state.schema));
    const titleEnd = itemsStart + 1 + tr.doc.nodeAt(itemsStart)!.child(0).nodeSize - 1;
    dispatch(tr.setSelection(TextSelection.create(tr.doc, titleEnd)).scrollIntoView());
  }
  return true;
};

/**
 * Backspace at the start of a case line goes to the end of the title, and at the start of
 * the first body block goes to the end of the case line (removing that block when it is an
 * empty paragraph), instead of merging the lines.
 */
export const backspaceIntoItemHead: Command = (state, dispatch) => {
  const { selection } = state;
  const { $from } = selection;
  if (!selection.empty || $from.parentOffset !== 0 || $from.depth !== 3) return false;
  const item = itemAt($from);
  if (!item) return false;
  const index = $from.index(2);
  if (index !== 1 && index !== 2) return false;
  if (index === 2 && !$from.parent.isTextblock) return false;
  if (dispatch) {
    const blockStart = $from.before(3);
    const tr = state.tr;
    const block = $from.parent;
    if (index === 2 && block.type.name === 'paragraph' && block.content.size === 0) tr.delete(blockStart, blockStart + block.nodeSize);
    // The end of the previous line: the title for a case line, the case line for a body block.
    dispatch(tr.setSelection(TextSelection.create(tr.doc, blockStart - 1)).scrollIntoView());
  }
  return true;
};

/** Delete at the end of a title or case line does nothing, instead of merging the next line into it. */
export const deleteAtHeadingEnd: Command = (state) => {
  const { selection } = state;
  const { $from } = selection;
  const name = $from.parent.type.name;
  if (!selection.empty || $from.parentOffset !== $from.parent.content.size) return false;
  return name === 'itemTitle' || name === 'caseLine' || name === 'sectionTitle';
};

/** Backspace at the start of an item or section title does nothing, instead of merging it into what is above. */
export const backspaceAtTitleStart: Command = (state) => {
  const { selection } = state;
  const { $from } = selection;
  const name = $from.parent.type.name;
  return selection.empty && $from.parentOffset === 0 && (name === 'itemTitle' || name === 'sectionTitle');
};
