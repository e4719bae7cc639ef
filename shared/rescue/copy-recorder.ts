import * as Y from 'yjs';
import { charRuns, copyIdOf, entryKey, forwardedId, forwardingMap, ForwardingOrigin, idKey, idOfKey, MAX_ERASED_RUNS, refOf, type ForwardingEntry } from './forwarding';
import { OwnDeletions } from './own-deletions';
import { charCopiesIn, charCopiesMap, rewrittenChars } from './char-copies';
import { DeletionFollower } from './deletion-follower';
import { appendAll, charIds, createdItems, deleteSetOf, idRuns, textChars } from './struct-walk';

/** Characters of one Y.XmlText in document order, with the id of each. */
interface Chars {
  text: string;
  ids: Y.ID[];
}

/** A run of characters this client inserted into one Y.XmlText in the transaction. */
interface NewRun extends Chars {
  into: Y.XmlText;
}

/**
 * Records, for every local transaction that deleted a Y.XmlText whose characters it
 * re-inserted elsewhere (a move, a join, an undo of either), where each character went
 * (forwarding.ts), and which characters it copied out of texts that stay (a split, an undo;
 * char-copies.ts). The entries are written in a transaction of their own right after, with
 * `ForwardingOrigin`, so they are never undone. Also remembers this client's deliberate
 * deletions and follows them into copies others made without seeing them
 * (deletion-follower.ts). Installs on `doc`; returns the uninstaller.
 */
export function recordCopies(doc: Y.Doc): () => void {
  const own = new OwnDeletions();
  const follower = new DeletionFollower(doc, own);
  const record = (transaction: Y.Transaction): void => {
    if (!transaction.local) return follower.follow(transaction);
    if (transaction.origin === ForwardingOrigin) return;
    const entries = copiesIn(transaction);
    for (const [deleted, entry] of restoresIn(transaction, own)) if (!entries.has(deleted)) entries.set(deleted, entry);
    const charCopies = charCopiesIn(transaction, own);
    for (const [deleted, entry] of entries) {
      const erased = erasedBefore(doc, deleted, entry, own);
      if (erased.length > 0) entry.erased = erased;
    }
    // Asked only for an edit that both deleted and created (a join): typing never pays for it.
    let recorded: ((id: Y.ID) => boolean) | null = null;
    let rewritten: Set<string> | null = null;
    own.note(transaction, doc.clientID, (id) => (recorded ??= copiedBy([...[...entries.values()].map((entry) => entry.runs), charCopies]))(id) || (rewritten ??= rewrittenChars(transaction)).has(idKey(id)));
    if (entries.size === 0 && charCopies.length === 0) return;
    const map = forwardingMap(doc);
    const clock = transaction.beforeState.get(doc.clientID) ?? 0;
    doc.transact(() => {
      for (const [deleted, entry] of entries) map.set(entryKey(deleted, doc.clientID, clock), entry);
      if (charCopies.length > 0) charCopiesMap(doc).set(`${doc.clientID}:${clock}`, { runs: charCopies });
      follower.noteOwnCopies(charCopies);
    }, ForwardingOrigin);
  };
  doc.on('afterTransaction', record);
  return () => doc.off('afterTransaction', record);
}

/** Whether a character is the original of one of the copies flat [fromClient, fromClock, length, toClient, toClock] `runs` name. */
function copiedBy(runs: number[][]): (id: Y.ID) => boolean {
  const originals: Array<[number, number, number]> = [];
  for (const list of runs) for (let at = 0; at + 4 < list.length; at += 5) originals.push([list[at]!, list[at + 1]!, list[at + 2]!]);
  const set = deleteSetOf(originals);
  return (id) => Y.isDeleted(set, id);
}

/**
 * The characters of the deleted text `deleted` (an `idKey`) that this client had deleted on
 * purpose before, as [client, clock, length] runs (at most MAX_ERASED_RUNS, the first ones):
 * not one that `entry` copies or an undo restored (the deletion was taken back).
 */
