import * as Y from 'yjs';
import { charRuns, copierOf, copyIdOf, deletedKeyOf, entryItem, entryKey, forwardedId, forwardingMap, idKey, idOfKey, knownClock, readForwardingEntry, refOf, unknownToCopier, partUndone, writtenByItsCopier, type ForwardingEntry, type KeyedEntry } from './forwarding';
import { buildClone, cloneChars, cloneType, pairClone, pruneClone, type TypeClone } from './type-clone';
import { planConcurrentMerges, type CopyIndex, type CopyMerge } from './concurrent-copies';
import { liveCopiesOf } from './copy-graph';
import { charCopiesMap, readCharCopyEntry, type CharCopyEntry } from './char-copies';
import { CharCopyIndex } from './char-copy-index';
import { charAnchor, childIndex, deleteLive, deleteOwnSince, indexAt, itemHolding, typeAnchors, type CharAnchor, type TypeAnchor } from './positions';
import { appendAll, charIds, createdItems, forEachDeleted, inRuns, groupByContainer, idsOf, itemAt, listOf, listOrder, holdsNoText, newChars, RunSet, textChars, typeItem } from './struct-walk';

/** The origin of the rescuer's transactions. */
export const RescueOrigin = Symbol('dagsorden-rescue');

/** How many transactions a stalled orphan is tried again for (see `stalled`). */
const RETRY_TRANSACTIONS = 500;
/**
 * How many deleted containers orphans wait in for an entry, however long (the entry of an
 * undo may come hours later, from someone who was offline). One deleted on purpose never
 * gets one: the container that has waited longest is given up first.
 */
const MAX_WAITING = 2_000;
/** How many moves of moves are followed to find a live copy. */
const MAX_HOPS = 32;
/** How many types one search for a live copy visits at most (entries may fan out). */
const MAX_VISITS = 512;
/** How many orphans wait at most for a live copy to appear (the oldest give way). */
const MAX_STALLED = 10_000;
/** How many erased characters and types are remembered (see `erased`). */
const MAX_ERASED = 100_000;
/** How many runs of characters that arrived deleted are remembered (the oldest are forgotten first). */
const MAX_ARRIVED_DELETED = 20_000;
/** The most characters one arrival of entries erases from copies (each costs a walk of its text). */
const MAX_ERASE_CHARS = 2_000;
/** No entries. */
const NO_ENTRIES: ReadonlySet<ForwardingEntry> = new Set();
/** No deletions: a live type cloned as it is. */
const EMPTY_DELETE_SET = Y.createDeleteSet();
/** How many copies of one deleted type are followed (more than people editing at once). */
const MAX_ENTRIES_PER_TYPE = 64;
/** How many entries naming one copy are indexed (the rescue writes one per run it puts into a text). */
const MAX_ENTRIES_INTO = 1_024;

/**
 * Content a colleague made concurrently inside a container that a move or join deleted:
 * characters in a Y.XmlText, or a whole element or text (a new paragraph, a new item, the
 * first text typed into an empty paragraph) in a Y.XmlElement.
 */
type Orphan =
  /** `chars` begin at offset `from` of the item's characters; `alone`: its text was deleted on its own, its block left standing. */
  | { kind: 'chars'; container: Y.XmlText; item: Y.Item; chars: string; from: number; alone?: true }
  /** `known`: what the clone holds of its authors (flat [client, clock] pairs); what they wrote into it since is not in it. */
  | { kind: 'type'; container: Y.XmlElement; item: Y.Item; clone: TypeClone; known: number[] }
  /**
   * Deleted on purpose in the original by someone who did not know of the copy; its copies go. `through`: the characters of a text deleted as a whole
   * go only from some copies (not where the edit that deleted the text put them: a split, a
   * join); see `Through`.
   */
  | { kind: 'erased'; container: Y.XmlText | Y.XmlElement; item: Y.Item; ids: Y.ID[]; through?: Through };

/**
 * Where the characters of a text deleted as a whole inside the block `container` go from:
 * copies made by that block's copiers, and (`alsoRescued`: the text's author deleted them on
 * purpose) copies this rescue made.
 */
interface Through {
  container: string;
  alsoRescued: boolean;
}

type CharsOrphan = Extract<Orphan, { kind: 'chars' }>;

/** A live copy of a character or type (`id`, in `item`), the key of the entry that made it, and the deleted copies on the way. */
interface FoundCopy {
  id: Y.ID;
  item: Y.Item;
  key: string;
  via: Array<{ item: Y.Item; key: string }>;
}
/**
 * Per anchor (a resolved place's key), the last character or type this pass put there: the
 * next orphan for the same place goes right after it, in the orphans' original order. (Not a
 * count added to the anchor's index: an anchor that is a formatting mark ends up after what
 * was put before it, and the index would count it twice.)
 */
type PutAfter = Map<string, Y.ID>;

/** What this pass last put at the place `key` (none for a place without a key). */
function lastPut(inserted: PutAfter, key: string | null): Y.ID | undefined {
  return key === null ? undefined : inserted.get(key);
}

/** Notes the last of `ids`, put in order at the place `key`, as what comes next goes after. */
function notePut(inserted: PutAfter, key: string | null, ids: Y.ID[]): void {
  if (key !== null && ids.length > 0) inserted.set(key, ids[ids.length - 1]!);
}

/**
 * The part of `orphan` that no copier (`entries`) had seen. Yjs merges characters typed in a
 * row into one item, so the copier may have seen the beginning of it and not the rest. Of the
 * rescue's own entries in `putOnly`, only the characters they put count as seen: such an
 * entry's `known` ends where the run it put ends, and an orphan that stalled (waiting for a
 * live copy) may lie before that.
 */
function unseenPart(entries: ForwardingEntry[], orphan: CharsOrphan, putOnly: ReadonlySet<ForwardingEntry>): CharsOrphan {
  const { client, clock } = orphan.item.id;
  const start = clock + orphan.from;
  const seenBy = (entry: ForwardingEntry): number => {
    if (!putOnly.has(entry)) return knownClock(entry, client) - start;
    let put = 0;
    while (put < orphan.chars.length && forwardedId(entry, Y.createID(client, start + put)) !== null) put++;
    return put;
  };
  const seen = Math.min(orphan.chars.length, Math.max(0, ...entries.map(seenBy)));
  return { ...orphan, chars: orphan.chars.slice(seen), from: orphan.from + seen };
}

/** One incoming update's deletions, and the Yjs clients its sender speaks for (null: not known). */
interface Incoming {
  ds: Y.Transaction['deleteSet'];
  sender: ReadonlySet<number> | null;
}

/**
 * What is left of an orphan once the characters and types `erased` names (deleted on
 * purpose, perhaps after it was made) are taken out of it: none, one, or pieces of its characters.
 */
function withoutErased(orphan: Orphan, erased: ReadonlySet<string>, moved: (id: Y.ID) => boolean): Orphan[] {
  if (erased.size === 0 || orphan.kind === 'erased') return [orphan];
  const gone = (id: Y.ID): boolean => erased.has(idKey(id));
  // Inside a block deleted on purpose since: it went with the block. Not one that was moved
  // before its container went (its copy is where it goes).
  for (let item = orphan.container._item; item; item = (item.parent as { _item: Y.Item | null })._item) if (gone(item.id) && !moved(item.id)) return [];
  if (orphan.kind === 'type') {
    const clone = pruneClone(orphan.clone, gone);
    return clone ? [{ ...orphan, clone }] : [];
  }
  return charsWithout(orphan, gone);
}

/** The runs of `orphan`'s characters that `gone` does not name, each as an orphan of its own. */
function charsWithout(orphan: CharsOrphan, gone: (id: Y.ID) => boolean): CharsOrphan[] {
  const pieces: CharsOrphan[] = [];
  const { client, clock } = orphan.item.id;
  let start = 0;
  for (let at = 0; at <= orphan.chars.length; at++) {
    if (at < orphan.chars.length && !gone(Y.createID(client, clock + orphan.from + at))) continue;
    if (at > start) pieces.push({ ...orphan, chars: orphan.chars.slice(start, at), from: orphan.from + start });
    start = at + 1;
  }
  return pieces;
}

