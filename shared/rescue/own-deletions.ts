import * as Y from 'yjs';
import { idRuns, RunSet } from './struct-walk';

/** How many deleted runs a client remembers (the oldest are forgotten first). */
const MAX_RANGES = 20_000;

/**
 * The characters and blocks this client deleted on purpose: in its own edits that only
 * deleted, from a parent that stayed (not what went with a deleted block); and in edits that
 * also copied (a join, Backspace across blocks), the characters they deleted without copying
 * or writing them again. A copy of a text notes the characters it had deleted in it (`erased` in
 * forwarding.ts); an undo that brings some back says so (`takesBack`); a copy someone made
 * without seeing the deletion is deleted too (deletion-follower.ts). Appending is cheap; the
 * searchable set is built when asked.
 */
export class OwnDeletions {
  private readonly runs = new RunSet(MAX_RANGES);

  /**
   * Notes what `transaction` deleted on purpose. One that made new items of `client` copied
   * (or wrote again) what `copied` names; of the rest, its characters count.
   */
  note(transaction: Y.Transaction, client: number, copied: (id: Y.ID) => boolean): void {
    if (transaction.deleteSet.clients.size === 0) return;
    const firstNew = transaction.beforeState.get(client) ?? 0;
    const pure = (transaction.afterState.get(client) ?? 0) === firstNew;
    const deliberate: Y.ID[] = [];
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item)) return;
      const container = (struct.parent as Y.AbstractType<unknown>)._item;
      const text = struct.content instanceof Y.ContentString && struct.parent instanceof Y.XmlText;
      if (pure) {
        const block = struct.content instanceof Y.ContentType && (struct.content.type instanceof Y.XmlElement || struct.content.type instanceof Y.XmlText);
        if (!container?.deleted && (text || block)) this.runs.add([struct.id.client, struct.id.clock, struct.length]);
        return;
      }
      if (!text || !inStayingBlock(struct, transaction) || (struct.id.client === client && struct.id.clock >= firstNew)) return;
      for (let i = 0; i < struct.length; i++) {
        const id = Y.createID(struct.id.client, struct.id.clock + i);
        if (!copied(id)) deliberate.push(id);
      }
    });
    this.runs.add(idRuns(deliberate));
  }

  /** Whether the character `id` is one of them. */
  has(id: Y.ID): boolean {
    return this.runs.has(id);
  }
}

/**
 * Whether the character `char` lay in a text that stays, or in a block the edit deleted from a
 * container that stays (what a join deleted at the ends it joined). Not what went with a
 * container deleted whole (an item deleted across, which a colleague's move keeps).
 */
function inStayingBlock(char: Y.Item, transaction: Y.Transaction): boolean {
  let depth = 0;
  for (let item = (char.parent as Y.AbstractType<unknown>)._item; item; item = (item.parent as Y.AbstractType<unknown>)._item, depth++) {
    if (!item.deleted) return true;
    if (depth >= 2 || !Y.isDeleted(transaction.deleteSet, item.id)) return false;
  }
  return true;
}
