import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WalkBudget, charCopy, charSource, copyWhere, sourceWhere, type CopyEdges } from '../../../../shared/rescue/copy-graph';
import type { ForwardingEntry, KeyedEntry } from '../../../../shared/rescue/forwarding';

/**
 * Text A (client 1) copied by a move into B (client 2), B copied into C by a merge (client 99),
 * and A also into D (client 3) with its first character only: three characters each,
 * mapped one to one.
 */
function edges(): CopyEdges {
  const entry = (to: [number, number], fromClient: number, fromClock: number, toClock: number, length: number): ForwardingEntry => ({ to, runs: [fromClient, fromClock, length, to[0], toClock], known: [] });
  const all: KeyedEntry[] = [
    { key: '1:0>2:0', entry: entry([2, 0], 1, 1, 1, 3) },
    { key: '2:0>99:0', entry: entry([99, 0], 2, 1, 1, 3) },
    { key: '1:0>3:0', entry: entry([3, 0], 1, 1, 1, 1) },
  ];
  const deletedOf = (key: string) => key.split('>')[0]!;
  return {
    entries: (deleted) => all.filter(({ key }) => deletedOf(key) === deleted),
    into: (copy) => all.filter(({ entry }) => `${entry.to[0]}:${entry.to[1]}` === copy),
  };
}

const plenty = () => new WalkBudget(1_000);

describe('walks of the forwarding entries', () => {
  it('finds a copy of a copy, and which entry made the first copy on the way', () => {
    const found = copyWhere(edges(), plenty(), '1:0', (key) => key === '99:0');
    expect(found?.key).toBe('99:0');
    expect(found?.first.to).toEqual([2, 0]);
    expect(copyWhere(edges(), plenty(), '1:0', (key) => key === '4:0')).toBeNull();
  });

  it('finds the source of a copy of a copy', () => {
    expect(sourceWhere(edges(), plenty(), '99:0', (key) => key === '1:0')).toBe('1:0');
    expect(sourceWhere(edges(), plenty(), '3:0', (key) => key === '2:0')).toBeNull();
  });

  it('follows a character forward and back through copies of copies; one not copied leads nowhere', () => {
    expect(charCopy(edges(), plenty(), '1:0', Y.createID(1, 2), '99:0')).toEqual(Y.createID(99, 2));
    expect(charSource(edges(), plenty(), '99:0', Y.createID(99, 3), '1:0')).toEqual(Y.createID(1, 3));
    expect(charCopy(edges(), plenty(), '1:0', Y.createID(1, 2), '3:0')).toBeNull();
  });

  it('stop when their budget is spent, however wide the fan of entries', () => {
    // A hostile client: 100 types "copied into" one, each with 100 more copied into it, all mapping every character.
    const fan: KeyedEntry[] = [];
    for (let i = 0; i < 100; i++) {
      fan.push({ key: `9000:${i}>7:${i}`, entry: { to: [5, 0], runs: [9000, 0, 1e9, 5, 0], known: [] } });
      for (let j = 0; j < 100; j++) fan.push({ key: `9001:${i * 100 + j}>7:${1000 + i * 100 + j}`, entry: { to: [9000, i], runs: [9001, 0, 1e9, 9000, 0], known: [] } });
    }
    let calls = 0;
    const hostile: CopyEdges = {
      entries: () => [],
      into: (copy) => {
        calls += 1;
        return fan.filter(({ entry }) => `${entry.to[0]}:${entry.to[1]}` === copy);
      },
    };
    const budget = new WalkBudget(500);
    for (let clock = 0; clock < 300; clock++) charSource(hostile, budget, '5:0', Y.createID(5, clock), '1:0');
    expect(budget.spent).toBe(true);
    expect(calls).toBeLessThanOrEqual(500);
  });
});
