import { Fragment } from '@tiptap/pm/model';
import { TextSelection, type Command } from '@tiptap/pm/state';
import { INDSTILLING_CLAUSE_START } from './body-commands';

/**
 * What Enter does inside an Indstilling block, whose shape is fixed (one lead paragraph and
 * an optional list of "at …" clauses):
 * - at the end of a lead that ends with "," ("Det indstilles,"): start or extend the clause list;
 * - at the end of any other lead: leave the block and continue in a new paragraph after it;
 * - at the end of a clause: a new clause, starting "at ";
 * - in an empty clause (or one holding only "at "): remove it and leave the block.
 */
export const enterInIndstilling: Command = (state, dispatch) => {
  const { selection, schema } = state;
  const { $from } = selection;
  if (!selection.empty || $from.parent.type.name !== 'paragraph') return false;
  // Find the indstilling ancestor.
  let depth = $from.depth - 1;
  while (depth > 0 && $from.node(depth).type.name !== 'indstilling') depth--;
  if (depth <= 0) return false;
  const block = $from.node(depth);
  const blockPos = $from.before(depth);
  const atEnd = $from.parentOffset === $from.parent.content.size;
  const { paragraph, listItem, bulletList } = schema.nodes;
  const clause = () => paragraph!.create(null, schema.text(INDSTILLING_CLAUSE_START));

  if ($from.depth === depth + 1) {
    // The lead paragraph.
    if (!atEnd) return true;
    const leadEnd = $from.pos;
    if (dispatch) {
      const tr = state.tr;
      if ($from.parent.textContent.trimEnd().endsWith(',')) {
        const list = block.childCount > 1 ? block.child(1) : null;
        if (list) {
          tr.insert(leadEnd + 2, listItem!.create(null, clause()));
        } else {
          tr.insert(leadEnd + 1, bulletList!.create(null, listItem!.create(null, clause())));
        }
        // lead end → after paragraph (+1) → into list (+1) → into item (+1) → into paragraph (+1).
        tr.setSelection(TextSelection.create(tr.doc, leadEnd + 4 + INDSTILLING_CLAUSE_START.length));
      } else {
        const after = blockPos + block.nodeSize;
        tr.insert(after, paragraph!.create());
        tr.setSelection(TextSelection.create(tr.doc, after + 1));
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  }

  // A clause: indstilling > bulletList > listItem > paragraph.
  if ($from.depth !== depth + 3 || $from.node(depth + 2).type.name !== 'listItem') return false;
  const text = $from.parent.textContent.trim();
  if (text === '' || text === INDSTILLING_CLAUSE_START.trim()) {
    const list = $from.node(depth + 1);
    if (dispatch) {
      const tr = state.tr;
      const itemPos = $from.before(depth + 2);
      if (list.childCount === 1) {
        tr.delete($from.before(depth + 1), $from.after(depth + 1));
      } else {
        tr.delete(itemPos, itemPos + $from.node(depth + 2).nodeSize);
      }
      const after = tr.mapping.map(blockPos + block.nodeSize);
      tr.insert(after, paragraph!.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  }
  if (!atEnd) return false;
  if (dispatch) {
    const after = $from.after(depth + 2);
    const tr = state.tr.insert(after, Fragment.from(listItem!.create(null, clause())));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 2 + INDSTILLING_CLAUSE_START.length)).scrollIntoView());
  }
  return true;
};
