import * as Y from 'yjs';
import { copiedFrom, forwardedId, idKey, type ForwardingEntry } from './forwarding';
import { itemAt } from './struct-walk';

/** A forwarding entry with its key in the forwarding map. */
export interface KeyedEntry {
  key: string;
  entry: ForwardingEntry;
}

/** What merging needs from the rescuer. */
export interface CopyIndex {
  /** The entries for the deleted type with this `idKey`, in key order. */
  entries(deleted: string): readonly KeyedEntry[];
  /** Every entry written by one copying transaction (`copier` is the key part after '>'). */
  byCopier(copier: string): readonly KeyedEntry[];
  /** Records that `source` now lives on in `copy` (a forwarding entry of the rescuer's own). */
  remember(source: Y.ID, copy: Y.XmlElement | Y.XmlText, pairs: Array<[Y.ID, Y.ID]>): void;
}

/** A live copy of a deleted element, and the copying transactions that led to it from the original. */
interface LiveCopy {
  path: string[];
  item: Y.Item;
}

/** How many moves of moves are followed. */
const MAX_HOPS = 16;

/**
 * Two people moving the same item at once each make a copy of it (and each copy may be moved
 * again before anyone syncs): the item would then be there twice. When the deleted original
 * (`deleted`, an `idKey`) leads to several live copies, this keeps one (the one the most
 * others can merge into; the first such in key order) and deletes the others — but only a
 * copy that holds nothing the kept one lacks: every character and block in it must come from the same original
 * character or block as one the kept copy holds. Text typed into a deleted copy later is
 * forwarded to the kept one. Returns how many copies it deleted.
 */
export function mergeConcurrentCopies(doc: Y.Doc, deleted: string, index: CopyIndex, mergeable: (element: Y.XmlElement) => boolean): number {
  const copies = liveCopies(doc, deleted, index, [], new Set()).filter(({ item }) => mergeable((item.content as Y.ContentType).type as Y.XmlElement));
  if (copies.length < 2) return 0;
  const hops = new HopIndex(index);
  // Keep the copy that the most others merge into (a copy someone already typed into
  // cannot merge into one without that text, but the other way round it can).
  let best: { keep: LiveCopy; merges: Array<{ other: LiveCopy; pairs: NonNullable<ReturnType<typeof pairThroughOriginal>> }> } | null = null;
  for (const keep of copies) {
    const merges = copies.filter((other) => other !== keep).flatMap((other) => {
      const pairs = pairThroughOriginal(other, keep, hops, doc);
      return pairs ? [{ other, pairs }] : [];
    });
    if (!best || merges.length > best.merges.length) best = { keep, merges };
  }
  let merged = 0;
  for (const { other, pairs } of best?.merges ?? []) {
    const parent = other.item.parent;
    if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) continue;
    let at = 0;
    for (let item = parent._start; item !== null && item !== other.item; item = item.right) if (!item.deleted && item.countable) at += item.length;
    parent.delete(at, 1);
    for (const { source, copy, chars } of pairs) index.remember(source, copy, chars);
    merged += 1;
  }
  return merged;
}

/** The live copies that `deleted` leads to, following moves of moves; each once. */
function liveCopies(doc: Y.Doc, deleted: string, index: CopyIndex, path: string[], seen: Set<string>): LiveCopy[] {
  if (path.length >= MAX_HOPS) return [];
  const found: LiveCopy[] = [];
  for (const { key, entry } of index.entries(deleted)) {
    const to = Y.createID(entry.to[0], entry.to[1]);
    const item = typeItem(doc, to);
    if (!item || !((item.content as Y.ContentType).type instanceof Y.XmlElement) || seen.has(idKey(to))) continue;
    seen.add(idKey(to));
    const next = [...path, key.slice(key.indexOf('>') + 1)];
    if (!item.deleted) found.push({ path: next, item });
    else found.push(...liveCopies(doc, idKey(to), index, next, seen));
  }
  return found;
}

/** One copying transaction's entries, both ways: by original and by copy. */
class HopIndex {
  private readonly hops = new Map<string, { byOriginal: Map<string, ForwardingEntry>; byCopy: Map<string, { original: string; entry: ForwardingEntry }> }>();

