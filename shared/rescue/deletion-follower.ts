import * as Y from 'yjs';
import { charCopiesMap, readCharCopyEntry } from './char-copies';
import { entryItem, forwardingMap, idKey, idOfKey, ForwardingOrigin, readForwardingEntry } from './forwarding';
import type { OwnDeletions } from './own-deletions';
import { indexAt } from './positions';
import { idRuns, inRuns, itemAt, listOf, RunSet } from './struct-walk';

/** How many runs of copied characters a client remembers as gone with its deletions (the oldest are forgotten first). */
const MAX_FOLLOWED_RUNS = 20_000;
/** The most copied characters one arriving transaction is looked at for (a hostile entry may name billions). */
const MAX_PAIRS = 200_000;

/** How many undos and redos of one deletion are followed. */
const MAX_REDONE_HOPS = 16;

/** What is left of MAX_PAIRS for one arriving transaction. */
interface Budget {
  left: number;
}

/**
 * Lets this client's deliberate deletions win over copies made without seeing them. Someone
 * who split a paragraph, moved an item or undid an edit while this client deleted a word in
 * it made a copy of that word; when the copy's record arrives (a forwarding or character-copy
 * entry), the copy is deleted here too, and so are copies of that copy. Only the deleting
 * client knows the deletion was on purpose; the server sees a delete set, which an undo or a
 * reconnect's full sync repeats. An undo of this client's own deletion is not followed
 * (`takesBack`): that took the deletion back.
 */
export class DeletionFollower {
  /** Copies deleted by following: copies of them go too. */
  private readonly followed = new RunSet(MAX_FOLLOWED_RUNS);
  /** The characters this client's own edits copied within a text, by `idKey`: the copy, and how many the edit copied. */
  private readonly ownCopies = new Map<string, { copy: Y.ID; size: number }>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly own: OwnDeletions,
  ) {
    // A root type first defined by an arriving update is a placeholder until asked for by its
    // kind; the transaction would name the placeholder, not the map.
    forwardingMap(doc);
    charCopiesMap(doc);
  }

  /** After a transaction: follows the copies that entries it brought (from others) name. */
  follow(transaction: Y.Transaction): void {
    if (transaction.local) return;
    // Most arriving transactions (typing) bring no entries: nothing to do.
    const forwardKeys = changedKeys(transaction, forwardingMap(this.doc));
    const charKeys = changedKeys(transaction, charCopiesMap(this.doc));
    if (forwardKeys.length === 0 && charKeys.length === 0) return;
    const budget: Budget = { left: MAX_PAIRS };
    const doomed = this.concurrentCopies(charKeys, budget);
    const copies = new Map<string, Y.ID[]>();
    this.forwarded(forwardKeys, copies, budget);
    this.copiedChars(charKeys, copies, budget);
    // From what went here on purpose, along copies of copies (in any order within the batch).
    const work = [...copies.keys()].filter((key) => this.gone(idOfKey(key)));
    const followed = new Set<string>();
    for (let key = work.pop(); key !== undefined; key = work.pop()) {
      for (const copy of copies.get(key) ?? []) {
        const copyKey = idKey(copy);
        if (followed.has(copyKey)) continue;
        followed.add(copyKey);
        doomed.push(copy);
        work.push(copyKey);
      }
    }
    this.followed.add(sortedRuns([...followed].map(idOfKey)));
    const live = keepingTexts(doomed.filter((id) => itemAt(this.doc, id)?.deleted === false), this.doc);
    if (live.length > 0) this.doc.transact(() => deleteChars(this.doc, live), ForwardingOrigin);
  }

  /** Notes the characters this client's own edit copied (a character-copy entry's runs it wrote). */
  noteOwnCopies(runs: number[]): void {
    const pairs = new Map<string, Y.ID[]>();
    const size = addPairs(pairs, runs, () => true, { left: MAX_PAIRS });
    for (const [key, [copy]] of pairs) {
      this.ownCopies.delete(key);
      this.ownCopies.set(key, { copy: copy!, size });
    }
    for (const key of this.ownCopies.keys()) {
      if (this.ownCopies.size <= MAX_PAIRS) break;
      this.ownCopies.delete(key);
    }
  }

  /**
   * Of the characters that this client and another copied at once out of the same text (both
   * split one paragraph), the copies that go: those of the edit that copied more (a tie: of
   * the higher client id), so that both splits stay. Both clients choose the same. Only while
   * both copies are live: one that went (undone, say) leaves the other as the only one.
   */
  private concurrentCopies(keys: string[], budget: Budget): Y.ID[] {
    const doomed: Y.ID[] = [];
    if (this.ownCopies.size === 0) return doomed;
    const map = charCopiesMap(this.doc);
    const own = this.doc.clientID;
    const live = (id: Y.ID): boolean => itemAt(this.doc, id)?.deleted === false;
    for (const key of keys) {
      const copier = entryItem(map, key)?.id.client;
      const entry = readCharCopyEntry(map.get(key));
      if (copier === undefined || copier === own || !entry) continue;
      const pairs = new Map<string, Y.ID[]>();
      const size = addPairs(pairs, entry.runs, () => true, budget);
      for (const [from, [theirs]] of pairs) {
        const mine = this.ownCopies.get(from);
        if (!mine || !live(mine.copy) || !live(theirs!)) continue;
        doomed.push(mine.size > size || (mine.size === size && own > copier) ? mine.copy : theirs!);
      }
    }
    return doomed;
  }

  /**
   * Whether character `id` went on purpose here: deleted by this client and not taken back by
   * its undo (or taken back and deleted again by its redo: Yjs notes each restored copy in the
   * old item's `redone`), or a copy of such.
   */
  private gone(id: Y.ID): boolean {
    if (this.followed.has(id)) return true;
    let at = id;
    for (let hops = 0; hops < MAX_REDONE_HOPS; hops++) {
      const item = itemAt(this.doc, at);
      if (!item || !item.deleted || !this.own.has(at)) return false;
      if (item.redone === null) return true;
      at = Y.createID(item.redone.client, item.redone.clock + (at.clock - item.id.clock));
    }
    return false;
  }

  /** Adds to `copies` the [original → copies] characters of the forwarding entries under `keys`. */
  private forwarded(keys: string[], copies: Map<string, Y.ID[]>, budget: Budget): void {
    const map = forwardingMap(this.doc);
    for (const key of keys) {
      const entry = readForwardingEntry(map.get(key));
      const takesBack = entry?.takesBack;
      if (entry) addPairs(copies, entry.runs, takesBack ? (id) => !inRuns(takesBack, id) : () => true, budget);
    }
  }

  /** Adds to `copies` the [original → copies] characters of the character-copy entries under `keys`. */
  private copiedChars(keys: string[], copies: Map<string, Y.ID[]>, budget: Budget): void {
    const map = charCopiesMap(this.doc);
    for (const key of keys) {
      const entry = readCharCopyEntry(map.get(key));
      if (entry) addPairs(copies, entry.runs, () => true, budget);
    }
  }
}

