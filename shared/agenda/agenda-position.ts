import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { NodeSelection, type Selection } from '@tiptap/pm/state';

/**
 * Where things sit in an agenda document. The depths are fixed by the schema:
 * doc (0) → section (1) → item (2) → title, case line or body block (3) → …
 */

/** A section of the document and where it starts. */
export interface SectionLocation {
  node: PMNode;
  /** Position before the section node. */
  pos: number;
  /** 0-based index of the section in the document. */
  index: number;
}

/** An item of the document and where it starts. */
export interface ItemLocation {
  node: PMNode;
  /** Position before the item node. */
  pos: number;
  section: SectionLocation;
  /** Index of the item among its section's children (1 for the first item: the title is 0). */
  index: number;
}

/** A block directly in an item (title, case line or a body block) and where it starts. */
export interface ItemBlockLocation {
  node: PMNode;
  /** Position before the block. */
  pos: number;
  /** Index of the block among the item's children (0 title, 1 case line, 2… body). */
  index: number;
  item: ItemLocation;
}

/** The section that contains `$pos`, or null when it lies between sections. */
export function sectionAt($pos: ResolvedPos): SectionLocation | null {
  if ($pos.depth >= 1 && $pos.node(1).type.name === 'section') {
    return { node: $pos.node(1), pos: $pos.before(1), index: $pos.index(0) };
  }
  return null;
}

/** The item that contains `$pos`, or null when it lies outside every item. */
export function itemAt($pos: ResolvedPos): ItemLocation | null {
  const section = sectionAt($pos);
  if (!section || $pos.depth < 2 || $pos.node(2).type.name !== 'item') return null;
  return { node: $pos.node(2), pos: $pos.before(2), section, index: $pos.index(1) };
}

/** The item a selection is in, including a node selection of the item itself. */
export function selectedItem(selection: Selection): ItemLocation | null {
  if (selection instanceof NodeSelection && selection.node.type.name === 'item') {
    const $pos = selection.$from;
    const section = sectionAt($pos);
    if (!section) return null;
    return { node: selection.node, pos: selection.from, section, index: $pos.index(1) };
  }
  return itemAt(selection.$from);
}

/** The block directly in an item that contains `$pos` (or that a node selection selects). */
export function itemBlockAt($pos: ResolvedPos): ItemBlockLocation | null {
  const item = itemAt($pos);
  if (!item) return null;
  if ($pos.depth >= 3) return { node: $pos.node(3), pos: $pos.before(3), index: $pos.index(2), item };
  const after = $pos.nodeAfter;
  if ($pos.depth === 2 && after) return { node: after, pos: $pos.pos, index: $pos.index(2), item };
  return null;
}

/** Position right after the title of the section at `sectionPos`: where its first item goes. */
export function sectionItemsStart(doc: PMNode, sectionPos: number): number {
  const section = doc.nodeAt(sectionPos);
  if (!section || section.type.name !== 'section') throw new Error(`No section at position ${sectionPos}`);
  return sectionPos + 1 + section.child(0).nodeSize;
}

/** Position right after the case line of the item at `itemPos`: where its body starts. */
export function itemBodyStart(doc: PMNode, itemPos: number): number {
  const item = doc.nodeAt(itemPos);
  if (!item || item.type.name !== 'item') throw new Error(`No item at position ${itemPos}`);
  return itemPos + 1 + item.child(0).nodeSize + item.child(1).nodeSize;
}
