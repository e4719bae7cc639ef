import * as Y from 'yjs';
import { DocumentField } from '../protocol/document-fields';
import { listOf } from './struct-walk';

/**
 * Where the text of a deleted Y.XmlText went when a local edit copied it (Yjs has no move:
 * ProseMirror moves, joins and undo reach Yjs as delete + insert of a copy). Text that a
 * colleague typed into the original concurrently lands in a deleted container; the entry
 * lets the rescuer (orphan-rescuer.ts) put it into the copy at the place it was typed.
 *
 * Stored in the Y.Map `DocumentField.Forwarding`, keyed by the deleted type's item id and
 * the copying transaction (`entryKey`): two people moving the same item at once leave two
 * entries. Plain numbers only, so that every Yjs version reads it.
 */
export interface ForwardingEntry {
  /** The Y.XmlText that received the copy, as [client, clock] of its item. */
  to: [number, number];
  /**
   * Copied characters: flat runs of five numbers [fromClient, fromClock, length, toClient,
   * toClock]: `length` characters from the deleted text map one to one onto the copy.
   */
  runs: number[];
  /**
   * What the copying client knew of the deleted text's authors: flat [client, clock] pairs,
   * its state vector restricted to them. A character with a clock at or past this was typed
   * concurrently (an orphan); one below it the copying client had seen, copied or deleted.
   */
  known: number[];
  /**
   * Set when an undo or redo restored the deleted type (Yjs restores it as a new item). It
   * takes the place of the entries its client wrote for the same type before: the copy those
   * made (a move, a join) is what the undo took back.
   */
  restore?: true;
  /**
   * On a restore: what it brings back of its client's own deliberate deletions (the type's
   * id, or characters), as [client, clock, length] runs: an undo of the client's own deletion.
   * The rescuer never deletes those through it (the undo took that deletion back); what others
   * deleted it does delete through it (its client had not seen that: delete wins).
   */
  takesBack?: number[];
  /**
   * Characters of the deleted text that the copying client itself had deleted, in edits
   * before this one that only deleted (flat runs of three numbers [client, clock, length]).
   * A copy made by someone who had not seen those deletions still holds them: they go from
   * it too (delete wins). The update that brings them after time offline deletes them together
   * with the text, so the server could not tell them from the copy otherwise.
   */
  erased?: number[];
}

/** A forwarding entry with its key in the forwarding map. */
export interface KeyedEntry {
  key: string;
  entry: ForwardingEntry;
}

/** The Y.Map of forwarding entries in `doc`. */
export function forwardingMap(doc: Y.Doc): Y.Map<ForwardingEntry> {
  return doc.getMap<ForwardingEntry>(DocumentField.Forwarding);
}

/** The key of an item id in the forwarding map. */
export function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

/** The id of the type an entry's copy went into (`entry.to`). */
export function copyIdOf(entry: ForwardingEntry): Y.ID {
  return Y.createID(entry.to[0], entry.to[1]);
}

/** The [client, clock] of the type `type`'s item, as an entry's `to` holds it (the inverse of `copyIdOf`). */
export function refOf(type: { _item: Y.Item | null }): [number, number] {
  const { client, clock } = type._item!.id;
  return [client, clock];
}

/** The id an `idKey` names. */
export function idOfKey(key: string): Y.ID {
  const [client, clock] = key.split(':').map(Number);
  return Y.createID(client!, clock!);
}

/**
 * The key of the entry for the deleted type whose `idKey` is `deleted`, written by the transaction of client
 * `copier` that began at clock `clock`.
 */
export function entryKey(deleted: string, copier: number, clock: number): string {
  return `${deleted}>${copier}:${clock}`;
}

/** The `idKey` of the deleted type an entry key names. */
export function deletedKeyOf(key: string): string {
  const at = key.indexOf('>');
  return at < 0 ? key : key.slice(0, at);
}

/** The copying transaction named in an entry key (`copierClient:clock`, the part after '>'). */
export function copierOf(key: string): string {
  return key.slice(key.indexOf('>') + 1);
}

/**
 * The entries of one deleted type, parted into those in force and those an undo took back:
 * an entry with `restore` replaces the earlier entries of its own client (the move or join
 * it undid). Both keep their order.
 */
export function partUndone<T extends { key: string; entry: ForwardingEntry }>(list: readonly T[]): { current: T[]; undone: T[] } {
  const restored = new Map<number, number>();
  for (const { key, entry } of list) {
    if (!entry.restore) continue;
    const { client, clock } = idOfKey(copierOf(key));
    restored.set(client, Math.max(restored.get(client) ?? -1, clock));
  }
  const current: T[] = [];
  const undone: T[] = [];
  for (const item of list) {
    const { client, clock } = idOfKey(copierOf(item.key));
    (clock < (restored.get(client) ?? -1) ? undone : current).push(item);
  }
  return { current, undone };
}

/** The origin of the transactions that write forwarding entries (not undoable, not an edit). */
export const ForwardingOrigin = Symbol('dagsorden-forwarding');

/**
 * The id in the copy of character `id` of the deleted text, or null when the entry did not
 * copy that character (it was deleted by the copying edit, or before it).
 */
export function forwardedId(entry: ForwardingEntry, id: Y.ID): Y.ID | null {
  const run = findRun(runIndex(entry).byFrom, id);
  return run ? Y.createID(run.otherClient, run.otherClock + (id.clock - run.clock)) : null;
}

/** The character of the deleted text that `entry` copied to `copy`, or null. */
export function copiedFrom(entry: ForwardingEntry, copy: Y.ID): Y.ID | null {
  const run = findRun(runIndex(entry).byTo, copy);
  return run ? Y.createID(run.otherClient, run.otherClock + (copy.clock - run.clock)) : null;
}

