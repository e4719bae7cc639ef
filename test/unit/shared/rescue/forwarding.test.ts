import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { charRuns, copiedFrom, entryKey, forwardedId, partUndone, readForwardingEntry, type ForwardingEntry } from '../../../../shared/rescue/forwarding';

/** A copy of 3,000 characters by three authors, in pieces of varying length, in shuffled order of runs. */
function bigCopy(): { entry: ForwardingEntry; from: Y.ID[]; to: Y.ID[] } {
  const from: Y.ID[] = [];
  const to: Y.ID[] = [];
  let clocks = [0, 0, 0];
  for (let i = 0; i < 3000; i++) {
    const author = Math.floor(i / 7) % 3;
    if (i % 11 === 0) clocks = clocks.map((clock) => clock + 5); // gaps: characters deleted before the copy
    from.push(Y.createID(10 + author, clocks[author]!++));
    to.push(Y.createID(99, 5000 + i));
  }
  const runs = charRuns(from, to);
  // Entries come from any client in any order: shuffle the runs.
  const tuples = Array.from({ length: runs.length / 5 }, (_, i) => runs.slice(i * 5, i * 5 + 5));
  tuples.reverse();
  return { entry: { to: [99, 4999], runs: tuples.flat(), known: [] }, from, to };
}

describe('forwarding entries', () => {
  it('map every copied character to its copy and back, and nothing else', () => {
    const { entry, from, to } = bigCopy();
    expect(entry.runs.length / 5).toBeGreaterThan(400);
    from.forEach((id, i) => {
      expect(forwardedId(entry, id)).toEqual(to[i]);
      expect(copiedFrom(entry, to[i]!)).toEqual(id);
    });
    expect(forwardedId(entry, Y.createID(10, 3))).toBeNull(); // deleted before the copy (a gap)
    expect(forwardedId(entry, Y.createID(77, 0))).toBeNull(); // an author the copy does not know
    expect(copiedFrom(entry, Y.createID(99, 4999))).toBeNull(); // before the copy
    expect(copiedFrom(entry, Y.createID(99, 8000))).toBeNull(); // after it
  });

  it('answers, without throwing, for a hostile entry whose runs overlap', () => {
    const entry = readForwardingEntry({ to: [1, 1], runs: [5, 0, 10, 6, 0, 5, 3, 10, 6, 100, 5, 2, 1, 6, 200], known: [] })!;
    expect(forwardedId(entry, Y.createID(5, 4))).not.toBeNull();
    expect(forwardedId(entry, Y.createID(5, 20))).toBeNull();
    expect(copiedFrom(entry, Y.createID(6, 101))).toEqual(Y.createID(5, 4));
  });

  it('reads the restore mark of an undo, and refuses an entry whose mark is anything but true', () => {
    expect(readForwardingEntry({ to: [1, 1], runs: [], known: [], restore: true })).toEqual({ to: [1, 1], runs: [], known: [], restore: true });
    expect(readForwardingEntry({ to: [1, 1], runs: [], known: [] })).toEqual({ to: [1, 1], runs: [], known: [] });
    expect(readForwardingEntry({ to: [1, 1], runs: [], known: [], restore: 'yes' })).toBeNull();
  });

  it('reads what an undo takes back of its client\'s own deletions, and refuses an entry where that is not runs of three whole numbers', () => {
    expect(readForwardingEntry({ to: [1, 1], runs: [], known: [], restore: true, takesBack: [7, 3, 1] })).toEqual({ to: [1, 1], runs: [], known: [], restore: true, takesBack: [7, 3, 1] });
    expect(readForwardingEntry({ to: [1, 1], runs: [], known: [], restore: true, takesBack: true })).toBeNull();
    expect(readForwardingEntry({ to: [1, 1], runs: [], known: [], restore: true, takesBack: [7, 3] })).toBeNull();
  });

  it('reads the characters a copier had deleted itself, and drops them (keeping the copy) unless they are runs of three whole numbers', () => {
    const plain = { to: [1, 1], runs: [], known: [] };
    expect(readForwardingEntry({ ...plain, erased: [5, 3, 2] })).toEqual({ ...plain, erased: [5, 3, 2] });
    for (const erased of [[], [5, 3], [5, -3, 2], 'all', new Array(3 * 5000).fill(1)]) expect(readForwardingEntry({ ...plain, erased })).toEqual(plain);
  });

  it('counts a move as taken back by a later restore of the same client, not by another client\'s or an earlier one', () => {
    const entry = (restore: boolean): ForwardingEntry => (restore ? { to: [1, 1], runs: [], known: [], restore: true } : { to: [1, 1], runs: [], known: [] });
    const move = { key: entryKey('7:0', 5, 10), entry: entry(false) };
    const othersMove = { key: entryKey('7:0', 6, 50), entry: entry(false) };
    const restore = { key: entryKey('7:0', 5, 20), entry: entry(true) };
    const laterMove = { key: entryKey('7:0', 5, 30), entry: entry(false) };
    expect(partUndone([move, othersMove, restore, laterMove])).toEqual({ current: [othersMove, restore, laterMove], undone: [move] });
    expect(partUndone([move, othersMove])).toEqual({ current: [move, othersMove], undone: [] });
  });
});
