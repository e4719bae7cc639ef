import * as Y from 'yjs';
import { deleteSetOf } from './struct-walk';

/** How many deleted runs a client remembers (the oldest are forgotten first). */
const MAX_RANGES = 20_000;

/**
 * The characters and blocks this client deleted on purpose: in its own edits that only
 * deleted, from a parent that stayed (not what went with a deleted block, not what an edit
 * rewrote). A copy of a text notes the characters it had deleted in it (`erased` in
 * forwarding.ts); an undo that brings some back says so (`takesBack`). Appending is cheap;
 * the searchable set is built when asked.
 */
export class OwnDeletions {
  private ranges: Array<[number, number, number]> = [];
  private searchable: Y.Transaction['deleteSet'] | null = null;

  /** Notes what `transaction` deleted, if it only deleted (it made no new items of `client`). */
  note(transaction: Y.Transaction, client: number): void {
    if (transaction.deleteSet.clients.size === 0 || (transaction.afterState.get(client) ?? 0) !== (transaction.beforeState.get(client) ?? 0)) return;
    const before = this.ranges.length;
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || (struct.parent as Y.AbstractType<unknown>)._item?.deleted) return;
      const text = struct.content instanceof Y.ContentString && struct.parent instanceof Y.XmlText;
      const block = struct.content instanceof Y.ContentType && (struct.content.type instanceof Y.XmlElement || struct.content.type instanceof Y.XmlText);
      if (text || block) this.ranges.push([struct.id.client, struct.id.clock, struct.length]);
    });
    if (this.ranges.length === before) return;
    if (this.ranges.length > MAX_RANGES) this.ranges.splice(0, this.ranges.length - MAX_RANGES);
    this.searchable = null;
  }

  /** Whether the character `id` is one of them. */
  has(id: Y.ID): boolean {
    if (this.ranges.length === 0) return false;
    this.searchable ??= deleteSetOf(this.ranges);
    return Y.isDeleted(this.searchable, id);
  }
}