function erasedBefore(doc: Y.Doc, deleted: string, entry: ForwardingEntry, own: OwnDeletions): number[] {
  const item = Y.getItem(doc.store, idOfKey(deleted));
  if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlText)) return [];
  const ids: Y.ID[] = [];
  for (let char = item.content.type._start; char !== null; char = char.right) {
    if (!char.deleted || char.redone !== null || char.content instanceof Y.ContentFormat || char.content instanceof Y.ContentType) continue;
    for (const id of charIds(char)) if (own.has(id) && forwardedId(entry, id) === null) ids.push(id);
  }
  return idRuns(ids).slice(0, 3 * MAX_ERASED_RUNS);
}

/** The forwarding entries of one transaction, by the `idKey` of the deleted type. */
function copiesIn(transaction: Y.Transaction): Map<string, ForwardingEntry> {
  const entries = new Map<string, ForwardingEntry>();
  const doc = transaction.doc;
  const own = doc.clientID;
  const firstNew = transaction.beforeState.get(own) ?? 0;
  const isNew = (id: Y.ID): boolean => id.client === own && id.clock >= firstNew;
  const deleted: Y.XmlText[] = [];
  const deletedElements: Y.XmlElement[] = [];
  const authors = new Set<number>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    authors.add(struct.id.client);
    if (!(struct instanceof Y.Item) || isNew(struct.id) || !(struct.content instanceof Y.ContentType)) return;
    if (struct.content.type instanceof Y.XmlText) deleted.push(struct.content.type);
    else if (struct.content.type instanceof Y.XmlElement) deletedElements.push(struct.content.type);
  });
  if ((deleted.length === 0 && deletedElements.length === 0) || (transaction.afterState.get(own) ?? 0) === firstNew) return entries;

  // What the copier knew: its state of every author of anything in what it deleted (deleted
  // now or before, when it was live to the copier), and of itself. The server, when one update
  // brings an earlier deletion together with the copy, must not take such content for typing
  // the copier had not seen.
  authors.add(own);
  const walk = (type: { _start: Y.Item | null }): void => {
    for (let item = type._start; item !== null; item = item.right) {
      authors.add(item.id.client);
      if (item.content instanceof Y.ContentType) walk(item.content.type);
    }
  };
  for (const type of [...deleted, ...deletedElements]) walk(type);
  const known = [...authors].flatMap((client) => [client, transaction.beforeState.get(client) ?? 0]);
  const { runs, emptyTexts } = newText(doc, firstNew);
  // What each deleted text held just before: its characters this transaction deleted.
  const deletedNow = (item: Y.Item): boolean => !isNew(item.id) && Y.isDeleted(transaction.deleteSet, item.id);
  const seen = deleted.map((text) => ({ text, chars: textChars(text, deletedNow) }));

  // Pair deleted texts with the runs that copy them, the longest copies first (exact copies
  // before partial ones of the same length: a join copies what follows the deleted range).
  const pairs: Array<{ from: number; run: number; rank: number; length: number; fromAt: number; runAt: number }> = [];
  seen.forEach(({ text, chars }, from) => {
    if (chars.text.length === 0) return;
    const kind = (text.parent as Y.XmlElement | null)?.nodeName;
    runs.forEach((run, index) => {
      // Text goes to text of the same kind of block (a join of paragraphs, a moved title).
      if ((run.into.parent as Y.XmlElement | null)?.nodeName !== kind) return;
      const s = chars.text;
      const r = run.text;
      if (r === s) pairs.push({ from, run: index, rank: 3, length: s.length, fromAt: 0, runAt: 0 });
      else if (r.includes(s)) pairs.push({ from, run: index, rank: 2, length: s.length, fromAt: 0, runAt: r.indexOf(s) });
      else if (s.endsWith(r)) pairs.push({ from, run: index, rank: 1, length: r.length, fromAt: s.length - r.length, runAt: 0 });
      else if (s.startsWith(r)) pairs.push({ from, run: index, rank: 1, length: r.length, fromAt: 0, runAt: 0 });
      // The middle of it (y-tiptap wrote a join as a string diff that kept an end of the text it joined into).
      else if (r.length > 1 && s.includes(r)) pairs.push({ from, run: index, rank: 0, length: r.length, fromAt: s.indexOf(r), runAt: 0 });
    });
  });
  pairs.sort((a, b) => b.length - a.length || b.rank - a.rank);
  const usedFrom = new Set<number>();
  const usedRun = new Set<number>();
  for (const pair of pairs) {
    if (usedFrom.has(pair.from) || usedRun.has(pair.run)) continue;
    usedFrom.add(pair.from);
    usedRun.add(pair.run);
    const { text, chars } = seen[pair.from]!;
    const run = runs[pair.run]!;
    entries.set(idKey(text._item!.id), {
      to: refOf(run.into),
      runs: charRuns(chars.ids.slice(pair.fromAt, pair.fromAt + pair.length), run.ids.slice(pair.runAt, pair.runAt + pair.length)),
      known,
    });
  }
  // Texts without characters (an empty paragraph moved) go to new empty texts of the same kind, in order.
  const free = [...emptyTexts];
  for (const { text, chars } of seen) {
    if (chars.text.length > 0) continue;
    const kind = (text.parent as Y.XmlElement | null)?.nodeName;
    const at = free.findIndex((candidate) => (candidate.parent as Y.XmlElement | null)?.nodeName === kind);
    if (at < 0) continue;
    const [target] = free.splice(at, 1);
    entries.set(idKey(text._item!.id), {
      to: refOf(target!),
      runs: [],
      known,
    });
  }
  // An element whose text went to a copy went to the element holding that copy at the same depth.
  const copies: Array<[Y.XmlElement, Y.XmlElement]> = [];
  for (const element of deletedElements) {
    const copy = copiedElement(element, entries, doc);
    if (!copy) continue;
    entries.set(idKey(element._item!.id), { to: refOf(copy), runs: [], known });
    copies.push([element, copy]);
  }
  for (const [element, copy] of copiedWhole(deletedElements.filter((element) => !entries.has(idKey(element._item!.id))), transaction, isNew, entries)) {
    entries.set(idKey(element._item!.id), { to: refOf(copy), runs: [], known });
    copies.push([element, copy]);
  }
  // A copy made in this transaction (a move) has the children the original had, maybe not
  // all of them: pair them in order, by kind, so that empty paragraphs, which hold no text
  // to match, are forwarded too.
  for (let next = copies.pop(); next; next = copies.pop()) {
    const [original, copy] = next;
    if (!isNew(copy._item!.id)) continue;
    const before = childTypes(original, (item) => Y.isDeleted(transaction.deleteSet, item.id) && !isNew(item.id));
    const after = childTypes(copy, (item) => !item.deleted);
    for (const [child, counterpart] of alignByKind(before, after)) {
      const key = idKey(child._item!.id);
      if (entries.has(key)) continue;
      const to = refOf(counterpart);
      if (child instanceof Y.XmlText) {
        const from = textChars(child, deletedNow);
        const into = textChars(counterpart as Y.XmlText, (item) => !item.deleted);
        entries.set(key, { to, runs: from.text === into.text ? charRuns(from.ids, into.ids) : [], known });
      } else {
        entries.set(key, { to, runs: [], known });
        copies.push([child, counterpart as Y.XmlElement]);
      }
    }
  }
  return entries;
}