/** Characters to put back as a text of their own: their text's place in its block, holding just them. */
function asText(part: CharsOrphan): Extract<Orphan, { kind: 'type' }> {
  const text = part.container._item!;
  const chars = charIds(part.item, part.from, part.from + part.chars.length);
  const clone: TypeClone = { source: text.id, delta: [{ insert: part.chars }], chars };
  return { kind: 'type', container: text.parent as Y.XmlElement, item: text, clone, known: [part.item.id.client, part.item.id.clock + part.from + part.chars.length] };
}

/** How the rescuer may change the document (see the constructor). */
export interface RescuerOptions {
  fits?: (element: Y.XmlElement) => boolean;
  mergeable?: (keep: Y.XmlElement, other: Y.XmlElement) => boolean;
  fill?: (element: Y.XmlElement) => Array<Y.XmlElement | Y.XmlText> | null;
}

/**
 * Puts back content that concurrent structure changes would lose. Yjs has no move: when one
 * person moves an item (or joins two paragraphs, or undoes a move) while another types in
 * it, the typing lands in the deleted original. The copying client wrote forwarding entries
 * (copy-recorder.ts); the rescuer finds content that was deleted only because its container
 * was, and that the copier had not seen, and inserts it into the copy where it was made,
 * following moves of moves. A container deleted on purpose has no entry: its content stays
 * deleted (delete wins over concurrent edits inside what it removes).
 *
 * Exactly one peer may rescue (else every peer would insert the content once): the sync
 * server. It sees every update, and tells the rescuer which deletions an update made on
 * purpose (`noteIncoming`), so that text its author deleted stays deleted. Attach it after
 * the stored state is loaded; call `rescue()` after applying incoming updates.
 */
export class OrphanRescuer {
  private explicit: Incoming[] = [];
  private readonly waiting = new Map<string, Orphan[]>();
  private ready: Orphan[] = [];
  /**
   * Orphans whose copies all ended in a deletion when they were rescued, and deletions that
   * found no copy to apply to: an entry that arrives later (a concurrent move of the same
   * block by someone else) may lead to a live copy. Tried again when entries arrive, for as
   * long as orphans wait for their first entry.
   */
  private stalled: Array<{ orphan: Orphan; since: number }> = [];
  /** When the orphan made by each item first stalled (a retry that fails again does not start its wait anew). */
  private readonly stalledSince = new WeakMap<Y.Item, number>();
  /** Characters and types in deleted containers deleted on purpose, most recent last: a stalled orphan is tried again without them. */
  private readonly erased = new Set<string>();
  /** Characters that arrived in a text deleted before (or with them): no one but their author saw them undeleted. */
  private readonly arrivedDeleted = new RunSet(MAX_ARRIVED_DELETED);
  private transactions = 0;
  private readonly forwarding: Y.Map<ForwardingEntry>;
  /** The `copied-chars` map (splits and undos that wrote characters anew), and its runs indexed. */
  private readonly copiedChars: Y.Map<CharCopyEntry>;
  private readonly charCopies = new CharCopyIndex();
  /**
   * The forwarding entries by the deleted type they are for, to follow: those in force first,
   * then those an undo took back (the editor binding may move the restored text again without
   * a record: y-tiptap joins a text its own client made into the text before it, in two
   * transactions); each part in key order.
   */
  private readonly followed = new Map<string, KeyedEntry[]>();
  /** The entries in force (`partUndone`): the copies that count as concurrent. */
  private readonly current = new Map<string, KeyedEntry[]>();
  /** All entries by the copying transaction (the key part after '>'). */
  private readonly copiers = new Map<string, KeyedEntry[]>();
  /** Deleted types that have more than one copy: to be merged (concurrent-copies.ts). */
  private merges = new Set<string>();
  /** For each copy (`idKey`), the entries that name it (what it was copied from): a new copy of a copy is a new copy of those too. */
  private readonly into = new Map<string, KeyedEntry[]>();
  /** The keys of the entries written by the merge in progress (taken back if it fails). */
  private written: string[] | null = null;
  /** Whether the rescue wrote an entry since `rescue` last looked (see there). */
  private wroteEntries = false;
  private readonly fits: (element: Y.XmlElement) => boolean;
  private readonly mergeable: (keep: Y.XmlElement, other: Y.XmlElement) => boolean;
  private readonly fill: (element: Y.XmlElement) => Array<Y.XmlElement | Y.XmlText> | null;
  /** Elements whose last child an update deleted: filled if they are still empty and unfit when the rescue runs. */
  private emptied = new Set<Y.XmlElement>();

  /**
   * @param options.fits whether an element may hold what the rescuer put into it (see
   *   schema-fit.ts); an insertion that makes its element unfit is taken back
   * @param options.mergeable whether copy `other` of a block may be merged into copy `keep`
   *   when both were made at once (two people moved an item, or undid the deletion of a
   *   paragraph while the other moved its item): only where the parent may lose one
   * @param options.fill the least content an element left empty needs to fit (new types, or
   *   null when none will do); concurrent deletions can empty a bullet list, say, which every
   *   client's editor binding would delete with whatever arrives in it later (fill-on-build.ts)
   */
  constructor(
    private readonly doc: Y.Doc,
    options: RescuerOptions = {},
  ) {
    this.fits = options.fits ?? (() => true);
    this.mergeable = options.mergeable ?? (() => false);
    this.fill = options.fill ?? (() => null);
    // Deleted containers keep their structure (not their text) for later orphans to land in.
    doc.gcFilter = keepDeletedContainers;
    this.forwarding = forwardingMap(doc);
    for (const key of this.forwarding.keys()) this.index(key);
    this.copiedChars = charCopiesMap(doc);
    for (const key of this.copiedChars.keys()) this.indexCharCopies(key);
    doc.on('afterTransaction', this.collect);
  }

  /**
   * Call with each incoming update before applying it: its deletions were made on purpose.
   * `sender`: the Yjs client ids of the client that sent it, where known. A client catching
   * up after time away names every deletion it knows of, also the server's own: text that
   * arrived in a block deleted meanwhile is deleted on arrival (and put into the block's
   * copy), and only its author ever had it undeleted, so only the author can have deleted
   * it on purpose.
   */
  noteIncoming(update: Uint8Array, sender: ReadonlySet<number> | null = null): void {
    this.noteDeletions(Y.decodeUpdate(update).ds, sender);
  }

  /** As `noteIncoming`, with the update's delete set already decoded. */
  noteDeletions(deleteSet: Y.Transaction['deleteSet'], sender: ReadonlySet<number> | null = null): void {
    this.explicit.push({ ds: deleteSet, sender });
  }

  /**
   * Inserts the orphans found since the last call into the live copies of their containers,
   * in transactions with `RescueOrigin`. Returns how many it put back.
   */
  rescue(): number {
    this.wroteEntries = false;
    let rescued = this.rescueReady();
    for (let pass = 0; pass < 4; pass++) {
      // What was typed into a block before the block itself was put back waited for an entry
      // that the rescue has just written (its own transactions are not collected); and what
      // found no live copy may find one in what it has just put back (an item moved into a
      // section deleted meanwhile).
      if (this.wroteEntries && this.stalled.length > 0) this.retryStalled();
      this.wroteEntries = false;
      if (!this.releaseWaiting() && this.ready.length === 0) break;
      rescued += this.rescueReady();
    }
    return rescued;
  }

  /** Moves the orphans waiting for an entry that now exists to the queue; whether there were any. */
  private releaseWaiting(): boolean {
    let released = false;
    for (const [key, waiting] of this.waiting) {
      if (!this.entry(key) && !this.inCopiedParent(waiting[0]!.container)) continue;
      appendAll(this.ready, waiting);
      this.waiting.delete(key);
      released = true;
    }
    return released;
  }

