import * as Y from 'yjs';

/**
 * Decodes a Yjs update fully and checks what Yjs itself assumes of it, before anything is
 * stored. Throws an Error saying what is wrong.
 *
 * Yjs integrates an item only once the items it refers to from other clients are present,
 * but takes an item's references to its own client (its left and right neighbour at
 * insertion, its parent type) as already integrated, since a client can only refer to what
 * it created before. An update that breaks this (a corrupted or forged one) makes
 * `Y.applyUpdate` throw halfway through, and once stored would break every later load of
 * the document; so it is refused here. Likewise a deletion of no items, which Yjs cannot
 * encode again.
 */
export function checkUpdate(update: Uint8Array): void {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      // Yjs cannot encode an empty range again (it keeps deletions it cannot apply yet, and re-encodes them).
      if (!(len > 0)) throw new Error(`deletion of ${len} items at ${client}:${clock}`);
    }
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { id } = struct;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID && ref.client === id.client && ref.clock >= id.clock) {
        throw new Error(`item ${id.client}:${id.clock} refers to ${ref.client}:${ref.clock}, which its client had not created yet`);
      }
    }
  }
}