/**
 * The forwarding entries of an undo or redo that restored deleted types, by the `idKey` of
 * the deleted type. Yjs restores a deleted item as a new item (noted in the old one's
 * `redone`), so a colleague's concurrent move of the same block leaves two copies, and what
 * someone typed into the block while it was deleted is not restored at all. The restore
 * copies exactly what its undo step deleted: what the deletion of a block had seen of each
 * author is at least up to the last of their items inside it that the step deleted (the
 * block and what it held went in one transaction), and whatever an author wrote into the
 * block that it had not seen comes later (typed concurrently, into the deleted block).
 * An entry that brings back what this client had itself deleted on purpose says so
 * (`takesBack`): the server never deletes through it what others deleted.
 */
function restoresIn(transaction: Y.Transaction, ownDeletions: OwnDeletions): Map<string, ForwardingEntry> {
  const entries = new Map<string, ForwardingEntry>();
  const undoManager = transaction.origin;
  if (!(undoManager instanceof Y.UndoManager) || undoManager.currStackItem === null) return entries;
  const own = transaction.doc.clientID;
  const firstNew = transaction.beforeState.get(own) ?? 0;
  const restored = (item: Y.Item): Y.ID | null => {
    const to = item.redone;
    return to !== null && to.client === own && to.clock >= firstNew ? to : null;
  };
  const deletions = undoManager.currStackItem.deletions;
  // Per restored type (by its old item): the last deleted clock of each author inside it. The
  // step may span several transactions; what lies inside the type was deleted with it, in one.
  const seenIn = new Map<Y.Item, Map<number, number>>();
  Y.iterateDeletedStructs(transaction, deletions, (struct) => {
    if (!(struct instanceof Y.Item)) return;
    for (let item: Y.Item | null = struct; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
      if (!(item.content instanceof Y.ContentType) || !restored(item)) continue;
      const seen = seenIn.get(item) ?? new Map<number, number>();
      seenIn.set(item, seen);
      seen.set(struct.id.client, Math.max(seen.get(struct.id.client) ?? 0, struct.id.clock + struct.length));
    }
  });
  Y.iterateDeletedStructs(transaction, deletions, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return;
    const type = struct.content.type;
    const to = restored(struct);
    if (!to || !(type instanceof Y.XmlText || type instanceof Y.XmlElement)) return;
    const from: Y.ID[] = [];
    const copies: Y.ID[] = [];
    if (type instanceof Y.XmlText) {
      for (let item = type._start; item !== null; item = item.right) {
        const copy = item.content instanceof Y.ContentString ? restored(item) : null;
        if (!copy) continue;
        appendAll(from, charIds(item));
        for (let i = 0; i < item.length; i++) copies.push(Y.createID(copy.client, copy.clock + i));
      }
    }
    // What it brings back of this client's own deletions (the type, or characters of it).
    const takenBack = idRuns([...(ownDeletions.has(struct.id) ? [struct.id] : []), ...from.filter((id) => ownDeletions.has(id))]).slice(0, 3 * MAX_ERASED_RUNS);
    const takesBack = takenBack.length > 0 ? takenBack : null;
    // The undoer had seen all its own items, and everything up to what it had itself deleted
    // inside the type before (not others' typing that arrived while the type was deleted: that
    // must still be rescued).
    const seen = new Map(seenIn.get(struct) ?? []);
    seen.set(own, Math.max(seen.get(own) ?? 0, firstNew));
    const walk = (t: { _start: Y.Item | null }): void => {
      for (let item = t._start; item !== null; item = item.right) {
        if (item.deleted && ownDeletions.has(item.id)) seen.set(item.id.client, Math.max(seen.get(item.id.client) ?? 0, item.id.clock + item.length));
        if (item.content instanceof Y.ContentType) walk(item.content.type);
      }
    };
    walk(type);
    entries.set(idKey(struct.id), { to: [to.client, to.clock], runs: charRuns(from, copies), known: [...seen].flat(), restore: true, ...(takesBack ? { takesBack } : {}) });
  });
  return entries;
}