  private rescueReady(): number {
    if (this.ready.length === 0 && this.merges.size === 0 && this.emptied.size === 0) return 0;
    const orphans = this.ready;
    this.ready = [];
    const merges = this.merges;
    this.merges = new Set();
    let rescued = 0;
    this.doc.transact((transaction) => {
      // What an edit wrote anew elsewhere goes after the rest, so that its new copy can stand for it.
      const deferred: Orphan[] = [];
      rescued += this.putOrphans(orphans, deferred);
      rescued += this.putOrphans(deferred, null);
      if (this.stalled.length > MAX_STALLED) this.stalled.splice(0, this.stalled.length - MAX_STALLED);
      // Deletions last: what was just put back may be what a later update deleted.
      // One that finds no copy yet waits for one (a concurrent move that arrives later).
      for (const orphan of orphans) {
        if (orphan.kind !== 'erased') continue;
        const erased = this.erase(idKey(orphan.container._item!.id), orphan);
        if (erased > 0) rescued += erased;
        else this.stall(orphan);
      }
      // Then one item moved by two people at once is kept once.
      for (const deleted of merges) for (const merge of planConcurrentMerges(this.doc, deleted, this.copyIndex, this.mergeable)) rescued += this.merge(merge);
      // Last, an element that is still empty and may not be gets the least it needs (the
      // rescue's own deletions may have emptied one too).
      this.noteEmptied(transaction);
      this.noteMadeEmpty(transaction);
      const emptied = this.emptied;
      this.emptied = new Set();
      for (const element of emptied) {
        if (element._item?.deleted || element.length > 0 || this.fits(element)) continue;
        const content = this.fill(element);
        if (content) element.insert(0, content);
      }
    }, RescueOrigin);
    return rescued;
  }

  /**
   * Puts the characters and types of `orphans` into the live copies of their containers, in
   * their order within each container. Characters an edit wrote anew elsewhere (a split, an
   * undo: char-copies.ts) are left out where that copy has a live copy by now: the
   * edit took them out of their text on purpose, and the update's deletions may not say so
   * (their author may then have deleted the whole block, which makes every deletion in it look
   * like one with the block). An orphan holding such characters whose copy has none yet goes
   * to `deferred` (when given), to be put after the others: the copy may be among them.
   */
  private putOrphans(orphans: Orphan[], deferred: Orphan[] | null): number {
    let rescued = 0;
    for (const [container, list] of groupByContainer(orphans)) {
      const entries = this.entriesFor(idKey(container._item!.id));
      let own: Set<ForwardingEntry> | undefined;
      const order = listOrder(container);
      // By place (a stalled orphan's item may have been merged into a neighbour since: the
      // item now holding its first character counts); ties keep their order of arrival.
      const place = (orphan: Orphan): number => order.get((orphan.kind === 'chars' ? itemAt(this.doc, charIds(orphan.item, orphan.from, orphan.from + 1)[0]!) : null) ?? orphan.item) ?? 0;
      list.sort((a, b) => place(a) - place(b));
      // Several orphans after the same anchor go in their original order.
      const inserted: PutAfter = new Map();
      for (const orphan of list) {
        if (orphan.kind === 'erased') continue;
        if (deferred && this.waitsForRewrite(orphan)) {
          deferred.push(orphan);
          continue;
        }
        if (orphan.kind === 'type') {
          // A copier that saw it copied it (or saw it deleted): it is not lost.
          if (entries.length === 0 || entries.some((entry) => !unknownToCopier(entry, orphan.item.id))) continue;
          // Moved on by someone (its author, say, who was offline and sends it with everything
          // it knows, the container's deletion too): its copy stands for it, and goes back
          // itself if it is an orphan too.
          if (this.entry(idKey(orphan.item.id))) continue;
          const kept = this.notRewrittenType(orphan);
          if (!kept) continue;
          // A copy made by a move into a container with no live copy left: back where it was moved from.
          const movedIntoGone = this.into.has(idKey(kept.item.id)) && this.homesOf(kept.container).size === 0;
          if (movedIntoGone ? this.putBackMoved(kept, inserted) : this.putType(kept, inserted)) rescued += 1;
          else this.stall(kept);
          continue;
        }
        // Characters: what no copier had seen, into the text's copy, or as a text into its block's copy.
        if (orphan.alone && entries.length === 0) {
          if (this.putBesideDeleted(orphan, inserted)) rescued += 1;
          continue;
        }
        const textEntries = entries.length > 0 ? entries : this.parentEntries(orphan.container);
        const unseen = unseenPart(textEntries, orphan, this.stalledSince.has(orphan.item) ? (own ??= this.ownEntries(idKey(container._item!.id))) : NO_ENTRIES);
        if (textEntries.length === 0) continue;
        for (const part of charsWithout(unseen, (id) => this.rewritten(id))) {
          // Into the text's copy; without one, or when a later copier deleted that copy without
          // an entry for it (it copied the block, whose text it had emptied), as a text into the
          // block's copy.
          const intoText = entries.length > 0 && this.putChars(entries, part, inserted);
          const intoBlock = !intoText && (entries.length === 0 || entries.every((entry) => this.deadEnd(entry))) && this.putInCopiedParent(part, inserted);
          if (intoText || intoBlock) rescued += 1;
          else this.stall(part);
        }
      }
    }
    return rescued;
  }

  /** Whether `orphan` holds a character an edit wrote anew elsewhere whose copy has no live copy yet. */
  private waitsForRewrite(orphan: Exclude<Orphan, { kind: 'erased' }>): boolean {
    const ids = orphan.kind === 'chars' ? charIds(orphan.item, orphan.from, orphan.from + orphan.chars.length) : cloneChars(orphan.clone);
    return ids.some((id) => this.charCopies.copiesOf(id).length > 0 && !this.rewritten(id));
  }

  /**
   * Notes that `deleted` has a new copy: it, and what it was itself copied from (a move of a
   * move makes a new copy of the first original too), may now have several live copies.
   */
  private noteCopied(deleted: string): void {
    const seen = new Set([deleted]);
    const queue = [deleted];
    for (let index = 0; index < queue.length && seen.size <= MAX_VISITS; index++) {
      for (const from of (this.into.get(queue[index]!) ?? []).map(({ key }) => deletedKeyOf(key))) {
        if (seen.has(from)) continue;
        seen.add(from);
        queue.push(from);
      }
    }
    for (const key of seen) if ((this.current.get(key)?.length ?? 0) > 0) this.merges.add(key);
  }

  /** Notes the elements whose child list `transaction` changed and left empty. */
  private noteEmptied(transaction: Y.Transaction): void {
    for (const [type, keys] of transaction.changed) {
      if (type instanceof Y.XmlElement && keys.has(null) && type.length === 0 && !type._item?.deleted) this.emptied.add(type);
    }
  }

  /**
   * Notes the elements the rescue made in `transaction` and left empty (Yjs does not list
   * types made in a transaction as changed): a block a merge put in whose content a later
   * merge erased.
   */
  private noteMadeEmpty(transaction: Y.Transaction): void {
    for (const item of createdItems(this.doc, transaction.beforeState.get(this.doc.clientID) ?? 0)) {
      const type = item.content instanceof Y.ContentType ? item.content.type : null;
      if (type instanceof Y.XmlElement && !item.deleted && type.length === 0) this.emptied.add(type);
    }
  }

  /** Keeps `orphan` for another try when new entries arrive (see `stalled`). */
  private stall(orphan: Orphan): void {
    const since = this.stalledSince.get(orphan.item) ?? this.transactions;
    this.stalledSince.set(orphan.item, since);
    this.stalled.push({ orphan, since });
  }

  /** Puts the stalled orphans that have not waited too long back into the queue, without what was deleted on purpose meanwhile. */
  private retryStalled(): void {
    for (const { orphan, since } of this.stalled) if (this.transactions - since <= RETRY_TRANSACTIONS) appendAll(this.ready, withoutErased(orphan, this.erased, (id) => this.entry(idKey(id)) !== null));
    this.stalled = [];
  }

