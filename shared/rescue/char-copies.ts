import * as Y from 'yjs';
import { DocumentField } from '../protocol/document-fields';
import { charRuns, idKey } from './forwarding';
import type { OwnDeletions } from './own-deletions';
import { appendAll, charIds, createdItems, textChars } from './struct-walk';

/**
 * Characters a local edit copied out of a text that stays: a split (Enter) deletes the tail of
 * a paragraph and writes it into a new one; an undo brings deleted characters back into a live
 * text as new items. Unlike a move (forwarding.ts) nothing is deleted as a whole, so nothing
 * is rescued through these; they only let a deletion made without seeing the copy follow it
 * (deletion-follower.ts).
 *
 * Stored in the Y.Map `DocumentField.CopiedChars`, keyed by the copying transaction
 * (`client:clock`), as flat runs of five numbers like `ForwardingEntry.runs`.
 */
export interface CharCopyEntry {
  runs: number[];
}

/** The most runs one entry may hold (bounds the work a hostile entry causes). */
const MAX_RUNS = 4096;

/** The Y.Map of character copies in `doc`. */
export function charCopiesMap(doc: Y.Doc): Y.Map<CharCopyEntry> {
  return doc.getMap<CharCopyEntry>(DocumentField.CopiedChars);
}

/** Reads an entry stored by any client, or null if it is not one. */
export function readCharCopyEntry(value: unknown): CharCopyEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { runs } = value as Partial<CharCopyEntry>;
  if (!Array.isArray(runs) || runs.length % 5 !== 0 || runs.length > 5 * MAX_RUNS || !runs.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  return { runs };
}

/**
 * The characters `transaction` (local) copied out of texts that stay, as runs; empty when it
 * copied none. A split: a stretch of characters it deleted from a live text equals the whole
 * of a text it created. An undo or redo: characters it restored (Yjs notes the new item in
 * the old one's `redone`) into a live text (a restored text is a forwarding entry's), not this
 * client's own deliberate deletions (the undo took those back).
 */
export function charCopiesIn(transaction: Y.Transaction, own: OwnDeletions): number[] {
  return [...splitCopies(transaction), ...restoredChars(transaction, own)];
}

function splitCopies(transaction: Y.Transaction): number[] {
  const doc = transaction.doc;
  const client = doc.clientID;
  const firstNew = transaction.beforeState.get(client) ?? 0;
  const isNew = (id: Y.ID): boolean => id.client === client && id.clock >= firstNew;
  const created: Array<{ text: string; ids: Y.ID[] }> = [];
  for (const struct of createdItems(doc, firstNew)) {
    if (!struct.deleted && struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlText) {
      const chars = textChars(struct.content.type, (item) => !item.deleted);
      if (chars.text.length > 0 && chars.ids.every(isNew)) created.push(chars);
    }
  }
  if (created.length === 0) return [];
  const cut: Array<{ text: string; ids: Y.ID[] }> = [];
  for (const text of textsCutBy(transaction)) appendAll(cut, stretchesDeletedBy(text, transaction));
  const runs: number[] = [];
  for (const copy of created) {
    const at = cut.findIndex((stretch) => stretch.text === copy.text);
    if (at < 0) continue;
    appendAll(runs, charRuns(cut[at]!.ids, copy.ids));
    cut.splice(at, 1);
  }
  return runs;
}

/**
 * The characters (`idKey`s) `transaction` deleted and wrote again elsewhere: the longest
 * start and end of each stretch it deleted whose text it inserted into another text too. A
 * copy the recorder could not pair (y-tiptap joining a case line into the title, say) is not
 * a deliberate deletion.
 */
