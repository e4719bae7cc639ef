import * as Y from 'yjs';
import { copiedFrom, forwardedId, idKey, type ForwardingEntry } from './forwarding';

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

/**
 * Two people moving the same item at once each make a copy of it: the item would then be
 * there twice. When the deleted original (`deleted`, an `idKey`) has several live copies,
 * this keeps the first (in key order, the same on every peer) and deletes the others —
 * but only a copy that holds nothing the kept one lacks: every character and block in it
 * must be a copy of the same original character or block that the kept copy holds too.
 * Text typed into a deleted copy later is forwarded to the kept one (the copy's entries).
 * Returns how many copies it deleted.
 */
export function mergeConcurrentCopies(doc: Y.Doc, deleted: string, index: CopyIndex, mergeable: (element: Y.XmlElement) => boolean): number {
  const copies: Array<{ copier: string; item: Y.Item }> = [];
  const seen = new Set<string>();
  for (const { key, entry } of index.entries(deleted)) {
    const item = liveElementItem(doc, Y.createID(entry.to[0], entry.to[1]));
    if (!item || seen.has(idKey(item.id)) || !mergeable((item.content as Y.ContentType).type as Y.XmlElement)) continue;
    seen.add(idKey(item.id));
    copies.push({ copier: key.slice(key.indexOf('>') + 1), item });
  }
  if (copies.length < 2) return 0;
  const [keep, ...others] = copies;
  const kept = originalsOf(index.byCopier(keep!.copier));
  let merged = 0;
  for (const other of others) {
    const pairs = pairWithKept(other.item, index.byCopier(other.copier), kept, doc);
    if (!pairs) continue;
    const parent = other.item.parent as Y.XmlElement | Y.XmlFragment;
    let at = 0;
    for (let item = parent._start; item !== null && item !== other.item; item = item.right) if (!item.deleted && item.countable) at += item.length;
    parent.delete(at, 1);
    for (const { source, copy, chars } of pairs) index.remember(source, copy, chars);
    merged += 1;
  }
  return merged;
}

/** For one copier's entries: original type `idKey` → its entry. */
function originalsOf(entries: readonly KeyedEntry[]): Map<string, ForwardingEntry> {
  const byOriginal = new Map<string, ForwardingEntry>();
  for (const { key, entry } of entries) byOriginal.set(key.slice(0, key.indexOf('>')), entry);
  return byOriginal;
}

/**
 * Pairs every type and character of copy `root` with its counterpart in the kept copy, via
 * the original both were copied from; null when something in it has no counterpart.
 */
function pairWithKept(
  root: Y.Item,
  entries: readonly KeyedEntry[],
  kept: Map<string, ForwardingEntry>,
  doc: Y.Doc,
): Array<{ source: Y.ID; copy: Y.XmlElement | Y.XmlText; chars: Array<[Y.ID, Y.ID]> }> | null {
  // What this copier copied, by copy: copy `idKey` → original `idKey` and entry.
  const originalOf = new Map<string, { original: string; entry: ForwardingEntry }>();
  for (const { key, entry } of entries) originalOf.set(idKey(Y.createID(entry.to[0], entry.to[1])), { original: key.slice(0, key.indexOf('>')), entry });
  const pairs: Array<{ source: Y.ID; copy: Y.XmlElement | Y.XmlText; chars: Array<[Y.ID, Y.ID]> }> = [];
  const visit = (item: Y.Item): boolean => {
    const mine = originalOf.get(idKey(item.id));
    const theirs = mine ? kept.get(mine.original) : undefined;
    const counterpart = theirs ? liveTypeItem(doc, Y.createID(theirs.to[0], theirs.to[1])) : null;
    const type = (item.content as Y.ContentType).type;
    if (!mine || !theirs || !counterpart) return false;
    const copy = (counterpart.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
    if ((type instanceof Y.XmlText) !== (copy instanceof Y.XmlText)) return false;
    const chars: Array<[Y.ID, Y.ID]> = [];
    for (let child = (type as Y.XmlElement | Y.XmlText)._start; child !== null; child = child.right) {
      if (child.deleted) continue;
      if (child.content instanceof Y.ContentType) {
        if (!visit(child)) return false;
      } else if (child.content instanceof Y.ContentString) {
        for (let i = 0; i < child.length; i++) {
          const id = Y.createID(child.id.client, child.id.clock + i);
          const original = copiedFrom(mine.entry, id);
          const there = original ? forwardedId(theirs, original) : null;
          if (!there || !liveChar(doc, there)) return false;
          chars.push([id, there]);
        }
      }
    }
    pairs.push({ source: item.id, copy, chars });
    return true;
  };
  return visit(root) ? pairs : null;
}

function liveTypeItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item && !item.deleted && item.content instanceof Y.ContentType && item.id.clock === id.clock ? item : null;
}

function liveElementItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const item = liveTypeItem(doc, id);
  return item && (item.content as Y.ContentType).type instanceof Y.XmlElement ? item : null;
}

function liveChar(doc: Y.Doc, id: Y.ID): boolean {
  if (Y.getState(doc.store, id.client) <= id.clock) return false;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item && !item.deleted;
}
