/**
 * Walks over Yjs structs that the rescue needs: items by id, the characters a client
 * inserted, what a delete set names, and lists by position.
 */
import * as Y from 'yjs';
import { childIndex } from './positions';

/** The item with id `id`, or null when the document does not have it (yet). */
export function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}

/** The type item (element or text) with exactly id `id`, or null. */
export function typeItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const item = itemAt(doc, id);
  return item && item.content instanceof Y.ContentType && item.id.clock === id.clock ? item : null;
}

/** The ids of the characters `client` inserted into `text` from clock `first` on, in order. */
export function newChars(text: Y.XmlText, client: number, first: number): Y.ID[] {
  const ids: Y.ID[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.id.client !== client || item.id.clock < first || !(item.content instanceof Y.ContentString)) continue;
    for (let i = 0; i < item.length; i++) ids.push(Y.createID(client, item.id.clock + i));
  }
  return ids;
}

/** Calls `f` with each item `ds` names (without splitting items) and the ids of it that `ds` names. */
export function forEachDeleted(doc: Y.Doc, ds: Y.Transaction['deleteSet'], f: (item: Y.Item, ids: Y.ID[]) => void): void {
  ds.clients.forEach((ranges, client) => {
    const structs = doc.store.clients.get(client);
    if (!structs) return;
    for (const { clock, len } of ranges) {
      if (Y.getState(doc.store, client) <= clock) continue;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= clock + len) break;
        if (!(struct instanceof Y.Item)) continue;
        const from = Math.max(clock, struct.id.clock);
        const to = Math.min(clock + len, struct.id.clock + struct.length);
        const ids = struct.content instanceof Y.ContentType ? [struct.id] : Array.from({ length: to - from }, (_, i) => Y.createID(client, from + i));
        f(struct, ids);
      }
    }
  });
}

/** The list under `key`, made empty if missing. */
export function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** The ids of an item: of each character for text, of the item itself for a type. */
export function idsOf(item: Y.Item): Y.ID[] {
  if (item.content instanceof Y.ContentType) return [item.id];
  return Array.from({ length: item.length }, (_, i) => Y.createID(item.id.client, item.id.clock + i));
}

/** `orphans` by their container, in order. */
export function groupByContainer<T extends { container: Y.XmlText | Y.XmlElement }>(orphans: T[]): Map<Y.XmlText | Y.XmlElement, T[]> {
  const groups = new Map<Y.XmlText | Y.XmlElement, T[]>();
  for (const orphan of orphans) {
    let list = groups.get(orphan.container);
    if (!list) groups.set(orphan.container, (list = []));
    list.push(orphan);
  }
  return groups;
}

/** Each item of `container`'s list by its position. */
export function listOrder(container: Y.XmlText | Y.XmlElement): Map<Y.Item, number> {
  const order = new Map<Y.Item, number>();
  let index = 0;
  for (let item = container._start; item !== null; item = item.right) order.set(item, index++);
  return order;
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
