import * as Y from 'yjs';
import { copiedFrom, copierOf, copyIdOf, deletedKeyOf, forwardedId, idKey, idOfKey, type ForwardingEntry, type KeyedEntry } from './forwarding';
import { typeItem, type TypeItem } from './struct-walk';

/*
 * Walks of the forwarding entries as a graph, in either direction, not tied to one chain of
 * copies: a copy merged into another leads there through the merge's entries (each with a
 * copier of its own), and an undo restores a type as a new one with an entry of its own.
 */

/** The entries the walks follow. */
export interface CopyEdges {
  /** The entries in force for the deleted type with this `idKey` (its copies). */
  entries(deleted: string): readonly KeyedEntry[];
  /** Every entry whose copy is the type with this `idKey` (what it was copied from). */
  into(copy: string): readonly KeyedEntry[];
}

/** Steps the walks may still take: shared by the walks of one merge plan (entries come from any client, and may form wide fans). */
export class WalkBudget {
  constructor(private left: number) {}

  /** Takes one step; false once the budget is spent. */
  take(): boolean {
    if (this.left <= 0) return false;
    this.left -= 1;
    return true;
  }

  get spent(): boolean {
    return this.left <= 0;
  }
}

/** How many copies of copies a walk follows. */
const MAX_HOPS = 16;
/** How deep in a block a type may be (an item's bullet in a list in an Indstilling is four down). */
const MAX_DEPTH = 16;

/** A live copy that a deleted type leads to, and the copiers (entry key parts after '>') of the copies on the way. */
export interface LiveCopy {
  path: string[];
  item: TypeItem;
}

/**
 * The live copies that the deleted type `start` leads to through `entries`, following copies
 * of copies breadth first (so each by its shortest chain; each type once). Only copies that
 * pass `accept` count or are followed; at most `limits.hops` copies deep and (entries come from
 * any client) `limits.visits` types.
 */
export function liveCopiesOf(
  doc: Y.Doc,
  entries: (deleted: string) => readonly KeyedEntry[],
  start: string,
  limits: { hops: number; visits: number },
  accept: (item: TypeItem) => boolean = () => true,
): LiveCopy[] {
  const found: LiveCopy[] = [];
  const seen = new Set<string>();
  let level: Array<{ from: string; path: string[] }> = [{ from: start, path: [] }];
  for (let hop = 0; hop < limits.hops && level.length > 0 && seen.size <= limits.visits; hop++) {
    const next: typeof level = [];
    for (const { from, path } of level) {
      for (const { key, entry } of entries(from)) {
        const item = typeItem(doc, copyIdOf(entry));
        if (!item || !accept(item) || seen.has(idKey(item.id))) continue;
        seen.add(idKey(item.id));
        const way = [...path, copierOf(key)];
        if (!item.deleted) found.push({ path: way, item });
        else next.push({ from: idKey(item.id), path: way });
      }
    }
    level = next;
  }
  return found;
}

/**
 * The copy that `wanted` accepts of what the type `key` (and its character `id`) was copied
 * from: back through any entries, and from each source forward again. Null when none (made
 * where it is, or copied only from what has no such copy).
 */
export function copyOfSource(edges: CopyEdges, budget: WalkBudget, key: string, id: Y.ID | null, wanted: (key: string) => boolean): { type: Y.ID; char: Y.ID | null } | null {
  let level = [{ key, id }];
  const seen = new Set([key]);
  for (let hop = 0; hop < MAX_HOPS && level.length > 0 && budget.take(); hop++) {
    const next: typeof level = [];
    for (const at of level) {
      for (const { key: entryKey, entry } of edges.into(at.key)) {
        if (!budget.take()) return null;
        const from = deletedKeyOf(entryKey);
        const char = at.id && copiedFrom(entry, at.id);
        if (seen.has(from) || (at.id && !char)) continue;
        seen.add(from);
        const found = copyWhere(edges, budget, from, wanted);
        const copied = found && char ? charCopy(edges, budget, from, char, found.key) : null;
        if (found && (!char || copied)) return { type: idOfKey(found.key), char: copied };
        next.push({ key: from, id: char });
      }
    }
    level = next;
  }
  return null;
}

