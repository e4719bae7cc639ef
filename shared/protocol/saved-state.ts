import * as Y from 'yjs';

/**
 * True when the document described by `serverSnapshot` (from a SavedState message) holds
 * everything in `local`: every item (state vector) and every deletion (delete set).
 * A state vector alone is not enough: deleting text creates no new item.
 */
export function serverHasAll(local: Y.Doc, serverSnapshot: Uint8Array): boolean {
  const server = Y.decodeSnapshot(serverSnapshot);
  const mine = Y.snapshot(local);
  for (const [client, clock] of mine.sv) {
    if ((server.sv.get(client) ?? 0) < clock) return false;
  }
  for (const [client, deletions] of mine.ds.clients) {
    const covering = server.ds.clients.get(client) ?? [];
    for (const deletion of deletions) {
      if (!covered(covering, deletion.clock, deletion.clock + deletion.len)) return false;
    }
  }
  return true;
}

/** True when [from, to) lies within the union of the sorted, merged ranges. */
function covered(ranges: ReadonlyArray<{ clock: number; len: number }>, from: number, to: number): boolean {
  let position = from;
  for (const range of ranges) {
    if (range.clock > position) break;
    position = Math.max(position, range.clock + range.len);
    if (position >= to) return true;
  }
  return position >= to;
}
