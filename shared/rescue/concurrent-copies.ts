import * as Y from 'yjs';
import { copiedFrom, copierOf, copyIdOf, deletedKeyOf, forwardedId, idKey, idOfKey, unknownToCopier, type ForwardingEntry, type KeyedEntry } from './forwarding';
import { WalkBudget, charCopy, charSource, copyOfSource, copyWhere, isInside, liveCopiesOf, sourceWhere, type CopyEdges, type LiveCopy } from './copy-graph';
import { holdsNoText, itemAt, typeItem } from './struct-walk';

/** What merging needs from the rescuer. */
export interface CopyIndex extends CopyEdges {
  /** The entries in force for the deleted type with this `idKey` (not those an undo took back), in key order. */
  entries(deleted: string): readonly KeyedEntry[];
  /** Every entry written by one copying transaction (`copier` is the key part after '>'). */
  byCopier(copier: string): readonly KeyedEntry[];
}

/** How many moves of moves are followed. */
const MAX_HOPS = 16;
/** How many steps the walks of one merge plan may take together. */
const MAX_WALK_STEPS = 1_000_000;

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
  /**
   * The same for counterparts that keep's side has since moved on (joined into another
   * block): their copies, where the moves took them, go (`container` is the moved block's text
   * or element, `id` the character or type in it).
   */
  eraseMoved: Array<{ container: Y.ID; id: Y.ID; isType: boolean }>;
}

/**
 * Two people moving the same item at once each make a copy of it (and each copy may be moved
 * again before anyone syncs): the item would then be there twice. When the deleted original
 * (`deleted`, an `idKey`) leads to several live copies, this plans to keep one and merge the
 * others into it, where `mergeable` allows (an undo restoring a paragraph next to the copy a
 * colleague's move made of it is the same case one level down). Of a copy that goes, content
 * that came from the original goes with it (the kept copy holds it, or a deletion there
 * removed it: delete wins); content made in it after it was copied (`unique`) is to be put
 * into the kept copy. The kept copy is the one that takes the least such content (the first
 * in key order on a tie). The walks of one plan share a budget (entries come from any
 * client): when it runs out, nothing is merged.
 */
export function planConcurrentMerges(doc: Y.Doc, deleted: string, index: CopyIndex, mergeable: (keep: Y.XmlElement, other: Y.XmlElement) => boolean): CopyMerge[] {
  const copies = liveCopiesOf(doc, (from) => index.entries(from), deleted, { hops: MAX_HOPS, visits: Number.POSITIVE_INFINITY }, (item) => item.content.type instanceof Y.XmlElement);
  if (copies.length < 2) return [];
  const hops = new HopIndex(index);
  const budget = new WalkBudget(MAX_WALK_STEPS);
  let best: { merges: CopyMerge[]; unique: number } | null = null;
  for (const keep of copies) {
    const merges = copies.flatMap((other) => {
      if (other === keep || !mergeable(keep.item.content.type as Y.XmlElement, other.item.content.type as Y.XmlElement)) return [];
      const fork = atFork(deleted, other, keep, hops);
      const merge = mergeThroughOriginal(fork.original, fork.other, fork.keep, hops, doc, index, budget);
      return merge ? [merge] : [];
    });
    const unique = merges.reduce((sum, merge) => sum + merge.unique.length, 0);
    if (!best || merges.length > best.merges.length || (merges.length === best.merges.length && unique < best.unique)) best = { merges, unique };
  }
  return budget.spent ? [] : (best?.merges ?? []);
}

/**
 * Two copies whose chains begin alike (an item moved, then moved again by two people at
 * once) forked from the copy that the last common step made: merged through that copy,
 * what went into it before the fork (text the rescue put there, say) pairs up in both.
 * The original and both chains as they are when the common steps lead nowhere.
 */
function atFork(original: string, other: LiveCopy, keep: LiveCopy, hops: HopIndex): { original: string; other: LiveCopy; keep: LiveCopy } {
  let key = original;
  let common = 0;
  for (; common < Math.min(other.path.length, keep.path.length) - 1 && other.path[common] === keep.path[common]; common++) {
    const entry = hops.of(other.path[common]!).byOriginal.get(key);
    if (!entry) return { original, other, keep };
    key = idKey(copyIdOf(entry));
  }
  return { original: key, other: { ...other, path: other.path.slice(common) }, keep: { ...keep, path: keep.path.slice(common) } };
}