/** Whether the type `key` is the type `root` or inside it. */
export function isInside(doc: Y.Doc, key: string, root: Y.Item | null): boolean {
  if (!root) return false;
  let item: Y.Item | null = typeItem(doc, idOfKey(key));
  for (let depth = 0; item !== null && depth < MAX_DEPTH; depth++) {
    if (item === root) return true;
    item = (item.parent as Y.AbstractType<unknown>)._item;
  }
  return false;
}

/** The nearest type that the type `key` was copied from (through copies of copies) that passes `wanted`, or null. */
export function sourceWhere(edges: CopyEdges, budget: WalkBudget, key: string, wanted: (key: string) => boolean): string | null {
  const seen = new Set([key]);
  let level = [key];
  for (let hop = 0; hop < MAX_HOPS && level.length > 0; hop++) {
    const next: string[] = [];
    for (const copy of level) {
      if (!budget.take()) return null;
      for (const { key: entryKey } of edges.into(copy)) {
        const from = deletedKeyOf(entryKey);
        if (seen.has(from)) continue;
        if (wanted(from)) return from;
        seen.add(from);
        next.push(from);
      }
    }
    level = next;
  }
  return null;
}

/** The nearest copy of the type `key` (through copies of copies) that passes `wanted`, with the entry of the first copy on the way; or null. */
export function copyWhere(edges: CopyEdges, budget: WalkBudget, key: string, wanted: (key: string) => boolean): { key: string; first: ForwardingEntry } | null {
  const seen = new Set([key]);
  let level = edges.entries(key).map(({ entry }) => ({ entry, first: entry }));
  for (let hop = 0; hop < MAX_HOPS && level.length > 0; hop++) {
    const next: typeof level = [];
    for (const { entry, first } of level) {
      const to = idKey(copyIdOf(entry));
      if (seen.has(to)) continue;
      seen.add(to);
      if (wanted(to)) return { key: to, first };
      if (!budget.take()) return null;
      for (const { entry: onward } of edges.entries(to)) next.push({ entry: onward, first });
    }
    level = next;
  }
  return null;
}

/** Character `id` of the type `key`, back to the character of the type `target` it was copied from (through copies of copies), or null. */
export function charSource(edges: CopyEdges, budget: WalkBudget, key: string, id: Y.ID, target: string): Y.ID | null {
  return walkChar(budget, key, id, target, (at) => edges.into(at).map(({ key: entryKey, entry }) => ({ key: deletedKeyOf(entryKey), map: (char: Y.ID) => copiedFrom(entry, char) })));
}

/** Character `id` of the type `key`, forward to its copy in the type `target` (through copies of copies), or null. */
export function charCopy(edges: CopyEdges, budget: WalkBudget, key: string, id: Y.ID, target: string): Y.ID | null {
  return walkChar(budget, key, id, target, (at) => edges.entries(at).map(({ entry }) => ({ key: idKey(copyIdOf(entry)), map: (char: Y.ID) => forwardedId(entry, char) })));
}

/**
 * Follows character `id` of type `key` along `steps` (depth first, no type twice on one way;
 * the budget bounds the whole search) until it is in type `target`.
 */
function walkChar(budget: WalkBudget, key: string, id: Y.ID, target: string, steps: (key: string) => Array<{ key: string; map: (char: Y.ID) => Y.ID | null }>): Y.ID | null {
  const onTheWay = new Set<string>();
  const walk = (at: string, char: Y.ID, depth: number): Y.ID | null => {
    if (at === target) return char;
    if (depth >= MAX_HOPS || onTheWay.has(at) || !budget.take()) return null;
    onTheWay.add(at);
    for (const step of steps(at)) {
      const next = step.map(char);
      const found = next && walk(step.key, next, depth + 1);
      if (found) return found;
    }
    onTheWay.delete(at);
    return null;
  };
  return walk(key, id, 0);
}
