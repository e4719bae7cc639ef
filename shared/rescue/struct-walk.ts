/**
 * Walks over Yjs structs that the rescue needs: items by id, the characters a client
 * inserted, what a delete set names, and lists by position.
 */
import * as Y from 'yjs';

/** The item with id `id`, or null when the document does not have it (yet). */
export function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}

/** An item holding a type (Yjs never merges these, so it has exactly the id it was asked for). */
export type TypeItem = Y.Item & { content: Y.ContentType };

/** The type item (element or text) with id `id`, or null. */
export function typeItem(doc: Y.Doc, id: Y.ID): TypeItem | null {
  const item = itemAt(doc, id);
  return item?.content instanceof Y.ContentType ? (item as TypeItem) : null;
}

/** The ids of characters `from` to `to` (exclusive) of a string item. */
export function charIds(item: Y.Item, from = 0, to = item.length): Y.ID[] {
  return Array.from({ length: to - from }, (_, i) => Y.createID(item.id.client, item.id.clock + from + i));
}

/** The ids of the characters `client` inserted into `text` from clock `first` on, in order. */
export function newChars(text: Y.XmlText, client: number, first: number): Y.ID[] {
  const ids: Y.ID[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.id.client !== client || item.id.clock < first || !(item.content instanceof Y.ContentString)) continue;
    appendAll(ids, charIds(item));
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
        const ids = struct.content instanceof Y.ContentType ? [struct.id] : charIds(struct, from - struct.id.clock, to - struct.id.clock);
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
  return item.content instanceof Y.ContentType ? [item.id] : charIds(item);
}

/** `orphans` by their container, in order. */
export function groupByContainer<T extends { container: Y.XmlText | Y.XmlElement }>(orphans: T[]): Map<Y.XmlText | Y.XmlElement, T[]> {
  const groups = new Map<Y.XmlText | Y.XmlElement, T[]>();
  for (const orphan of orphans) listOf(groups, orphan.container).push(orphan);
  return groups;
}

/** Each item of `container`'s list by its position. */
export function listOrder(container: Y.XmlText | Y.XmlElement): Map<Y.Item, number> {
  const order = new Map<Y.Item, number>();
  let index = 0;
  for (let item = container._start; item !== null; item = item.right) order.set(item, index++);
  return order;
}

/** Appends every element of `items` to `target` (a spread of a long array would overflow the call stack). */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

type DeleteRange = Y.Transaction['deleteSet']['clients'] extends Map<number, Array<infer R>> ? R : never;

/**
 * A Yjs delete set of `ranges` ([client, clock, length] each), sorted and merged so that
 * `Y.isDeleted` can search it.
 */
export function deleteSetOf(ranges: Iterable<readonly [number, number, number]>): Y.Transaction['deleteSet'] {
  const set = Y.createDeleteSet();
  for (const [client, clock, len] of ranges) listOf(set.clients, client).push({ clock, len } as DeleteRange);
  return Y.mergeDeleteSets([set]);
}

/** `ids` as flat [client, clock, length] runs (consecutive ids of one client share a run), in order. */
export function idRuns(ids: Iterable<Y.ID>): number[] {
  const runs: number[] = [];
  for (const id of ids) {
    const last = runs.length - 3;
    if (last >= 0 && runs[last] === id.client && runs[last + 1]! + runs[last + 2]! === id.clock) runs[last + 2]! += 1;
    else runs.push(id.client, id.clock, 1);
  }
  return runs;
}

const searchableRuns = new WeakMap<number[], Y.Transaction['deleteSet']>();

/**
 * Whether `id` lies in the flat [client, clock, length] `runs` (as an entry stores them):
 * searched as a delete set built once per array, so a hostile entry's huge runs cost nothing.
 */
export function inRuns(runs: number[], id: Y.ID): boolean {
  let set = searchableRuns.get(runs);
  if (!set) {
    const ranges: Array<[number, number, number]> = [];
    for (let at = 0; at + 2 < runs.length; at += 3) ranges.push([runs[at]!, runs[at + 1]!, runs[at + 2]!]);
    searchableRuns.set(runs, (set = deleteSetOf(ranges)));
  }
  return Y.isDeleted(set, id);
}

/** The items `doc`'s own client made from clock `firstNew` on (in a transaction: what it created), in order. */
export function* createdItems(doc: Y.Doc, firstNew: number): Generator<Y.Item> {
  const structs = doc.store.clients.get(doc.clientID) ?? [];
  if (Y.getState(doc.store, doc.clientID) <= firstNew) return;
  for (let index = Y.findIndexSS(structs, firstNew); index < structs.length; index++) {
    const struct = structs[index]!;
    if (struct instanceof Y.Item) yield struct;
  }
}

/** The string characters of `text` whose items pass `keep`, in order, with the id of each. */
export function textChars(text: Y.XmlText, keep: (item: Y.Item) => boolean): { text: string; ids: Y.ID[] } {
  let chars = '';
  const ids: Y.ID[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentString) || !keep(item)) continue;
    chars += item.content.str;
    appendAll(ids, charIds(item));
  }
  return { text: chars, ids };
}

/** Whether `type` holds no live characters, in itself or in anything in it (an empty paragraph, say). */
export function holdsNoText(type: { _start: Y.Item | null }): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentType ? !holdsNoText(item.content.type) : item.countable) return false;
  }
  return true;
}

/**
 * A bounded set of [client, clock, length] runs (the oldest are forgotten first), searched as a
 * delete set that is built when asked after a change.
 */
export class RunSet {
  private runs: Array<[number, number, number]> = [];
  private searchable: Y.Transaction['deleteSet'] | null = null;

  constructor(private readonly max: number) {}

  /** Adds flat [client, clock, length] `runs`. */
  add(runs: number[]): void {
    if (runs.length === 0) return;
    for (let at = 0; at + 2 < runs.length; at += 3) this.runs.push([runs[at]!, runs[at + 1]!, runs[at + 2]!]);
    if (this.runs.length > this.max) this.runs.splice(0, this.runs.length - this.max);
    this.searchable = null;
  }

  has(id: Y.ID): boolean {
    if (this.runs.length === 0) return false;
    this.searchable ??= deleteSetOf(this.runs);
    return Y.isDeleted(this.searchable, id);
  }
}