/** One copying transaction's entries, both ways: by original and by copy. */
class HopIndex {
  private readonly hops = new Map<string, Hop>();

  constructor(private readonly index: CopyIndex) {}

  of(copier: string): Hop {
    let hop = this.hops.get(copier);
    if (!hop) {
      hop = { byOriginal: new Map(), byCopy: new Map(), any: null };
      for (const { key, entry } of this.index.byCopier(copier)) {
        const original = deletedKeyOf(key);
        hop.byOriginal.set(original, entry);
        hop.byCopy.set(idKey(copyIdOf(entry)), { original, entry });
        hop.any ??= entry;
      }
      this.hops.set(copier, hop);
    }
    return hop;
  }
}

/** One copying transaction's entries; `any` tells what it had seen (all its entries say the same). */
interface Hop {
  byOriginal: Map<string, ForwardingEntry>;
  byCopy: Map<string, { original: string; entry: ForwardingEntry }>;
  any: ForwardingEntry | null;
}

/** Where a character or type of `other` stands in `keep`. */
type Fate =
  /** Its counterpart (a live or deleted character or type of `keep`). */
  | { id: Y.ID }
  /** `keep`'s side deleted it, or never had it: it goes. */
  | 'gone'
  /** Made in `other` after its copy, or not yet seen when `keep` was copied: `keep` lacks it. */
  | 'unique';

/**
 * Pairs every live type and character of copy `other` with its counterpart in `keep`: back
 * along `other`'s path to the original, then forward along `keep`'s. What has no original,
 * or whose copier on `keep`'s path had not seen it, is unique to `other` (to be put into
 * `keep`); what has one but no live counterpart in `keep` goes (keep's side deleted it).
 * Null when the merge could lose something: a counterpart of another kind, or unique
 * content in a block that `keep`'s side moved away (a join) rather than deleted.
 */
