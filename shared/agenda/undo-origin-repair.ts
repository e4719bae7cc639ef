import { docHookExtension } from './doc-hook-extension';
import * as Y from 'yjs';

/**
 * Repairs what Yjs 13.6's undo manager can write wrongly (yjs/yjs#794, unfixed in 13.6.33):
 * when undo or redo restores a deleted sequence item into a restored parent, it can choose a
 * left origin that lies to the RIGHT of its right origin. Such an item is not a valid
 * insertion; each peer then places it by how its own structs happen to be split and merged,
 * and the Y.Docs diverge for good (found by the convergence fuzz: same state vectors and
 * delete sets, text in different orders).
 *
 * Before the transaction's update is encoded, every item the undo manager created whose
 * right origin cannot be reached from its left origin gets, as origins, the neighbours it
 * was actually placed between (skipping items created after it in the same transaction).
 * That is exactly what a plain local insert at that place would carry, so every peer puts
 * it where the undoing client did.
 *
 * Installs on `doc`; returns the uninstaller.
 */
export function repairUndoOrigins(doc: Y.Doc): () => void {
  const repair = (transaction: Y.Transaction): void => {
    if (!(transaction.origin instanceof Y.UndoManager)) return;
    const own = doc.clientID;
    const before = transaction.beforeState.get(own) ?? 0;
    const structs = doc.store.clients.get(own) ?? [];
    for (let index = structs.length - 1; index >= 0 && structs[index]!.id.clock >= before; index--) {
      const item = structs[index];
      if (item instanceof Y.Item && !hasValidInterval(doc, item)) reanchor(item, own);
    }
  };
  doc.on('beforeObserverCalls', repair);
  return () => doc.off('beforeObserverCalls', repair);
}

/** True unless the item has both origins and its right origin is not to the right of its left origin. */
function hasValidInterval(doc: Y.Doc, item: Y.Item): boolean {
  if (item.parentSub !== null || item.origin === null || item.rightOrigin === null) return true;
  const left = Y.getItem(doc.store, item.origin);
  const right = Y.getItem(doc.store, item.rightOrigin);
  for (let next = left.right; next !== null; next = next.right) if (next === right) return true;
  return false;
}

/** Sets the item's origins to its neighbours as they were when it was integrated. */
function reanchor(item: Y.Item, own: number): void {
  const bornLater = (other: Y.Item): boolean => other.id.client === own && other.id.clock > item.id.clock;
  let left = item.left;
  while (left !== null && bornLater(left)) left = left.left;
  let right = item.right;
  while (right !== null && bornLater(right)) right = right.right;
  item.origin = left === null ? null : left.lastId;
  item.rightOrigin = right === null ? null : right.id;
}

/**
 * The repair as an editor extension, installed for the editor's lifetime on the Y.Doc that
 * the Collaboration extension binds (the undo manager is the editor's).
 */
export const UndoOriginRepair = docHookExtension('undoOriginRepair', repairUndoOrigins);
