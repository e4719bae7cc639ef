import * as Y from 'yjs';
import { copyIdOf, forwardedId, type ForwardingEntry } from './forwarding';

/* Where rescued content goes: anchors next to copied neighbours, and indices in Yjs types. */

/** Where in a Y.XmlText to put rescued characters. */
export type CharAnchor = { after: Y.ID } | { before: Y.ID } | { start: true };
/** Where among an element's children to put a rescued element: next to a sibling's copy, or first in the container's copy. */
export type TypeAnchor = { after: Y.ID } | { before: Y.ID } | { first: Y.ID };

/**
 * The place in a copy for characters at offsets [from, to) of `item` (the orphan; a point
 * when from = to): after the copy of the nearest forwarded character to its left, else
 * before that of the nearest to its right, else the start of the first entry's copy.
 */
export function charAnchor(entries: ForwardingEntry[], item: Y.Item, from: number, to: number): { entry: ForwardingEntry; anchor: CharAnchor } {
  const mapped = (holder: Y.Item, offset: number): { entry: ForwardingEntry; id: Y.ID } | null => {
    // Characters the server collected (ContentDeleted) still have their ids.
    if (holder.content instanceof Y.ContentFormat || holder.content instanceof Y.ContentType) return null;
    const id = Y.createID(holder.id.client, holder.id.clock + offset);
    for (const entry of entries) {
      const copy = forwardedId(entry, id);
      if (copy) return { entry, id: copy };
    }
    return null;
  };
  /** The first mapped character walking left from offset `start` of `holder`, then through the items to its left. */
  const leftOf = (holder: Y.Item, start: number) => {
    for (let at: Y.Item | null = holder, offset = start; at !== null; at = at.left, offset = at?.length ?? 0) {
      for (offset -= 1; offset >= 0; offset--) {
        const found = mapped(at, offset);
        if (found) return found;
      }
    }
    return null;
  };
  /** The first mapped character walking right from offset `start` of `holder`, then through the items to its right. */
  const rightOf = (holder: Y.Item, start: number) => {
    for (let at: Y.Item | null = holder, offset = start; at !== null; at = at.right, offset = 0) {
      for (; offset < at.length; offset++) {
        const found = mapped(at, offset);
        if (found) return found;
      }
    }
    return null;
  };
  const left = leftOf(item, from);
  if (left) return { entry: left.entry, anchor: { after: left.id } };
  const right = rightOf(item, to);
  if (right) return { entry: right.entry, anchor: { before: right.id } };
  return { entry: entries[0]!, anchor: { start: true } };
}

/** How many siblings on each side are tried as a place for a rescued element. */
const MAX_SIBLING_ANCHORS = 16;

/**
 * The places for an element or text next to `item`, best first: after where `copyOf` says
 * the nearest copied sibling to its left went, before the nearest copied one to its right,
 * then the next ones out on each side, and last first in `container`. (The nearest
 * neighbour's copy may have been deleted on purpose since: the next one still places it.)
 */
export function typeAnchors(copyOf: (item: Y.Item) => Y.ID | null, container: Y.ID, item: Y.Item): TypeAnchor[] {
  /** The copies of the nearest copied siblings, walking away from `item` with `step`. */
  const copiedSiblings = (step: (sibling: Y.Item) => Y.Item | null): Y.ID[] => {
    const copies: Y.ID[] = [];
    for (let sibling = step(item); sibling !== null && copies.length < MAX_SIBLING_ANCHORS; sibling = step(sibling)) {
      const copy = sibling.content instanceof Y.ContentType ? copyOf(sibling) : null;
      if (copy) copies.push(copy);
    }
    return copies;
  };
  const lefts: TypeAnchor[] = copiedSiblings((sibling) => sibling.left).map((after) => ({ after }));
  const rights: TypeAnchor[] = copiedSiblings((sibling) => sibling.right).map((before) => ({ before }));
  const anchors: TypeAnchor[] = [];
  for (let index = 0; index < Math.max(lefts.length, rights.length); index++) {
    if (index < lefts.length) anchors.push(lefts[index]!);
    if (index < rights.length) anchors.push(rights[index]!);
  }
  anchors.push({ first: container });
  return anchors;
}

/** The item of `text` that holds character `id`, or null. */
export function itemHolding(text: Y.XmlText, id: Y.ID): Y.Item | null {
  for (let item = text._start; item !== null; item = item.right) {
    if (item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item;
  }
  return null;
}

/** The index in `text` just before (`past` 0) or after (`past` 1) character `id`; its end if `id` is not in it. */
export function indexAt(text: Y.XmlText, id: Y.ID, past: 0 | 1): number {
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    const live = !item.deleted && item.countable;
    if (item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length) {
      return index + (live ? id.clock - item.id.clock + past : 0);
    }
    if (live) index += item.length;
  }
  return index;
}

/** The index of live child `child` among the live children (or characters) of `parent`. */
export function childIndex(parent: Y.XmlElement | Y.XmlFragment | Y.XmlText, child: Y.Item): number {
  let index = 0;
  for (let item = parent._start; item !== null && item !== child; item = item.right) if (!item.deleted && item.countable) index += item.length;
  return index;
}

/** Deletes a live element or text from its parent, or (given `char`) one character of a text item. */
export function deleteLive(item: Y.Item, char: Y.ID = item.id): void {
  const parent = item.parent;
  if (item.deleted) return;
  if (parent instanceof Y.XmlText && !(item.content instanceof Y.ContentType)) parent.delete(indexAt(parent, char, 0), 1);
  else if (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) parent.delete(childIndex(parent, item), 1);
}

/**
 * Takes back what this document's own client inserted into XML types from clock `since` on
 * (within the current transaction: the inserted text and types are deleted again).
 */
export function deleteOwnSince(doc: Y.Doc, since: number): void {
  const structs = doc.store.clients.get(doc.clientID) ?? [];
  const own: Y.Item[] = [];
  for (let index = structs.length - 1; index >= 0 && structs[index]!.id.clock + structs[index]!.length > since; index--) {
    const struct = structs[index];
    if (struct instanceof Y.Item && struct.id.clock >= since) own.push(struct);
  }
  // Oldest first: a type goes before what was inserted into it (which goes with it).
  for (const item of own.reverse()) {
    const parent = item.parent;
    if (item.deleted || !item.countable || !(parent instanceof Y.XmlText || parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) continue;
    parent.delete(childIndex(parent, item), item.length);
  }
}