function mergeThroughOriginal(original: string, other: LiveCopy, keep: LiveCopy, hops: HopIndex, doc: Y.Doc, index: CopyIndex, budget: WalkBudget): CopyMerge | null {
  /**
   * The type `key` of `other` and its characters, back at the original (null: made after the
   * copy). Along `other`'s path; where that does not lead back (a copy merged into `other`
   * earlier leads there too, through the merge's entries, which each have a copier of their
   * own; an undo restores a type as a new one), through any entries that name it as a copy.
   */
  const backPath = [...other.path].reverse();
  const originalItem = typeItem(doc, idOfKey(original));
  const back = (key: string, chars: Array<Y.ID | null>): { key: string; chars: Array<Y.ID | null> } | null => {
    // keys[0] is the type in `other`; keys[h + 1] the type that hop h (backwards) copied into keys[h].
    const keys = [key];
    for (const copier of backPath) {
      const found = hops.of(copier).byCopy.get(keys[keys.length - 1]!);
      if (!found) break;
      keys.push(found.original);
    }
    const found = keys.length === backPath.length + 1 ? keys[keys.length - 1]! : sourceWhere(index, budget, key, (from) => isInside(doc, from, originalItem));
    if (found === null) return null;
    return { key: found, chars: chars.map((id) => id && ((found === keys[keys.length - 1] ? traceBack(id, keys) : null) ?? charSource(index, budget, key, id, found))) };
  };
  /**
   * Character `id` of type keys[0], back to its character in the original (the last key);
   * null when it was made after the copy. A character the rescue put into a copy came from a
   * type further back on the way (the rescue follows moves of moves): its entry says which.
   */
  const traceBack = (id: Y.ID, keys: string[]): Y.ID | null => {
    let at: Y.ID | null = id;
    for (let h = 0; at !== null && h < keys.length - 1; ) {
      const into = keys[h]!;
      const char: Y.ID = at;
      at = null;
      for (let from = h + 1; from < keys.length && at === null; from++) {
        at = firstOf(index.entries(keys[from]!), ({ entry }) => (idKey(copyIdOf(entry)) === into ? copiedFrom(entry, char) : null));
        if (at !== null) h = from;
      }
    }
    return at;
  };
  /** The original type `key` and its characters, forward in `keep` (along its path; where that breaks, through any entries in force). */
  const forward = (key: string, chars: Array<Y.ID | null>): { type: Fate; chars: Fate[] } => {
    // keys[0] is the original; keys[h + 1] the copy that hop h of keep's path made of keys[h].
    const keys = [key];
    const copied: ForwardingEntry[] = [];
    let broken: Hop | null = null;
    for (const copier of keep.path) {
      const hop = hops.of(copier);
      const entry = hop.byOriginal.get(keys[keys.length - 1]!);
      if (!entry) {
        broken = hop;
        break;
      }
      copied.push(entry);
      keys.push(idKey(copyIdOf(entry)));
    }
    if (broken) {
      // Keep's path may pass through a merge, whose entries each have a copier of their own: any way into keep will do.
      const found = copyWhere(index, budget, key, (to) => isInside(doc, to, keep.item));
      if (found) return { type: { id: idOfKey(found.key) }, chars: chars.map((id) => (id ? copyFate(charCopy(index, budget, key, id, found.key)) ?? (unknownToCopier(found.first, id) ? 'unique' : 'gone') : 'unique')) };
    }
    const fates: Fate[] = chars.map((id) => (id ? traceForward(id, keys, copied) : 'unique'));
    const last = keys[keys.length - 1]!;
    if (broken) {
      // Not copied: deleted on keep's side before the copy, or new to that copier.
      const unseen = broken.any !== null && unknownToCopier(broken.any, idOfKey(last));
      return { type: unseen ? 'unique' : 'gone', chars: fates.map((fate) => (fate === 'unique' ? fate : unseen ? 'unique' : 'gone')) };
    }
    return { type: { id: idOfKey(last) }, chars: fates };
  };
  /**
   * Character `id` of type keys[0], forward to its character in the last key (`copied[h]`
   * is the entry of the copy from keys[h] to keys[h + 1]). Not copied: deleted before the
   * copy ('gone'), or new to the copier ('unique'). The rescue may have put it straight into
   * a copy further on (it follows moves of moves): its entry says where.
   */
  const traceForward = (id: Y.ID, keys: string[], copied: ForwardingEntry[]): Fate => {
    let at = id;
    for (let h = 0; h < keys.length - 1; ) {
      const char = at;
      const entries = index.entries(keys[h]!);
      let next: Y.ID | null = null;
      for (let to = h + 1; to < keys.length && next === null; to++) {
        next = firstOf(entries, ({ entry }) => (idKey(copyIdOf(entry)) === keys[to] ? forwardedId(entry, char) : null));
        if (next !== null) h = to;
      }
      if (next === null) return unknownToCopier(copied[h]!, char) ? 'unique' : 'gone';
      at = next;
    }
    return { id: at };
  };
  const pairs: CopyMerge['pairs'] = [];
  const unique: UniqueContent[] = [];
  const erase: Y.ID[] = [];
  const eraseMoved: CopyMerge['eraseMoved'] = [];
  /** The copy in `keep` of what the type `key` of `other` (and its character `id`) was copied from, or null (made in `other`). */
  const commonCopy = (key: string, id: Y.ID | null) => copyOfSource(index, budget, key, id, (to) => isInside(doc, to, keep.item));
  /**
   * Type `item` of `other`, its characters with their ids, and where both are in `keep`
   * (null: made in `other` after the copy). Deleted characters count too (the server keeps
   * only their ids): deleted after the copy, they go in `keep` too. Each type is located once
   * per plan (the checks of a moved-on block look into its children before `visit` does).
   */
  const located = new Map<Y.Item, Located>();
  const locate = (item: Y.Item): Located => {
    const known = located.get(item);
    if (known) return known;
    const type = (item.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    const chars: Array<{ item: Y.Item; offset: number }> = [];
    for (let child = type._start; child !== null; child = child.right) {
      if (child.content instanceof Y.ContentString || (child.deleted && child.content instanceof Y.ContentDeleted)) for (let i = 0; i < child.length; i++) chars.push({ item: child, offset: i });
    }
    const ids = chars.map(({ item: holder, offset }) => Y.createID(holder.id.client, holder.id.clock + offset));
    const original = back(idKey(item.id), ids);
    const found = { type, chars, ids, there: original ? forward(original.key, original.chars) : null };
    located.set(item, found);
    return found;
  };
  /** Visits a type of `other`; false when the merge could lose something. */
  const visit = (item: Y.Item, root: boolean): boolean => {
    const { type, chars, ids, there } = locate(item);
    if (!there || there.type === 'unique') {
      // Deleted in `other`, and copied from something `keep` has a copy of too (not traced
      // back to the original: through a copy merged in earlier, say): delete wins there too.
      const twin = !there && item.deleted ? commonCopy(idKey(item.id), null) : null;
      // Moved on within `other` (a join): its twin may hold what keep's side typed since; keep both copies.
      if (twin && index.entries(idKey(item.id)).length > 0) return false;
      if (twin && typeItem(doc, twin.type)?.deleted === false) erase.push(twin.type);
      // Made in `other` after it was copied, or new to keep's copier: put into `keep` (unless deleted again).
      if (root) return false;
      if (!item.deleted) unique.push({ kind: 'type', container: item.parent as Y.XmlElement, item });
      return true;
    }
    const counterpart = there.type === 'gone' ? null : typeItem(doc, there.type.id);
    // Moved on keep's side (a join): what `other` has of its own follows it, through the entries of that move.
    const movedOn = !!counterpart?.deleted && index.entries(idKey(counterpart.id)).length > 0;
    if (!counterpart || counterpart.deleted) {
      if (root) return false;
      // Deleted on keep's side on purpose: all in it goes.
      if (!movedOn || item.deleted) return true;
      // Moved on keep's side: what other's side deleted in it since goes where the move took its counterparts.
      if (!moveDeletions(type, chars, there.chars, counterpart!.id)) return false;
      if (!holdsUnique(type, chars, there.chars)) return true;
    }
    const copy = (counterpart!.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    if ((type instanceof Y.XmlText) !== (copy instanceof Y.XmlText)) return false;
    const paired: Array<[Y.ID, Y.ID]> = [];
    const runs: Array<{ item: Y.Item; from: number; to: number }> = [];
    chars.forEach((char, i) => {
      const fate = there.chars[i]!;
      // A deleted text (y-tiptap deletes an emptied one) stands for its characters, deleted one by one.
      const deleted = char.item.deleted || item.deleted;
      if (fate === 'unique') {
        // Deleted: made after the copy and deleted again, or copied from something `keep` has too (see above).
        // Live: `keep` may have it already, through an earlier merge or rescue (not along its path).
        const twin = commonCopy(idKey(item.id), ids[i]!)?.char;
        if (deleted) {
          if (twin && liveChar(doc, twin)) erase.push(twin);
          return;
        }
        if (twin && liveChar(doc, twin)) {
          paired.push([ids[i]!, twin]);
          return;
        }
        const last = runs[runs.length - 1];
        if (last && last.item === char.item && last.to === char.offset) last.to += 1;
        else runs.push({ item: char.item, from: char.offset, to: char.offset + 1 });
      } else if (fate !== 'gone' && movedOn) {
        // Its counterpart went with the move: pairing them lets what is put in next to it follow.
        if (!deleted) paired.push([ids[i]!, fate.id]);
      } else if (fate !== 'gone' && liveChar(doc, fate.id)) {
        if (deleted) erase.push(fate.id);
        else paired.push([ids[i]!, fate.id]);
      }
    });
    if (item.deleted) {
      if (type instanceof Y.XmlText) return true;
      const moves = index.entries(idKey(item.id));
      if (moves.length > 0) {
        // Written anew whole within `other` (an undo restored it, say): that copy pairs with the counterpart, which stays.
        if (moves.every(({ key, entry }) => newWithin(key, entry))) return true;
        // Moved into another block of `other` (a join): its counterpart may hold what keep's
        // side typed since; keep both copies, unless it holds no text.
        if (!holdsNoText(copy)) return false;
      }
      // Deleted on purpose: it goes in `keep` too (delete wins).
      erase.push(counterpart!.id);
      return true;
    }
    if (type instanceof Y.XmlText) for (const run of runs) unique.push({ kind: 'chars', container: type, ...run });
    pairs.push({ source: item.id, copy, chars: paired });
    for (let child = type._start; child !== null; child = child.right) {
      if (child.content instanceof Y.ContentType && !visit(child, false)) return false;
    }
    return true;
  };
  /**
   * Notes in `eraseMoved` what in `type` (with the fates of its characters; `counterpart` is
   * its counterpart in `keep`, which keep's side moved on) was deleted in `other` since and
   * has a counterpart there. False when such a deletion has no counterpart to name.
   */
  const moveDeletions = (type: Y.XmlElement | Y.XmlText, chars: Array<{ item: Y.Item }>, fates: Fate[], counterpart: Y.ID | null): boolean => {
    const deletedHere = chars.flatMap((char, i) => {
      const fate = fates[i]!;
      return char.item.deleted && typeof fate === 'object' ? [fate.id] : [];
    });
    if (deletedHere.length > 0) {
      if (!counterpart) return false;
      for (const id of deletedHere) eraseMoved.push({ container: counterpart, id, isType: false });
    }
    for (let child = type._start; child !== null; child = child.right) {
      if (!(child.content instanceof Y.ContentType)) continue;
      const inner = child.content.type;
      if (!(inner instanceof Y.XmlElement || inner instanceof Y.XmlText)) continue;
      const { chars: innerChars, there } = locate(child);
      if (!there) continue;
      const innerCounterpart = typeof there.type === 'object' ? there.type.id : null;
      if (child.deleted) {
        if (innerCounterpart === null) continue;
        if (!counterpart) return false;
        eraseMoved.push({ container: counterpart, id: innerCounterpart, isType: true });
      } else if (!moveDeletions(inner, innerChars, there.chars, innerCounterpart)) return false;
    }
    return true;
  };
  /** Whether the copy `entry` (keyed `key`) made is a live block in `other` that its copier made. */
  const newWithin = (key: string, entry: ForwardingEntry): boolean => {
    const copy = typeItem(doc, copyIdOf(entry));
    const copier = idOfKey(copierOf(key));
    return !!copy && !copy.deleted && copy.id.client === copier.client && copy.id.clock >= copier.clock && isInside(doc, idKey(copy.id), other.item);
  };
  /** Whether `type` (with the fates of its characters) or anything in it is unique to `other`. */
  const holdsUnique = (type: Y.XmlElement | Y.XmlText, chars: Array<{ item: Y.Item }>, fates: Fate[]): boolean => {
    if (chars.some((char, i) => !char.item.deleted && fates[i] === 'unique')) return true;
    for (let child = type._start; child !== null; child = child.right) {
      if (child.deleted || !(child.content instanceof Y.ContentType)) continue;
      const inner = child.content.type;
      if (!(inner instanceof Y.XmlElement || inner instanceof Y.XmlText)) continue;
      const { chars: innerChars, there } = locate(child);
      if (!there || there.type === 'unique' || holdsUnique(inner, innerChars, there.chars)) return true;
    }
    return false;
  };
  return visit(other.item, true) && !budget.spent ? { keep: keep.item, other: other.item, pairs, unique, erase, eraseMoved } : null;
}

/** A type of `other`, its characters (with ids), and where they stand in `keep` (null: made in `other`). */
interface Located {
  type: Y.XmlElement | Y.XmlText;
  chars: Array<{ item: Y.Item; offset: number }>;
  ids: Y.ID[];
  there: { type: Fate; chars: Fate[] } | null;
}

/** A character's counterpart, or null. */
function copyFate(id: Y.ID | null): Fate | null {
  return id ? { id } : null;
}

/** The first non-null result of `f` over `items`, or null. */
function firstOf<T, R>(items: readonly T[], f: (item: T) => R | null): R | null {
  for (const item of items) {
    const result = f(item);
    if (result !== null) return result;
  }
  return null;
}

function liveChar(doc: Y.Doc, id: Y.ID): boolean {
  return itemAt(doc, id)?.deleted === false;
}