/** The element and text children of `parent` whose items pass `keep`, in order. */
function childTypes(parent: Y.XmlElement, keep: (item: Y.Item) => boolean): Array<Y.XmlElement | Y.XmlText> {
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  for (let item = parent._start; item !== null; item = item.right) {
    if (!keep(item) || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) children.push(child);
  }
  return children;
}

/** Pairs of the longest common subsequence of `a` and `b` by kind (node name, or text). */
function alignByKind<T extends Y.XmlElement | Y.XmlText>(a: T[], b: T[]): Array<[T, T]> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = kindOf(a[i]!) === kindOf(b[j]!) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: Array<[T, T]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (kindOf(a[i]!) === kindOf(b[j]!)) pairs.push([a[i++]!, b[j++]!]);
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function kindOf(type: Y.XmlElement | Y.XmlText): string {
  return type instanceof Y.XmlText ? '#text' : type.nodeName;
}

/**
 * Elements of `unpaired` (deleted by `transaction`, with no text whose copy leads to theirs)
 * each with the one element of the same kind and the same children that the transaction made
 * as a whole, where there is just one: an item whose texts someone had emptied, moved, has no
 * characters to follow, yet what is typed into it must follow the move.
 */
function copiedWhole(unpaired: Y.XmlElement[], transaction: Y.Transaction, isNew: (id: Y.ID) => boolean, entries: Map<string, ForwardingEntry>): Array<[Y.XmlElement, Y.XmlElement]> {
  const top = (element: Y.XmlElement, inside: (item: Y.Item) => boolean): boolean => {
    const parent = (element._item!.parent as Y.AbstractType<unknown>)._item;
    return !parent || !inside(parent);
  };
  const originals = unpaired.filter((element) => top(element, (parent) => Y.isDeleted(transaction.deleteSet, parent.id)));
  if (originals.length === 0) return [];
  const targets = new Set([...entries.values()].map((entry) => idKey(copyIdOf(entry))));
  const made: Y.XmlElement[] = [];
  for (const item of createdItems(transaction.doc, transaction.beforeState.get(transaction.doc.clientID) ?? 0)) {
    if (item.deleted || !(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlElement) || targets.has(idKey(item.id))) continue;
    if (top(item.content.type, (parent) => isNew(parent.id))) made.push(item.content.type);
  }
  const shape = (element: Y.XmlElement, keep: (item: Y.Item) => boolean): string => [element.nodeName, ...childTypes(element, keep).map(kindOf)].join(' ');
  const pairs: Array<[Y.XmlElement, Y.XmlElement]> = [];
  for (const original of originals) {
    const wanted = shape(original, (item) => Y.isDeleted(transaction.deleteSet, item.id) && !isNew(item.id));
    const matches = made.filter((copy) => shape(copy, (item) => !item.deleted) === wanted);
    if (matches.length === 1 && originals.filter((other) => other.nodeName === original.nodeName).length === 1) pairs.push([original, matches[0]!]);
  }
  return pairs;
}