export function rewrittenChars(transaction: Y.Transaction): Set<string> {
  const doc = transaction.doc;
  const client = doc.clientID;
  const firstNew = transaction.beforeState.get(client) ?? 0;
  const rewritten = new Set<string>();
  const inserted: Array<{ str: string; into: unknown }> = [];
  for (const struct of createdItems(doc, firstNew)) if (struct.content instanceof Y.ContentString) inserted.push({ str: struct.content.str, into: struct.parent });
  if (inserted.length === 0) return rewritten;
  for (const text of textsCutBy(transaction, true)) {
    // Within one text y-tiptap writes the least change: what it wrote there is typing over a selection, not the stretch again.
    const written = inserted.filter(({ into }) => into !== text).map(({ str }) => str).join('\u0000');
    for (const stretch of stretchesDeletedBy(text, transaction)) {
      // A join deletes the head of the text it joins and writes its tail on: the longest end
      // of the stretch written elsewhere (either end) was copied, the rest deleted.
      const n = stretch.text.length;
      const tail = longestWritten((length) => stretch.text.slice(n - length), n, written);
      const head = longestWritten((length) => stretch.text.slice(0, length), n, written);
      stretch.ids.forEach((id, at) => {
        if (at < head || at >= n - tail) rewritten.add(idKey(id));
      });
    }
  }
  return rewritten;
}

/** The greatest length up to `n` for which `part(length)` occurs in `written` (an end of a text: a shorter one occurs too). */
function longestWritten(part: (length: number) => string, n: number, written: string): number {
  let low = 0;
  let high = n;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (written.includes(part(middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The texts (not made by `transaction`) that `transaction` deleted characters from: live ones,
 * and with `withDeleted` also those it deleted itself.
 */
function textsCutBy(transaction: Y.Transaction, withDeleted = false): Set<Y.XmlText> {
  const client = transaction.doc.clientID;
  const firstNew = transaction.beforeState.get(client) ?? 0;
  const texts = new Set<Y.XmlText>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || !(struct.parent instanceof Y.XmlText)) return;
    const text = struct.parent._item;
    const own = struct.id.client === client && struct.id.clock >= firstNew;
    const there = !text?.deleted || (withDeleted && Y.isDeleted(transaction.deleteSet, text.id));
    if (there && !own) texts.add(struct.parent);
  });
  return texts;
}

/** The stretches of `text` that `transaction` deleted: characters live before it, with none left between them. */
function stretchesDeletedBy(text: Y.XmlText, transaction: Y.Transaction): Array<{ text: string; ids: Y.ID[] }> {
  const stretches: Array<{ text: string; ids: Y.ID[] }> = [];
  let current: { text: string; ids: Y.ID[] } | null = null;
  for (let item = text._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentString)) continue;
    const now = Y.isDeleted(transaction.deleteSet, item.id);
    if (!now) {
      // Deleted before: not there to the copier, so not between two of its deletions.
      if (!item.deleted) current = null;
      continue;
    }
    if (!current) stretches.push((current = { text: '', ids: [] }));
    current.text += item.content.str;
    appendAll(current.ids, charIds(item));
  }
  return stretches;
}

function restoredChars(transaction: Y.Transaction, own: OwnDeletions): number[] {
  const undoManager = transaction.origin;
  if (!(undoManager instanceof Y.UndoManager) || undoManager.currStackItem === null) return [];
  const client = transaction.doc.clientID;
  const firstNew = transaction.beforeState.get(client) ?? 0;
  const from: Y.ID[] = [];
  const to: Y.ID[] = [];
  Y.iterateDeletedStructs(transaction, undoManager.currStackItem.deletions, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || !(struct.parent instanceof Y.XmlText)) return;
    const copy = struct.redone;
    const parent = struct.parent._item;
    if (copy === null || copy.client !== client || copy.clock < firstNew || !parent || parent.deleted) return;
    for (let offset = 0; offset < struct.length; offset++) {
      const id = Y.createID(struct.id.client, struct.id.clock + offset);
      if (own.has(id)) continue;
      from.push(id);
      to.push(Y.createID(copy.client, copy.clock + offset));
    }
  });
  return charRuns(from, to);
}
