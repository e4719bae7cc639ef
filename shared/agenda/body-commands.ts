import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { SubheadingKind } from '../schema/subheading-kind';
import { itemBlockAt, itemBodyStart } from './agenda-position';

/** The lead of a one-sentence Indstilling. */
export const INDSTILLING_LEAD = 'Det indstilles, at ';
/** The lead of an Indstilling followed by a list of clauses. */
export const INDSTILLING_LIST_LEAD = 'Det indstilles,';
/** How each clause of an Indstilling list starts. */
export const INDSTILLING_CLAUSE_START = 'at ';

/** Where a new body block goes, and whether it replaces an empty paragraph at the cursor. */
interface BodyInsertion {
  /** Position in the item where the new blocks go. */
  pos: number;
  /** Length of an empty paragraph at `pos` that the new blocks replace (0 if none). */
  replace: number;
  /** The item's body block just before `pos`, if any. */
  before: PMNode | null;
}

/**
 * Where body blocks inserted at the cursor go: in place of the empty paragraph the cursor is
 * in, after the body block the cursor is in, or at the start of the body when the cursor is
 * in the title or case line. Null outside items.
 */
function bodyInsertion(state: EditorState): BodyInsertion | null {
  const block = itemBlockAt(state.selection.$from);
  if (!block) return null;
  const { item } = block;
  if (block.index < 2) {
    const pos = itemBodyStart(state.doc, item.pos);
    return { pos, replace: 0, before: null };
  }
  if (block.node.type.name === 'paragraph' && block.node.content.size === 0) {
    return { pos: block.pos, replace: block.node.nodeSize, before: block.index > 2 ? item.node.child(block.index - 1) : null };
  }
  return { pos: block.pos + block.node.nodeSize, replace: 0, before: block.node };
}

/** Inserts `nodes` at the cursor's body insertion point and puts the cursor at `cursorOffset` into them. */
function insertBodyBlocks(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, nodes: (at: BodyInsertion) => { content: PMNode[]; cursorOffset: number }): boolean {
  const at = bodyInsertion(state);
  if (!at) return false;
  if (dispatch) {
    const { content, cursorOffset } = nodes(at);
    const tr = state.tr.replaceWith(at.pos, at.pos + at.replace, Fragment.fromArray(content));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at.pos + cursorOffset)).scrollIntoView());
  }
  return true;
}

/**
 * Inserts a standing subheading (Baggrund, Indstilling, …) followed by an empty paragraph to
 * write in, and puts the cursor in that paragraph.
 */
export function insertSubheading(kind: SubheadingKind): Command {
  return (state, dispatch) => {
    const { subheading, paragraph } = state.schema.nodes;
    return insertBodyBlocks(state, dispatch, () => {
      const heading = subheading!.create({ kind });
      return { content: [heading, paragraph!.create()], cursorOffset: heading.nodeSize + 1 };
    });
  };
}

/** Changes the kind of the subheading at `pos`. */
export function setSubheadingKind(pos: number, kind: SubheadingKind): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || node.type.name !== 'subheading') return false;
    if (dispatch && node.attrs.kind !== kind) dispatch(state.tr.setNodeAttribute(pos, 'kind', kind));
    return true;
  };
}

/**
 * Inserts an Indstilling block: "Det indstilles, at " as one sentence, or with `clauses`
 * "Det indstilles," and a list with one "at " clause. An "Indstilling" subheading goes before
 * it unless one is already there. The cursor goes where the writing continues.
 */
export function insertIndstilling(options: { clauses?: boolean } = {}): Command {
  return (state, dispatch) => {
    const { indstilling, paragraph, bulletList, listItem, subheading } = state.schema.nodes;
    return insertBodyBlocks(state, dispatch, (at) => {
      const lead = options.clauses ? INDSTILLING_LIST_LEAD : INDSTILLING_LEAD;
      const leadParagraph = paragraph!.create(null, state.schema.text(lead));
      const children = [leadParagraph];
      if (options.clauses) {
        children.push(bulletList!.create(null, listItem!.create(null, paragraph!.create(null, state.schema.text(INDSTILLING_CLAUSE_START)))));
      }
      const block = indstilling!.create(null, children);
      const needsHeading = !(at.before?.type.name === 'subheading' && at.before.attrs.kind === 'indstilling');
      const heading = needsHeading ? [subheading!.create({ kind: 'indstilling' })] : [];
      const headingSize = needsHeading ? heading[0]!.nodeSize : 0;
      // indstilling > paragraph > text; with clauses: … > bulletList > listItem > paragraph > text.
      const cursorOffset = options.clauses
        ? headingSize + 1 + leadParagraph.nodeSize + 3 + INDSTILLING_CLAUSE_START.length
        : headingSize + 2 + lead.length;
      return { content: [...heading, block], cursorOffset };
    });
  };
}

/** Turns the paragraph at the cursor into a block of `typeName`, back into a paragraph, or inserts a new empty one. */
function toggleBodyTextblock(typeName: 'enclosure' | 'topicLine'): Command {
  return (state, dispatch) => {
    const block = itemBlockAt(state.selection.$from);
    if (!block) return false;
    const type = state.schema.nodes[typeName]!;
    const paragraph = state.schema.nodes.paragraph!;
    const name = block.node.type.name;
    if (block.index >= 2 && (name === 'paragraph' || name === typeName)) {
      if (dispatch) {
        const target = name === typeName ? paragraph : type;
        const tr = state.tr.setBlockType(block.pos + 1, block.pos + 1, target);
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    return insertBodyBlocks(state, dispatch, () => ({ content: [type.create()], cursorOffset: 1 }));
  };
}

/**
 * Makes the paragraph at the cursor an enclosure marker ("./."), or a paragraph again; in
 * any other place inserts a new, empty enclosure marker.
 */
export const toggleEnclosure: Command = toggleBodyTextblock('enclosure');

/** Makes the paragraph at the cursor a topic line, or a paragraph again; elsewhere inserts one. */
export const toggleTopicLine: Command = toggleBodyTextblock('topicLine');