  /** Remembers what `orphan` deleted on purpose (the oldest is forgotten first). */
  private noteErased(orphan: Extract<Orphan, { kind: 'erased' }>): void {
    for (const id of orphan.ids) {
      const key = idKey(id);
      this.erased.delete(key);
      this.erased.add(key);
    }
    for (const key of this.erased) {
      if (this.erased.size <= MAX_ERASED) break;
      this.erased.delete(key);
    }
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.collect);
  }

  /**
   * What the copiers of the deleted text `deleted` had deleted in it themselves before they
   * copied it (their entries' `erased`), where another copy still holds it: a copier that
   * had not seen the deletion copied it. The update that brings such a deletion after time
   * offline deletes it together with the text (the move), so its delete set cannot say so.
   */
  private erasedByCopiers(deleted: string): Array<Extract<Orphan, { kind: 'erased' }>> {
    const copies = (this.followed.get(deleted) ?? []).map(({ key, entry }) => ({ client: idOfKey(copierOf(key)).client, entry }));
    if (copies.length < 2 || !copies.some(({ entry }) => entry.erased)) return [];
    const item = typeItem(this.doc, idOfKey(deleted));
    if (!item || !(item.content.type instanceof Y.XmlText)) return [];
    const text = item.content.type;
    // `erased` lists what its copier deleted itself: a copy of that client's own that holds
    // the character again (its undo restored it) takes the deletion back.
    const copiedBy = (id: Y.ID, client?: number): boolean => copies.some((copy) => (client === undefined || copy.client === client) && forwardedId(copy.entry, id) !== null);
    const erasedHere = (id: Y.ID): boolean => copies.some(({ client, entry }) => entry.erased !== undefined && inRuns(entry.erased, id) && !copiedBy(id, client));
    const dropped: Array<Extract<Orphan, { kind: 'erased' }>> = [];
    let budget = MAX_ERASE_CHARS;
    for (let char = text._start; char !== null && budget > 0; char = char.right) {
      if (!char.deleted || char.content instanceof Y.ContentFormat || char.content instanceof Y.ContentType) continue;
      const ids = charIds(char).filter((id) => erasedHere(id) && copiedBy(id));
      budget -= ids.length;
      if (ids.length > 0) dropped.push({ kind: 'erased', container: text, item: char, ids });
    }
    return dropped;
  }

  /** `orphan` without the characters an edit wrote anew elsewhere (see `rewritten`); null when it was a text of only such. */
  private notRewrittenType(orphan: Extract<Orphan, { kind: 'type' }>): Extract<Orphan, { kind: 'type' }> | null {
    const clone = pruneClone(orphan.clone, (id) => this.rewritten(id), true);
    return clone && { ...orphan, clone };
  }

  /** Whether an edit wrote character `id` anew elsewhere, and that copy (or where the rescue put it) is live: it is left out (see `putOrphans`). */
  private rewritten(id: Y.ID): boolean {
    return this.charCopies.copiesOf(id).some((copy) => {
      const item = itemAt(this.doc, copy);
      if (!item) return false;
      if (!item.deleted) return true;
      const text = item.parent;
      return text instanceof Y.XmlText && !!text._item?.deleted && this.liveCopies(idKey(text._item.id), copy, false, 0).length > 0;
    });
  }

  /** Whether `container` is a text whose element (deleted) was copied. */
  private inCopiedParent(container: Y.XmlText | Y.XmlElement): boolean {
    const parent = container instanceof Y.XmlText ? container._item?.parent : null;
    return parent instanceof Y.XmlElement && !!parent._item?.deleted && this.entry(idKey(parent._item.id)) !== null;
  }

  /** The entries this rescuer wrote for the deleted type with `idKey` `deleted`. */
  private ownEntries(deleted: string): Set<ForwardingEntry> {
    return new Set((this.followed.get(deleted) ?? []).filter(({ key }) => idOfKey(copierOf(key)).client === this.doc.clientID).map(({ entry }) => entry));
  }

  /** The entries for the deleted type with `idKey` `deleted`. */
  private entriesFor(deleted: string): ForwardingEntry[] {
    return (this.followed.get(deleted) ?? []).map(({ entry }) => entry);
  }

  /** The first entry for `deleted` (the one moves of moves follow), or null. */
  private entry(deleted: string): ForwardingEntry | null {
    return this.followed.get(deleted)?.[0]?.entry ?? null;
  }

  /** Adds the entry stored under `key` to the index (a damaged value, or one written in another client's name, is left out). */
  private index(key: string): void {
    const entry = writtenByItsCopier(this.forwarding, key) ? readForwardingEntry(this.forwarding.get(key)) : null;
    const deleted = deletedKeyOf(key);
    const copier = copierOf(key);
    const before = this.followed.get(deleted)?.find((known) => known.key === key);
    const copiedBefore = before && idKey(copyIdOf(before.entry));
    if (copiedBefore) this.setInto(copiedBefore, (this.into.get(copiedBefore) ?? []).filter((known) => known.key !== key));
    const list = (this.followed.get(deleted) ?? []).filter((known) => known.key !== key);
    const same = (this.copiers.get(copier) ?? []).filter((known) => known.key !== key);
    // A removed or damaged value leaves the index; a deleted type copied more often than any
    // editing explains is not followed further (bounds the work a hostile client can cause).
    if (entry && list.length < MAX_ENTRIES_PER_TYPE) {
      list.push({ key, entry });
      same.push({ key, entry });
      const copy = idKey(copyIdOf(entry));
      const into = this.into.get(copy) ?? [];
      if (into.length < MAX_ENTRIES_INTO) this.setInto(copy, [...into, { key, entry }]);
    }
    if (list.length > 0) {
      const { current, undone } = partUndone(list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
      this.current.set(deleted, current);
      this.followed.set(deleted, [...current, ...undone]);
    } else {
      this.current.delete(deleted);
      this.followed.delete(deleted);
    }
    if (same.length > 0) this.copiers.set(copier, same);
    else this.copiers.delete(copier);
  }

  /** Adds the character copies stored under `key` (`client:clock` of the copying edit) to the index, if its client wrote them. */
  private indexCharCopies(key: string): void {
    const entry = String(entryItem(this.copiedChars, key)?.id.client) === key.split(':')[0] ? readCharCopyEntry(this.copiedChars.get(key)) : null;
    if (entry) this.charCopies.add(entry.runs);
  }

  private setInto(copy: string, entries: KeyedEntry[]): void {
    if (entries.length > 0) this.into.set(copy, entries);
    else this.into.delete(copy);
  }

  /** Forgets the deletions noted for an update that could not be applied. */
  forgetIncoming(): void {
    this.explicit = [];
  }

  private readonly copyIndex: CopyIndex = {
    entries: (deleted) => this.current.get(deleted) ?? [],
    byCopier: (copier) => this.copiers.get(copier) ?? [],
    into: (copy) => this.into.get(copy) ?? [],
  };

  /**
   * Merges copy `other` into `keep` (see concurrent-copies.ts): forwards each of other's
   * types and characters to its counterpart (so that what is typed into `other` later follows),
   * puts what was made in `other` after it was copied into `keep`, next to the counterparts of
   * its neighbours, deletes in `keep` what was deleted in `other` after it was copied, and
   * deletes `other`. If some of that cannot be put into `keep` (it would
   * not fit there), nothing changes. Returns 1 if it merged, else 0.
   */
  private merge(merge: CopyMerge): number {
    if (merge.keep.deleted || merge.other.deleted) return 0;
    const start = Y.getState(this.doc.store, this.doc.clientID);
    const written: string[] = [];
    this.written = written;
    try {
      if (this.mergeInto(merge)) return 1;
    } finally {
      this.written = null;
    }
    // Taken back whole: what was inserted, and the entries that said where things went.
    deleteOwnSince(this.doc, start);
    for (const key of written) {
      this.forwarding.delete(key);
      this.index(key);
    }
    return 0;
  }

  /** Does what `merge` describes; false (with some of it done) when something would not fit. */
  private mergeInto({ other, pairs, unique, erase, eraseMoved }: CopyMerge): boolean {
    const entries = new Map<string, ForwardingEntry>();
    const uniqueAuthors = unique.map((part) => part.item.id.client);
    for (const { source, copy, chars } of pairs) {
      // What exists now has been merged; what its authors type later is not known to this merge.
      const known = this.stateOf([source.client, ...chars.map(([id]) => id.client), ...uniqueAuthors]);
      entries.set(idKey(source), this.remember(source, copy, charRuns(chars.map(([id]) => id), chars.map(([, id]) => id)), known));
    }
    const inserted: PutAfter = new Map();
    // Blocks first (they may not fit), then characters.
    const order = [...unique].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'type' ? -1 : 1));
    for (const part of order) {
      const entry = entries.get(idKey(part.container._item!.id));
      const placed =
        entry !== undefined &&
        (part.kind === 'type'
          ? this.putType(this.typeOrphan(part.container, part.item), inserted, entry)
          : this.putChars([entry], { kind: 'chars', container: part.container, item: part.item, chars: (part.item.content as Y.ContentString).str.slice(part.from, part.to), from: part.from }, inserted));
      // A block that holds no text (an empty paragraph) and does not fit in `keep` loses nothing by going.
      if (!placed && !(part.kind === 'type' && holdsNoText((part.item.content as Y.ContentType).type))) return false;
    }
    for (const id of erase) {
      const item = itemAt(this.doc, id);
      if (item) deleteLive(item, id);
    }
    for (const { container, id, isType } of eraseMoved) {
      for (const copy of this.liveCopies(idKey(container), id, isType, 0)) deleteLive(copy.item, copy.id);
    }
    deleteLive(other);
    return true;
  }

  /**
   * Characters typed into a text the copier did not copy (it had been deleted, or was new to
   * it) whose block was copied: they go into the block's copy, as a text next to the copies
   * of the text's neighbours.
   */
  private putInCopiedParent(part: CharsOrphan, inserted: PutAfter): boolean {
    return this.putType(asText(part), inserted);
  }

  /** Puts characters of a text deleted on its own (see `collect`) into its block, as a text where it was. */
  private putBesideDeleted(part: CharsOrphan, inserted: PutAfter): boolean {
    const textItem = part.container._item!;
    const block = textItem.parent;
    if (!(block instanceof Y.XmlElement) || block._item?.deleted) return false;
    return this.putTypeAt(asText(part), { parent: block, index: childIndex(block, textItem), key: `${idKey(textItem.id)}^` }, inserted);
  }

  /** Whether the copies of a text that `entry` leads to end in a deleted text with no entry of its own. */
  private deadEnd(entry: ForwardingEntry): boolean {
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const item = typeItem(this.doc, copyIdOf(entry));
      if (!item || !item.deleted || !(item.content.type instanceof Y.XmlText)) return false;
      const next = this.entry(idKey(item.id));
      if (!next) return true;
      entry = next;
    }
    return false;
  }

  /** The entries for the deleted element holding text `container` (empty when it has none). */
  private parentEntries(container: Y.XmlText): ForwardingEntry[] {
    const parent = container._item!.parent;
    return parent instanceof Y.XmlElement && parent._item?.deleted ? this.entriesFor(idKey(parent._item.id)) : [];
  }

  private putChars(entries: ForwardingEntry[], orphan: CharsOrphan, inserted: PutAfter): boolean {
    if (orphan.chars === '') return false;
    const { client, clock } = orphan.item.id;
    // The copy that the neighbours' copies lead to; if that chain ends in a deletion, another copy.
    let target: { text: Y.XmlText; index: number; key: string | null } | null = null;
    for (const choice of [entries, ...entries.map((entry) => [entry])]) {
      // Yjs merges adjacent characters into one item: the orphan may be only part of it.
      const near = charAnchor(choice, orphan.item, orphan.from, orphan.from + orphan.chars.length);
      target = this.resolveChars(near.entry, near.anchor);
      if (target) break;
    }
    if (!target) return false;
    const last = lastPut(inserted, target.key);
    const first = Y.getState(this.doc.store, this.doc.clientID);
    const index = last ? indexAt(target.text, last, 1) : Math.min(target.index, target.text.length);
    target.text.insert(index, orphan.chars);
    if (!this.textFits(target.text)) {
      target.text.delete(index, orphan.chars.length);
      return false;
    }
    // Forward the orphan to its copy too: what its author types next to it later follows it.
    const copies = newChars(target.text, this.doc.clientID, first);
    notePut(inserted, target.key, copies);
    const sources = charIds(orphan.item, orphan.from, orphan.from + orphan.chars.length);
    this.remember(orphan.container._item!.id, target.text, charRuns(sources.slice(0, copies.length), copies), [client, clock + orphan.from + orphan.chars.length]);
    return true;
  }

  /**
   * Puts `orphan` next to its neighbours' copies: any copies of the deleted originals, or
   * (`through`, a merge) the copies in the one copy that `through` names. The nearest
   * neighbour first; if its copies lead nowhere live, or the orphan would not fit there, the
   * next one out.
   */
  private putType(orphan: Extract<Orphan, { kind: 'type' }>, inserted: PutAfter, through?: ForwardingEntry): boolean {
    const anchors = through
      ? typeAnchors((item) => { const entry = this.entry(idKey(item.id)); return entry && copyIdOf(entry); }, copyIdOf(through), orphan.item)
      : typeAnchors((item) => (this.entry(idKey(item.id)) ? item.id : null), orphan.container._item!.id, orphan.item);
    const homes = this.homesOf(orphan.container, through);
    for (const [index, anchor] of anchors.entries()) {
      // First in the container's copy is only safe for text (an element may not fit there: an item before its section's title).
      if ('first' in anchor && 'name' in orphan.clone) continue;
      const target = this.resolveType(anchor);
      // Past the nearest neighbour, only into a live copy of its own container: not after a
      // neighbour that was moved elsewhere, nor anywhere when that copy was deleted on purpose.
      if (!target || (index > 0 && !homes.has(target.parent))) continue;
      if (this.putTypeAt(orphan, target, inserted)) return true;
    }
    return false;
  }

  /**
   * Puts a moved block whose new place is gone back where it was moved from: someone moved an
   * item into a section that a colleague, unaware of the move, deleted on purpose. The
   * colleague did not mean to delete the item (it was not there when he deleted), and no one
   * else deleted it: the move fails rather than the item going. Back along its moves (it may
   * have been moved on within the deleted section) to the nearest place that still stands;
   * not when the item has a live copy (a concurrent move that worked keeps it there). What
   * was typed into the originals follows it through the entries.
   */
  private putBackMoved(orphan: Extract<Orphan, { kind: 'type' }>, inserted: PutAfter): boolean {
    const seen = new Set([idKey(orphan.item.id)]);
    let level = [idKey(orphan.item.id)];
    for (let hop = 0; hop < MAX_HOPS && level.length > 0 && seen.size <= MAX_VISITS; hop++) {
      const next: string[] = [];
      for (const copy of level) {
        for (const { key } of this.into.get(copy) ?? []) {
          const from = deletedKeyOf(key);
          if (seen.has(from)) continue;
          seen.add(from);
          const original = typeItem(this.doc, idOfKey(from));
          if (!original?.deleted) continue;
          if (this.liveCopiesOfType(from).length > 0) return false;
          const parent = original.parent;
          if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) || parent._item?.deleted) next.push(from);
          else if (this.putTypeAt(orphan, { parent, index: childIndex(parent, original), key: null }, inserted)) return true;
        }
      }
      level = next;
    }
    return false;
  }

  /** The live copies of the deleted `container` (following moves of moves), or (`through`, a merge) the kept copy it names. */
  private homesOf(container: Y.XmlElement, through?: ForwardingEntry): Set<unknown> {
    if (through) {
      const kept = typeItem(this.doc, copyIdOf(through));
      return new Set(kept && !kept.deleted ? [kept.content.type] : []);
    }
    return new Set(this.liveCopiesOfType(idKey(container._item!.id)).map(({ item }) => item.content.type));
  }

  /** The live copies of the deleted type `key`, following moves of moves. */
  private liveCopiesOfType(key: string): ReturnType<typeof liveCopiesOf> {
    return liveCopiesOf(this.doc, (deleted) => this.followed.get(deleted) ?? [], key, { hops: MAX_HOPS, visits: MAX_VISITS });
  }

  /** Puts `orphan` at `target` (after what this pass put there already); false, with nothing changed, when it would not fit. */
  private putTypeAt(orphan: Extract<Orphan, { kind: 'type' }>, target: { parent: Y.XmlElement | Y.XmlFragment; index: number; key: string | null }, inserted: PutAfter): boolean {
    const last = lastPut(inserted, target.key);
    const lastItem = last ? itemAt(this.doc, last) : null;
    const index = lastItem && !lastItem.deleted && lastItem.parent === target.parent ? childIndex(target.parent, lastItem) + 1 : Math.min(target.index, target.parent.length);
    if ('delta' in orphan.clone) {
      // Text next to text: one text node in the editor, so one Y.XmlText (two would break the binding).
      const left = index > 0 ? target.parent.get(index - 1) : null;
      const right = index < target.parent.length ? target.parent.get(index) : null;
      const into = left instanceof Y.XmlText ? left : right instanceof Y.XmlText ? right : null;
      if (into) {
        const first = Y.getState(this.doc.store, this.doc.clientID);
        const start = last && lastItem?.parent === into ? indexAt(into, last, 1) : into === left ? into.length : 0;
        let at = start;
        for (const op of orphan.clone.delta) {
          into.insert(at, op.insert, op.attributes ?? {});
          at += op.insert.length;
        }
        if (!this.textFits(into)) {
          into.delete(start, at - start);
          return false;
        }
        const copies = newChars(into, this.doc.clientID, first);
        notePut(inserted, target.key, copies);
        this.remember(orphan.clone.source, into, charRuns(orphan.clone.chars.slice(0, copies.length), copies), orphan.known);
        return true;
      }
    }
    const built = buildClone(orphan.clone);
    target.parent.insert(index, [built]);
    if (target.parent instanceof Y.XmlElement && !this.fits(target.parent)) {
      target.parent.delete(index, 1);
      return false;
    }
    notePut(inserted, target.key, [built._item!.id]);
    // Forward the orphan and everything in it to the copy: what is typed into it later follows.
    const known = orphan.known;
    pairClone(orphan.clone, built, (source, copy, chars) => {
      this.remember(source, copy, charRuns(chars.map(([id]) => id), chars.map(([, id]) => id)), known);
    });
    return true;
  }

  /** Deletes the live copies of what `erased` names (characters or a type). Returns how many it deleted. */
  private erase(containerKey: string, erased: Extract<Orphan, { kind: 'erased' }>): number {
    let count = 0;
    const isType = erased.item.content instanceof Y.ContentType;
    for (const id of erased.ids) {
      for (const copy of this.liveCopies(containerKey, id, isType, 0, new Set(), [], erased.through)) {
        // A block copied with what was added to it since (typing into a moved copy) stays:
        // the deletion must not take that with it (the block is then there twice), and what
        // is typed into the original goes on into that copy.
        if (isType && (this.heldSinceCopied(copy.item, copy.key) || copy.via.some((hop, i) => this.heldThenCarried(hop.item, hop.key, (copy.via[i + 1] ?? copy).key)))) {
          this.erased.delete(idKey(id));
          continue;
        }
        deleteLive(copy.item, copy.id);
        count += 1;
      }
    }
    return count;
  }

  /**
   * The live copies of character or type `id` of the container `containerKey`, following moves
   * of moves, each with the key of the entry that made it. Not through an undo of its client's
   * own deletion (`takesBack`): that undo took the deletion back.
   */
  private liveCopies(containerKey: string, id: Y.ID, isType: boolean, hops: number, seen = new Set<string>(), via: Array<{ item: Y.Item; key: string }> = [], through?: Through): FoundCopy[] {
    if (hops > MAX_HOPS) return [];
    const copies: FoundCopy[] = [];
    const entries = isType ? this.entriesWithContainer(idKey(id), containerKey) : through ? this.entriesWithContainer(containerKey, through.container, through.alsoRescued) : (this.followed.get(containerKey) ?? []);
    // One set for the whole walk: entries (written by any client) may form cycles and fans.
    for (const { key, entry } of entries) {
      if (entry.takesBack && inRuns(entry.takesBack, id)) continue;
      const to = isType ? copyIdOf(entry) : forwardedId(entry, id);
      if (!to || seen.has(idKey(to))) continue;
      seen.add(idKey(to));
      // Entries come from any client: a type must be a type (a character a character: see liveCharCopies).
      const item = isType ? typeItem(this.doc, to) : itemAt(this.doc, to);
      if (!item) continue;
      if (isType) {
        const parent = item.parent as Y.AbstractType<unknown>;
        if (!item.deleted) copies.push({ id: to, item, key, via });
        else if (parent._item) appendAll(copies, this.liveCopies(idKey(parent._item.id), to, true, hops + 1, seen, [...via, { item, key }]));
        continue;
      }
      appendAll(copies, this.liveCharCopies(item, to, key, hops, seen, via));
    }
    return copies;
  }

  /** `liveCopies` for the copy `id` (in `item`) of a character, made by the entry `key`: itself if live, else where it went on. */
  private liveCharCopies(item: Y.Item, id: Y.ID, key: string, hops: number, seen: Set<string>, via: Array<{ item: Y.Item; key: string }>): FoundCopy[] {
    // Records come from any client: a character must be one. (A deleted character's content
    // may have been collected: ContentDeleted still names it.)
    if (item.content instanceof Y.ContentType || item.content instanceof Y.ContentFormat) return [];
    const text = item.parent;
    if (!(text instanceof Y.XmlText) || !text._item) return [];
    if (text._item.deleted) return this.liveCopies(idKey(text._item.id), id, false, hops + 1, seen, via);
    if (!item.deleted) return [{ id, item, key, via }];
    // Deleted in a live text: a split or an undo there may have written it anew (char-copies.ts).
    const copies: FoundCopy[] = [];
    if (hops >= MAX_HOPS) return copies;
    for (const copy of this.charCopies.copiesOf(id)) {
      if (seen.has(idKey(copy))) continue;
      seen.add(idKey(copy));
      const copyItem = itemAt(this.doc, copy);
      if (copyItem) appendAll(copies, this.liveCharCopies(copyItem, copy, key, hops + 1, seen, via));
    }
    return copies;
  }

  /**
   * Whether the copied block `copy` holds anything live that the copying transaction (the
   * entry `key`) did not write: typed or put into it since. The copying client wrote its
   * entries in the transaction right after the copy, so the copy's own items lie between the
   * entry key's clock and the clock of the map item holding the entry. What the rescue itself
   * put in (typing into the original) is the original's, and goes with its deletion.
   */
  private heldSinceCopied(copy: Y.Item, key: string): boolean {
    const fromCopy = this.writtenBy(key);
    const visit = (type: Y.AbstractType<unknown>): boolean => {
      for (let item = type._start; item !== null; item = item.right) {
        if (item.deleted || item.content instanceof Y.ContentFormat) continue;
        if (!fromCopy(item)) return true;
        if (item.content instanceof Y.ContentType && visit(item.content.type)) return true;
      }
      return false;
    };
    return copy.content instanceof Y.ContentType && visit(copy.content.type);
  }

  /**
   * Whether the copy `copy` on the way to a live copy (moved again since) held what its
   * copying transaction `key` did not write, and the next copying transaction `next` carried
   * that on (typing into a copy that its author then moved again).
   */
  private heldThenCarried(copy: Y.Item, key: string, next: string): boolean {
    const fromCopy = this.writtenBy(key);
    const nextCopier = copierOf(next);
    const nextEntries = (type: Y.Item): ForwardingEntry[] => (this.followed.get(idKey(type.id)) ?? []).filter(({ key: k }) => copierOf(k) === nextCopier).map(({ entry }) => entry);
    const visit = (typeItem: Y.Item): boolean => {
      const type = (typeItem.content as Y.ContentType).type;
      const entries = nextEntries(typeItem);
      if (entries.length === 0) return false;
      for (let item = type._start; item !== null; item = item.right) {
        if (item.content instanceof Y.ContentFormat) continue;
        if (item.content instanceof Y.ContentType) {
          if (!fromCopy(item) && nextEntries(item).length > 0) return true;
          if (visit(item)) return true;
        } else if (!fromCopy(item) && charIds(item).some((id) => entries.some((entry) => forwardedId(entry, id) !== null))) return true;
      }
      return false;
    };
    return copy.content instanceof Y.ContentType && visit(copy);
  }

  /**
   * Whether an item came with the copy made by the entry `key`'s transaction (see
   * heldSinceCopied), or was put in by the rescue (typing into the original, which goes with
   * the original's deletion).
   */
  private writtenBy(key: string): (item: Y.Item) => boolean {
    const { client, clock: from } = idOfKey(copierOf(key));
    const to = entryItem(this.forwarding, key)?.id.clock ?? Infinity;
    return (item) => item.id.client === this.doc.clientID || (item.id.client === client && item.id.clock >= from && item.id.clock < to);
  }

  /**
   * The entries for the type `typeKey` written by the transactions that copied its container
   * (a type deleted by a join of its own was copied elsewhere; that copy must stay), and
   * (`alsoRescued`) those of this rescue putting it back.
   */
  private entriesWithContainer(typeKey: string, containerKey: string, alsoRescued = false): KeyedEntry[] {
    const copiers = new Set((this.followed.get(containerKey) ?? []).map(({ key }) => copierOf(key)));
    return (this.followed.get(typeKey) ?? []).filter(({ key }) => copiers.has(copierOf(key)) || (alsoRescued && idOfKey(copierOf(key)).client === this.doc.clientID));
  }

  /** Whether the element holding `text` still fits the schema (marks it may not carry, say). */
  private textFits(text: Y.XmlText): boolean {
    return !(text.parent instanceof Y.XmlElement) || this.fits(text.parent);
  }

  /** Live type `item` of `container` as it is now, to be put elsewhere. */
  private typeOrphan(container: Y.XmlElement, item: Y.Item): Extract<Orphan, { kind: 'type' }> {
    const clone = cloneType((item.content as Y.ContentType).type as Y.XmlElement | Y.XmlText, EMPTY_DELETE_SET);
    return { kind: 'type', container, item, clone, known: this.knownOf(clone) };
  }

  /** What the rescuer knows of the authors of `clone`: its state of each. */
  private knownOf(clone: TypeClone): number[] {
    const authors = new Set<number>();
    const visit = (node: TypeClone): void => {
      authors.add(node.source.client);
      if ('delta' in node) for (const id of node.chars) authors.add(id.client);
      else node.children.forEach(visit);
    };
    visit(clone);
    return this.stateOf(authors);
  }

  /** The rescuer's state of each of `authors`, as flat [client, clock] pairs (an entry's `known`). */
  private stateOf(authors: Iterable<number>): number[] {
    return [...new Set(authors)].flatMap((client) => [client, Y.getState(this.doc.store, client)]);
  }

  /** Writes (and indexes) a forwarding entry of the rescuer's own: `source` went to `copy`. */
  private remember(source: Y.ID, copy: Y.XmlElement | Y.XmlText, runs: number[], known: number[]): ForwardingEntry {
    const key = entryKey(idKey(source), this.doc.clientID, Y.getState(this.doc.store, this.doc.clientID));
    const entry: ForwardingEntry = { to: refOf(copy), runs, known };
    this.forwarding.set(key, entry);
    this.wroteEntries = true;
    this.index(key);
    this.written?.push(key);
    return entry;
  }


  private readonly collect = (transaction: Y.Transaction): void => {
    const explicit = this.explicit;
    this.explicit = [];
    if (transaction.origin === RescueOrigin) return;
    this.transactions += 1;
    this.noteEmptied(transaction);
    const changed = transaction.changed.get(this.forwarding as unknown as Y.AbstractType<Y.YEvent<Y.Map<unknown>>>);
    for (const key of changed ?? []) {
      if (key === null) continue;
      this.index(key);
      this.noteCopied(deletedKeyOf(key));
    }
    const copiedChars = transaction.changed.get(this.copiedChars as unknown as Y.AbstractType<Y.YEvent<Y.Map<unknown>>>);
    for (const key of copiedChars ?? []) if (key !== null) this.indexCharCopies(key);
    const found = new Map<Y.XmlText | Y.XmlElement, Orphan[]>();
    // Characters a copier had deleted itself before copying: gone from every other copy too.
    for (const deleted of new Set([...(changed ?? [])].flatMap((key) => (key === null ? [] : [deletedKeyOf(key)])))) {
      for (const orphan of this.erasedByCopiers(deleted)) listOf(found, orphan.container).push(orphan);
    }
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item)) return;
      // A container deleted now (a moved item, or a block in it) may hold what others deleted
      // before, unknown to the copier.
      if (struct.content instanceof Y.ContentType && (struct.content.type instanceof Y.XmlText || struct.content.type instanceof Y.XmlElement)) {
        const inner = struct.content.type;
        for (let child = inner._start; child !== null; child = child.right) {
          if (!child.deleted || Y.isDeleted(transaction.deleteSet, child.id)) continue;
          if (inner instanceof Y.XmlText ? child.content instanceof Y.ContentFormat : !(child.content instanceof Y.ContentType)) continue;
          // A text deleted before stands for its characters deleted before (y-tiptap deletes a
          // text whose characters a split took along, or that was emptied): typing into the
          // copy's text since must stay.
          if (child.content instanceof Y.ContentType && child.content.type instanceof Y.XmlText) {
            const text = child.content.type;
            for (let char = text._start; char !== null; char = char.right) {
              if (char.deleted && !(char.content instanceof Y.ContentFormat)) listOf(found, text).push({ kind: 'erased', container: text, item: char, ids: idsOf(char), through: { container: idKey(struct.id), alsoRescued: false } });
            }
            continue;
          }
          listOf(found, inner).push({ kind: 'erased', container: inner, item: child, ids: idsOf(child) });
        }
      }
      const container = struct.parent;
      if (!(container instanceof Y.XmlText || container instanceof Y.XmlElement) || !container._item?.deleted) return;
      const containerId = container._item.id;
      const withContainer = Y.isDeleted(transaction.deleteSet, containerId);
      const list = listOf(found, container);
      // Integrated into a container deleted earlier and deleted by an update that did not know
      // of the container's deletion: deleted on purpose, not an orphan (its copies are erased
      // below). Deleted with its container in this transaction: the copier's state vector in
      // the forwarding entry decides (a sender that knew of both may have deleted it only as
      // part of the container, so its delete set says nothing).
      if (!withContainer && explicit.some(({ ds }) => Y.isDeleted(ds, struct.id) && !Y.isDeleted(ds, containerId))) return;
      const content = struct.content;
      // Characters of a second text of a block that an update wrote into the block's other
      // text and deleted (y-tiptap shows a block's texts as one and writes them back so): the
      // copy it wrote is rescued, these not.
      if (content instanceof Y.ContentString && container instanceof Y.XmlText && writtenIntoSibling(container, content.str, transaction, explicit)) return;
      // Otherwise an orphan; if deleted with its container in this transaction, the forwarding
      // entry's state vector tells whether the copier saw it.
      if (content instanceof Y.ContentString && container instanceof Y.XmlText) {
        // A text deleted on its own, its block left standing, by an update that had not seen
        // these characters (or they arrive after it): y-tiptap deletes a text that an edit
        // emptied (an undo of the typing that made it, say), with what a colleague typed into it.
        const block = container._item.parent;
        const alone = block instanceof Y.XmlElement && !block._item?.deleted;
        if (alone && explicit.some(({ ds }) => Y.isDeleted(ds, struct.id))) return;
        list.push({ kind: 'chars', container, item: struct, chars: content.str, from: 0, ...(alone ? { alone: true as const } : {}) });
        if (struct.id.clock >= (transaction.beforeState.get(struct.id.client) ?? 0)) this.arrivedDeleted.add([struct.id.client, struct.id.clock, struct.length]);
      } else if (content instanceof Y.ContentType && container instanceof Y.XmlElement && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText)) {
        // Not what the same updates deleted inside it on purpose (its author's undo, say).
        const onPurpose = (child: Y.Item): boolean => {
          const parent = (child.parent as { _item: Y.Item | null })._item;
          return explicit.some(({ ds }) => Y.isDeleted(ds, child.id) && !(parent && Y.isDeleted(ds, parent.id)));
        };
        const clone = cloneType(content.type, transaction.deleteSet, onPurpose);
        list.push({ kind: 'type', container, item: struct, clone, known: this.knownOf(clone) });
      }
    });
    // What an update deleted inside a container that was deleted without its sender knowing
    // (a sender that knew may have deleted it only as part of the container): deleted on
    // purpose, so its copies go too, whenever the copy was made.
    for (const { ds, sender } of explicit) {
      // Not what arrived deleted (see noteIncoming), unless its author sent the deletion.
      const meant = (id: Y.ID): boolean => !sender || sender.has(id.client) || !this.arrivedDeleted.has(id);
      forEachDeleted(this.doc, ds, (item, named) => {
        const container = item.parent;
        if (!(container instanceof Y.XmlText || container instanceof Y.XmlElement) || !container._item?.deleted || Y.isDeleted(ds, container._item.id)) return;
        if (container instanceof Y.XmlText ? item.content instanceof Y.ContentFormat : !(item.content instanceof Y.ContentType)) return;
        // A deleted text (the binding deletes one that was emptied) stands for the characters
        // deleted with it: later typing into its copy must stay. Its author deleted them: the
        // copies the rescue made (of a text it put back, say) go too.
        if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) {
          const text = item.content.type;
          for (let char = text._start; char !== null; char = char.right) {
            if (!(char.content instanceof Y.ContentFormat) && Y.isDeleted(ds, char.id) && meant(char.id)) listOf(found, text).push({ kind: 'erased', container: text, item: char, ids: idsOf(char), through: { container: idKey(container._item!.id), alsoRescued: true } });
          }
          return;
        }
        const ids = named.filter(meant);
        if (ids.length > 0) listOf(found, container).push({ kind: 'erased', container, item, ids });
      });
    }
    for (const [container, orphans] of found) {
      if (orphans.length === 0) continue;
      for (const orphan of orphans) if (orphan.kind === 'erased') this.noteErased(orphan);
      const key = idKey(container._item!.id);
      if (this.entry(key) || this.inCopiedParent(container) || orphans.every((orphan) => orphan.kind === 'chars' && orphan.alone)) {
        appendAll(this.ready, orphans);
        continue;
      }
      const waiting = this.waiting.get(key);
      if (waiting) appendAll(waiting, orphans);
      else this.waiting.set(key, orphans);
      if (this.waiting.size > MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
    }
    if ((changed?.size ?? 0) > 0 && this.stalled.length > 0) this.retryStalled();
    for (const key of changed ?? []) {
      if (key === null) continue;
      const deleted = deletedKeyOf(key);
      const waiting = this.waiting.get(deleted);
      if (waiting && this.entry(deleted)) {
        appendAll(this.ready, waiting);
        this.waiting.delete(deleted);
      }
    }
  };

  /** The live text and index that `anchor` in the copy named by `entry` leads to, following moves of moves. */
  private resolveChars(entry: ForwardingEntry, anchor: CharAnchor): { text: Y.XmlText; index: number; key: string | null } | null {
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const item = typeItem(this.doc, copyIdOf(entry));
      if (!item || !(item.content.type instanceof Y.XmlText)) return null;
      const text = item.content.type;
      if (!item.deleted) {
        if ('start' in anchor) return { text, index: 0, key: `${idKey(item.id)}^` };
        if ('after' in anchor) return { text, index: indexAt(text, anchor.after, 1), key: `${idKey(item.id)}>${idKey(anchor.after)}` };
        return { text, index: indexAt(text, anchor.before, 0), key: null };
      }
      const next = this.entriesFor(idKey(item.id));
      if (next.length === 0) return null;
      const near = 'start' in anchor ? { entry: next[0]!, anchor } : this.nextAnchor(text, next, anchor);
      entry = near.entry;
      anchor = near.anchor;
    }
    return null;
  }

  /** The same place as `anchor` (in the deleted `text`) in the copies `entries` made of it. */
  private nextAnchor(text: Y.XmlText, entries: ForwardingEntry[], anchor: Exclude<CharAnchor, { start: true }>): { entry: ForwardingEntry; anchor: CharAnchor } {
    const id = 'after' in anchor ? anchor.after : anchor.before;
    const holder = itemHolding(text, id);
    if (!holder) return { entry: entries[0]!, anchor: { start: true } };
    const at = id.clock - holder.id.clock + ('after' in anchor ? 1 : 0);
    return charAnchor(entries, holder, at, at);
  }

  /**
   * The live parent and index that `anchor` leads to, following moves of moves (every copy
   * of a block copied by two people at once, the first that leads somewhere live); at a
   * neighbour deleted on purpose in a live parent, the place where it was.
   */
  private resolveType(anchor: TypeAnchor, hops = 0, seen = new Set<string>()): { parent: Y.XmlElement | Y.XmlFragment; index: number; key: string | null } | null {
    const id = 'after' in anchor ? anchor.after : 'before' in anchor ? anchor.before : anchor.first;
    const item = typeItem(this.doc, id);
    // Entries come from any client and may form cycles and fans: each type once, so many hops.
    if (!item || hops > MAX_HOPS || seen.has(idKey(id)) || seen.size > MAX_VISITS) return null;
    seen.add(idKey(id));
    const parent = item.parent;
    if (!item.deleted) {
      if ('first' in anchor) {
        const type = item.content.type;
        return type instanceof Y.XmlElement ? { parent: type, index: 0, key: `${idKey(item.id)}^` } : null;
      }
      if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return null;
      const index = childIndex(parent, item);
      return 'after' in anchor ? { parent, index: index + 1, key: `${idKey(item.id)}>` } : { parent, index, key: null };
    }
    for (const next of this.entriesFor(idKey(item.id))) {
      const to = copyIdOf(next);
      const found = this.resolveType('after' in anchor ? { after: to } : 'before' in anchor ? { before: to } : { first: to }, hops + 1, seen);
      if (found) return found;
    }
    if ('first' in anchor || !(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) || parent._item?.deleted) return null;
    return { parent, index: childIndex(parent, item), key: 'after' in anchor ? `${idKey(item.id)}>` : null };
  }
}

/**
 * Whether `text` was deleted on purpose by one of the updates (`explicit`) from a block it left
 * standing, and `transaction` wrote `chars` into another text of that block: the block had two
 * texts, which y-tiptap writes into one.
 */
function writtenIntoSibling(text: Y.XmlText, chars: string, transaction: Y.Transaction, explicit: Incoming[]): boolean {
  const block = (text._item!.parent as Y.AbstractType<unknown>)._item;
  if (!block || !explicit.some(({ ds }) => Y.isDeleted(ds, text._item!.id) && !Y.isDeleted(ds, block.id))) return false;
  const isNew = (item: Y.Item): boolean => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  for (let sibling = (block.content as Y.ContentType).type._start; sibling !== null; sibling = sibling.right) {
    if (sibling.content instanceof Y.ContentType && sibling.content.type instanceof Y.XmlText && sibling.content.type !== text && textChars(sibling.content.type, isNew).text.includes(chars)) return true;
  }
  return false;
}

/** Keeps deleted types (elements, texts) from garbage collection; their deleted text is still collected. */
export function keepDeletedContainers(item: Y.Item): boolean {
  return !(item.content instanceof Y.ContentType);
}
