import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { repairUndoOrigins } from '../../../../shared/agenda/undo-origin-repair';

/**
 * yjs/yjs#794: Yjs 13.6's undo manager can restore an item whose left origin lies to the
 * right of its right origin. This builds such an item by hand, in a transaction of an undo
 * manager, exactly as redoItem does (left and right taken as structs), and shows that peers
 * place it differently unless the repair re-anchors it before the update goes out.
 */
function scenario(repaired: boolean): string[] {
  const a = new Y.Doc();
  a.clientID = 1;
  const b = new Y.Doc();
  b.clientID = 2;
  const c = new Y.Doc();
  c.clientID = 3;
  if (repaired) repairUndoOrigins(a);
  const textA = a.getText('t');
  textA.insert(0, 'xab');
  const base = Y.encodeStateAsUpdate(a);
  Y.applyUpdate(b, base);
  Y.applyUpdate(c, base);
  // C inserts Q between x and a; A hears of it (its "xab" is now split), B not yet.
  const fromC: Uint8Array[] = [];
  c.on('update', (update: Uint8Array) => fromC.push(update));
  c.getText('t').insert(1, 'Q');
  for (const update of fromC) Y.applyUpdate(a, update);

  const fromA: Uint8Array[] = [];
  a.on('update', (update: Uint8Array) => fromA.push(update));
  const undoManager = new Y.UndoManager(textA);
  a.transact((transaction) => {
    // The struct holding "ab" is both left (origin: "b") and right (right origin: "a").
    const ab = textA._start!.right!.right!;
    const restored = new Y.Item(Y.createID(1, Y.getState(a.store, 1)), ab, ab.lastId, ab, ab.id, textA, null, new Y.ContentString('X'));
    restored.integrate(transaction, 0);
  }, undoManager);

  for (const update of fromA) Y.applyUpdate(b, update);
  for (const update of fromC) Y.applyUpdate(b, update);
  for (const update of fromA) Y.applyUpdate(c, update);
  return [a, b, c].map((doc) => doc.getText('t').toString());
}

describe('repairUndoOrigins', () => {
  it('without it, an item restored with its origins the wrong way round ends up in different places', () => {
    const [a, b, c] = scenario(false);
    expect(a).toBe('xQabX');
    expect(new Set([a, b, c]).size).toBeGreaterThan(1);
  });

  it('re-anchors such an item between its actual neighbours, so every peer puts it where the undoing client did', () => {
    expect(scenario(true)).toEqual(['xQabX', 'xQabX', 'xQabX']);
  });

  it('leaves items of ordinary transactions alone', () => {
    const doc = new Y.Doc();
    repairUndoOrigins(doc);
    const text = doc.getText('t');
    text.insert(0, 'abc');
    text.insert(1, 'Z');
    const inserted = text._start!.right!;
    expect(inserted.content.getContent()).toEqual(['Z']);
    expect(inserted.origin).toEqual(Y.createID(doc.clientID, 0));
    expect(inserted.rightOrigin).toEqual(Y.createID(doc.clientID, 1));
  });
});