/** The keys of `map` that `transaction` set. */
function changedKeys<T>(transaction: Y.Transaction, map: Y.Map<T>): string[] {
  const keys = transaction.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.Map<T>>>);
  return keys ? [...keys].filter((key): key is string => key !== null) : [];
}

/**
 * Adds to `copies` (original `idKey` → copies) the characters of flat [fromClient, fromClock,
 * length, toClient, toClock] runs whose original passes `keep`, looking at no more characters
 * than `budget` has left. Returns how many characters the runs name.
 */
function addPairs(copies: Map<string, Y.ID[]>, runs: number[], keep: (id: Y.ID) => boolean, budget: Budget): number {
  let size = 0;
  for (let at = 0; at + 4 < runs.length; at += 5) {
    const length = runs[at + 2]!;
    size += length;
    for (let i = 0; i < length && budget.left > 0; i++, budget.left--) {
      const from = Y.createID(runs[at]!, runs[at + 1]! + i);
      if (keep(from)) listOf(copies, idKey(from)).push(Y.createID(runs[at + 3]!, runs[at + 4]! + i));
    }
  }
  return size;
}

/**
 * `ids` (live characters) without those that would empty a text beside other children of its
 * block: y-tiptap deletes such an empty text on the next edit there, and with it what a
 * colleague types into it meanwhile (no record says where that should go).
 */
function keepingTexts(ids: Y.ID[], doc: Y.Doc): Y.ID[] {
  const byText = new Map<Y.XmlText, Set<string>>();
  const kept: Y.ID[] = [];
  for (const id of ids) {
    const text = itemAt(doc, id)?.parent;
    if (!(text instanceof Y.XmlText)) continue;
    let chars = byText.get(text);
    if (!chars) byText.set(text, (chars = new Set()));
    chars.add(idKey(id));
  }
  for (const [text, chars] of byText) {
    const siblings = text._item?.parent instanceof Y.XmlElement ? text._item.parent.length : 1;
    if (siblings > 1 && chars.size >= text.length) continue;
    for (const key of chars) kept.push(idOfKey(key));
  }
  return kept;
}

/** Deletes the live characters `ids`, a run of neighbours at a time. */
function deleteChars(doc: Y.Doc, ids: Y.ID[]): void {
  const runs = sortedRuns(ids);
  for (let at = 0; at + 2 < runs.length; at += 3) {
    const client = runs[at]!;
    const end = runs[at + 1]! + runs[at + 2]!;
    for (let clock = runs[at + 1]!; clock < end; ) {
      const id = Y.createID(client, clock);
      const item = itemAt(doc, id);
      if (!item) break;
      const count = Math.min(end, item.id.clock + item.length) - clock;
      if (!item.deleted && item.parent instanceof Y.XmlText && item.content instanceof Y.ContentString) item.parent.delete(indexAt(item.parent, id, 0), count);
      clock += count;
    }
  }
}

/** `ids` as [client, clock, length] runs, in id order (neighbours share a run). */
function sortedRuns(ids: Y.ID[]): number[] {
  return idRuns(ids.sort((a, b) => a.client - b.client || a.clock - b.clock));
}