  constructor(private readonly index: CopyIndex) {}

  of(copier: string) {
    let hop = this.hops.get(copier);
    if (!hop) {
      hop = { byOriginal: new Map(), byCopy: new Map() };
      for (const { key, entry } of this.index.byCopier(copier)) {
        const original = key.slice(0, key.indexOf('>'));
        hop.byOriginal.set(original, entry);
        hop.byCopy.set(idKey(Y.createID(entry.to[0], entry.to[1])), { original, entry });
      }
      this.hops.set(copier, hop);
    }
    return hop;
  }
}

/**
 * Pairs every live type and character of copy `other` with its counterpart in `keep`: back
 * along `other`'s path to the original, then forward along `keep`'s. Null when something in
 * `other` has no live counterpart.
 */
function pairThroughOriginal(
  other: LiveCopy,
  keep: LiveCopy,
  hops: HopIndex,
  doc: Y.Doc,
): Array<{ source: Y.ID; copy: Y.XmlElement | Y.XmlText; chars: Array<[Y.ID, Y.ID]> }> | null {
  /** The original of type `key` (and of its characters) at the start of `path`, walking back. */
  const back = (key: string, chars: Y.ID[]): { key: string; chars: Y.ID[] } | null => {
    for (let hop = other.path.length - 1; hop >= 0; hop--) {
      const step = hops.of(other.path[hop]!).byCopy.get(key);
      if (!step) return null;
      const mapped: Y.ID[] = [];
      for (const char of chars) {
        const from = copiedFrom(step.entry, char);
        if (!from) return null;
        mapped.push(from);
      }
      key = step.original;
      chars = mapped;
    }
    return { key, chars };
  };
  /** The copy in `keep` of original type `key` (and of its characters), walking forward. */
  const forward = (key: string, chars: Y.ID[]): { key: string; chars: Y.ID[] } | null => {
    for (const copier of keep.path) {
      const entry = hops.of(copier).byOriginal.get(key);
      if (!entry) return null;
      const mapped: Y.ID[] = [];
      for (const char of chars) {
        const to = forwardedId(entry, char);
        if (!to) return null;
        mapped.push(to);
      }
      key = idKey(Y.createID(entry.to[0], entry.to[1]));
      chars = mapped;
    }
    return { key, chars };
  };
  const pairs: Array<{ source: Y.ID; copy: Y.XmlElement | Y.XmlText; chars: Array<[Y.ID, Y.ID]> }> = [];
  const visit = (item: Y.Item): boolean => {
    const type = (item.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    const chars: Y.ID[] = [];
    for (let child = type._start; child !== null; child = child.right) {
      if (child.deleted) continue;
      if (child.content instanceof Y.ContentType) {
        if (!visit(child)) return false;
      } else if (child.content instanceof Y.ContentString) {
        for (let i = 0; i < child.length; i++) chars.push(Y.createID(child.id.client, child.id.clock + i));
      }
    }
    const original = back(idKey(item.id), chars);
    const there = original ? forward(original.key, original.chars) : null;
    const [client, clock] = there ? there.key.split(':').map(Number) : [];
    const counterpart = there ? typeItem(doc, Y.createID(client!, clock!)) : null;
    if (!there || !counterpart || counterpart.deleted || !there.chars.every((id) => liveChar(doc, id))) return false;
    const copy = (counterpart.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    if ((type instanceof Y.XmlText) !== (copy instanceof Y.XmlText)) return false;
    pairs.push({ source: item.id, copy, chars: chars.map((id, i) => [id, there.chars[i]!]) });
    return true;
  };
  return visit(other.item) ? pairs : null;
}

/** The type item with exactly id `id`, or null. */
function typeItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const item = itemAt(doc, id);
  return item && item.content instanceof Y.ContentType && item.id.clock === id.clock ? item : null;
}

function liveChar(doc: Y.Doc, id: Y.ID): boolean {
  return itemAt(doc, id)?.deleted === false;
}
