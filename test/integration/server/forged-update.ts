import * as Y from 'yjs';

/**
 * A Yjs update that decodes cleanly but makes `Y.applyUpdate` throw halfway: found by a
 * seeded search over single-byte changes of a real update (one such change makes an item
 * refer to a later item of its own client).
 */
export function forgedUpdate(base: Y.Doc): Uint8Array {
  const edit = new Y.Doc();
  Y.applyUpdate(edit, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(edit);
  edit.getText('forged').insert(0, 'abc');
  edit.getText('forged').insert(1, 'xyz');
  edit.getText('forged').insert(5, 'q');
  const real = Y.encodeStateAsUpdate(edit, before);
  for (let position = 0; position < real.length; position++) {
    for (let value = 0; value < 256; value++) {
      const candidate = real.slice();
      candidate[position] = value;
      try {
        Y.decodeUpdate(candidate);
      } catch {
        continue;
      }
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
      try {
        Y.applyUpdate(scratch, candidate);
      } catch {
        return candidate;
      }
    }
  }
  throw new Error('no forged update found');
}