/** One side of a run: `length` characters of `client` from `clock`, and where the other side starts. */
interface RunSide {
  clock: number;
  length: number;
  otherClient: number;
  otherClock: number;
}

/** An entry's runs by client, sorted by clock, both ways. */
interface RunIndex {
  byFrom: Map<number, RunSide[]>;
  byTo: Map<number, RunSide[]>;
}

/**
 * Entries come from any client and may hold thousands of runs; the rescuer looks characters
 * up many times. Each entry object gets its index once (binary search instead of a scan).
 */
const runIndexes = new WeakMap<ForwardingEntry, RunIndex>();

function runIndex(entry: ForwardingEntry): RunIndex {
  let index = runIndexes.get(entry);
  if (index) return index;
  index = { byFrom: new Map(), byTo: new Map() };
  const runs = entry.runs;
  for (let at = 0; at + 4 < runs.length; at += 5) {
    const [fromClient, fromClock, length, toClient, toClock] = [runs[at]!, runs[at + 1]!, runs[at + 2]!, runs[at + 3]!, runs[at + 4]!];
    listOf(index.byFrom, fromClient).push({ clock: fromClock, length, otherClient: toClient, otherClock: toClock });
    listOf(index.byTo, toClient).push({ clock: toClock, length, otherClient: fromClient, otherClock: fromClock });
  }
  for (const sides of [index.byFrom, index.byTo]) for (const list of sides.values()) list.sort((a, b) => a.clock - b.clock);
  runIndexes.set(entry, index);
  return index;
}

/** The run holding `id`, or null. (Runs of one side do not overlap; in a hostile entry that overlaps, the last run starting at or before it counts.) */
function findRun(index: Map<number, RunSide[]>, id: Y.ID): RunSide | null {
  const list = index.get(id.client);
  if (!list) return null;
  let low = 0;
  let high = list.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.clock <= id.clock) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const run = last >= 0 ? list[last]! : null;
  return run && id.clock < run.clock + run.length ? run : null;
}

/** True when the copying client had not seen `id` when it copied (the character is concurrent). */
export function unknownToCopier(entry: ForwardingEntry, id: Y.ID): boolean {
  return id.clock >= knownClock(entry, id.client);
}

/** The first clock of `client` that the copier had not seen (0 when it knew nothing of it). */
export function knownClock(entry: ForwardingEntry, client: number): number {
  const known = entry.known;
  for (let at = 0; at + 1 < known.length; at += 2) if (known[at] === client) return known[at + 1]!;
  return 0;
}

/** The shape of a key `entryKey` writes. */
const ENTRY_KEY = /^\d+:\d+>(\d+):\d+$/;

/**
 * Whether the entry stored under `key` has a key of the right shape and was written by the
 * client the key names as its copier. Keys come from any client: one that wrote entries in
 * another's name could mark that client's moves as undone (`partUndone`).
 */
export function writtenByItsCopier<T>(map: Y.Map<T>, key: string): boolean {
  const match = ENTRY_KEY.exec(key);
  const writer = entryItem(map, key)?.id.client;
  return match !== null && writer !== undefined && String(writer) === match[1];
}

/** The Yjs item holding the value stored under `key` (who wrote it, and when). */
export function entryItem<T>(map: Y.Map<T>, key: string): Y.Item | undefined {
  return map._map.get(key);
}

/** The most runs and known authors an entry may have (bounds the rescuer's work on a hostile entry). */
const MAX_RUNS = 4096;
/** The most runs of `erased` an entry may hold (its writer keeps the first ones). */
export const MAX_ERASED_RUNS = 4096;
const MAX_KNOWN = 1024;

/** Reads an entry stored by any client, or null if it is not one (a damaged or foreign value). */
export function readForwardingEntry(value: unknown): ForwardingEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { to, runs, known, restore, erased, takesBack } = value as Partial<ForwardingEntry>;
  const numbers = (list: unknown, tuple: number): list is number[] =>
    Array.isArray(list) && list.length % tuple === 0 && list.every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!numbers(to, 2) || to.length !== 2 || !numbers(runs, 5) || !numbers(known, 2)) return null;
  if (runs.length > 5 * MAX_RUNS || known.length > 2 * MAX_KNOWN) return null;
  if (restore !== undefined && restore !== true) return null;
  // A damaged `erased` costs only itself: the copy is still followed.
  const goodErased = erased !== undefined && numbers(erased, 3) && erased.length > 0 && erased.length <= 3 * MAX_ERASED_RUNS;
  if (takesBack !== undefined && (!numbers(takesBack, 3) || takesBack.length > 3 * MAX_ERASED_RUNS)) return null;
  return { to: [to[0]!, to[1]!], runs, known, ...(restore ? { restore } : {}), ...(takesBack ? { takesBack } : {}), ...(goodErased ? { erased } : {}) };
}

/** Compresses a one-to-one character mapping into runs of consecutive ids on both sides. */
export function charRuns(from: Y.ID[], to: Y.ID[]): number[] {
  const runs: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const a = from[i]!;
    const b = to[i]!;
    const last = runs.length - 5;
    if (
      last >= 0 &&
      runs[last] === a.client &&
      runs[last + 1]! + runs[last + 2]! === a.clock &&
      runs[last + 3] === b.client &&
      runs[last + 4]! + runs[last + 2]! === b.clock
    ) {
      runs[last + 2]! += 1;
    } else {
      runs.push(a.client, a.clock, 1, b.client, b.clock);
    }
  }
  return runs;
}
