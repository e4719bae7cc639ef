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
}

/** A live copy of a deleted element, and the copying transactions that led to it from the original. */
interface LiveCopy {
  path: string[];
  item: Y.Item;
}

/** How many moves of moves are followed. */
const MAX_HOPS = 16;

/** Content of the copy that goes which the kept copy lacks: made in it after it was copied. */
export type UniqueContent =
  | { kind: 'chars'; container: Y.XmlText; item: Y.Item; from: number; to: number }
  | { kind: 'type'; container: Y.XmlElement; item: Y.Item };

/** Merging one live copy of a deleted original into another. */
export interface CopyMerge {
  /** The copy that stays. */
  keep: Y.Item;
  /** The copy that goes. */
  other: Y.Item;
  /** Each type of `other` whose counterpart in `keep` is live, with the counterparts of its characters. */
  pairs: Array<{ source: Y.ID; copy: Y.XmlElement | Y.XmlText; chars: Array<[Y.ID, Y.ID]> }>;
  /** What was typed or added into `other` after it was copied: to be put into `keep`. */
  unique: UniqueContent[];
  /** What was deleted in `other` after it was copied: characters and types of `keep` to delete too. */
  erase: Y.ID[];
}

/**
 * Two people moving the same item at once each make a copy of it (and each copy may be moved
 * again before anyone syncs): the item would then be there twice. When the deleted original
 * (`deleted`, an `idKey`) leads to several live copies, this plans to keep one and merge the
 * others into it. Of a copy that goes, content that came from the original goes with it (the
 * kept copy holds it, or a deletion there removed it: delete wins); content made in it after
 * it was copied (`unique`) is to be put into the kept copy. The kept copy is the one that
 * takes the least such content (the first in key order on a tie).
 */
export function planConcurrentMerges(doc: Y.Doc, deleted: string, index: CopyIndex, mergeable: (element: Y.XmlElement) => boolean): CopyMerge[] {
  const copies = liveCopies(doc, deleted, index, [], new Set()).filter(({ item }) => mergeable((item.content as Y.ContentType).type as Y.XmlElement));
  if (copies.length < 2) return [];
  const hops = new HopIndex(index);
  let best: { merges: CopyMerge[]; unique: number } | null = null;
  for (const keep of copies) {
    const merges = copies.flatMap((other) => {
      if (other === keep) return [];
      const merge = mergeThroughOriginal(other, keep, hops, doc);
      return merge ? [merge] : [];
    });
    const unique = merges.reduce((sum, merge) => sum + merge.unique.length, 0);
    if (!best || merges.length > best.merges.length || (merges.length === best.merges.length && unique < best.unique)) best = { merges, unique };
  }
  return best?.merges ?? [];
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
 * along `other`'s path to the original, then forward along `keep`'s. What has no original
 * was made in `other` after the copy (unique); what has one but no live counterpart in
 * `keep` goes (keep's side deleted it). Null when a counterpart is of another kind.
 */
function mergeThroughOriginal(other: LiveCopy, keep: LiveCopy, hops: HopIndex, doc: Y.Doc): CopyMerge | null {
  /** One hop back or forward: the type `key` and its characters (null: no original or counterpart). */
  const step = (path: string[], backwards: boolean, key: string, chars: Array<Y.ID | null>): { key: string; chars: Array<Y.ID | null> } | null => {
    const order = backwards ? [...path].reverse() : path;
    for (const copier of order) {
      const hop = hops.of(copier);
      if (backwards) {
        const found = hop.byCopy.get(key);
        if (!found) return null;
        chars = chars.map((id) => (id ? copiedFrom(found.entry, id) : null));
        key = found.original;
      } else {
        const entry = hop.byOriginal.get(key);
        if (!entry) return null;
        chars = chars.map((id) => (id ? forwardedId(entry, id) : null));
        key = idKey(Y.createID(entry.to[0], entry.to[1]));
      }
    }
    return { key, chars };
  };
  const pairs: CopyMerge['pairs'] = [];
  const unique: UniqueContent[] = [];
  const erase: Y.ID[] = [];
  /** Visits a type of `other` (`live`: not deleted); false when a counterpart is of another kind. */
  const visit = (item: Y.Item, root: boolean): boolean => {
    const type = (item.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    // Deleted characters count too (the server keeps only their ids): deleted after the copy, they go in `keep` too.
    const chars: Array<{ item: Y.Item; offset: number }> = [];
    for (let child = type._start; child !== null; child = child.right) {
      if (child.content instanceof Y.ContentString || (child.deleted && child.content instanceof Y.ContentDeleted)) for (let i = 0; i < child.length; i++) chars.push({ item: child, offset: i });
    }
    const ids = chars.map(({ item: holder, offset }) => Y.createID(holder.id.client, holder.id.clock + offset));
    const original = step(other.path, true, idKey(item.id), ids);
    if (!original) {
      // Made in `other` after it was copied: put into `keep` (unless it was deleted again).
      if (root) return false;
      if (!item.deleted) unique.push({ kind: 'type', container: item.parent as Y.XmlElement, item });
      return true;
    }
    const there = step(keep.path, false, original.key, original.chars);
    const [client, clock] = there ? there.key.split(':').map(Number) : [];
    const counterpart = there ? typeItem(doc, Y.createID(client!, clock!)) : null;
    // Deleted on keep's side (or not copied by it): deleted on purpose, and all in it goes.
    if (!there || !counterpart || counterpart.deleted) return !root;
    const copy = (counterpart.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    if ((type instanceof Y.XmlText) !== (copy instanceof Y.XmlText)) return false;
    if (item.deleted) {
      erase.push(counterpart.id);
      return true;
    }
    const paired: Array<[Y.ID, Y.ID]> = [];
    const runs: Array<{ item: Y.Item; from: number; to: number }> = [];
    chars.forEach((char, i) => {
      const to = there.chars[i];
      if (original.chars[i] === null) {
        if (char.item.deleted) return;
        const last = runs[runs.length - 1];
        if (last && last.item === char.item && last.to === char.offset) last.to += 1;
        else runs.push({ item: char.item, from: char.offset, to: char.offset + 1 });
      } else if (to && liveChar(doc, to)) {
        if (char.item.deleted) erase.push(to);
        else paired.push([ids[i]!, to]);
      }
    });
    if (type instanceof Y.XmlText) for (const run of runs) unique.push({ kind: 'chars', container: type, ...run });
    pairs.push({ source: item.id, copy, chars: paired });
    for (let child = type._start; child !== null; child = child.right) {
      if (child.content instanceof Y.ContentType && !visit(child, false)) return false;
    }
    return true;
  };
  return visit(other.item, true) ? { keep: keep.item, other: other.item, pairs, unique, erase } : null;
}

/** The type item with exactly id `id`, or null. */
function typeItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const item = itemAt(doc, id);
  return item && item.content instanceof Y.ContentType && item.id.clock === id.clock ? item : null;
}

function liveChar(doc: Y.Doc, id: Y.ID): boolean {
  return itemAt(doc, id)?.deleted === false;
}