/** The element that holds, at the same depth, the copy of some text of `element`; null when none does. */
function copiedElement(element: Y.XmlElement, entries: Map<string, ForwardingEntry>, doc: Y.Doc): Y.XmlElement | null {
  const visit = (type: Y.XmlElement | Y.XmlText, depth: number): Y.XmlElement | null => {
    if (type instanceof Y.XmlText) {
      const entry = entries.get(idKey(type._item!.id));
      if (!entry) return null;
      const target = (Y.getItem(doc.store, copyIdOf(entry)) as Y.Item).content;
      let copy: Y.AbstractType<unknown> | null = target instanceof Y.ContentType ? target.type : null;
      for (let up = 0; up < depth && copy; up++) copy = copy._item ? (copy._item.parent as Y.AbstractType<unknown>) : null;
      return copy instanceof Y.XmlElement && copy !== element && copy.nodeName === element.nodeName ? copy : null;
    }
    for (let item = type._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) continue;
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(element, 0);
}

/** The runs of characters this client inserted (since `firstNew`) into live texts, and its new empty texts. */
function newText(doc: Y.Doc, firstNew: number): { runs: NewRun[]; emptyTexts: Y.XmlText[] } {
  const own = doc.clientID;
  const texts = new Set<Y.XmlText>();
  const created: Y.XmlText[] = [];
  for (const struct of createdItems(doc, firstNew)) {
    if (struct.deleted) continue;
    if (struct.content instanceof Y.ContentString && struct.parent instanceof Y.XmlText && !struct.parent._item?.deleted) texts.add(struct.parent);
    if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlText) created.push(struct.content.type);
  }
  const runs: NewRun[] = [];
  for (const into of texts) {
    let current: NewRun | null = null;
    for (let item = into._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const fresh = item.id.client === own && item.id.clock >= firstNew && item.content instanceof Y.ContentString;
      if (!fresh) {
        current = null;
        continue;
      }
      if (!current) runs.push((current = { into, text: '', ids: [] }));
      current.text += (item.content as Y.ContentString).str;
      appendAll(current.ids, charIds(item));
    }
  }
  return { runs, emptyTexts: created.filter((text) => text.length === 0) };
}

