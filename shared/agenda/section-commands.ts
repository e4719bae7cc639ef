import { TextSelection, type Command } from '@tiptap/pm/state';
import { sectionAt } from './agenda-position';

/**
 * Inserts a new, empty section after the section holding the cursor (or at the end), and
 * puts the cursor in its title.
 */
export const insertSection: Command = (state, dispatch) => {
  const { section, sectionTitle } = state.schema.nodes;
  const current = sectionAt(state.selection.$from);
  const insertAt = current ? current.pos + current.node.nodeSize : state.doc.content.size;
  if (dispatch) {
    const tr = state.tr.insert(insertAt, section!.create(null, sectionTitle!.create()));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, insertAt + 2)).scrollIntoView());
  }
  return true;
};
