import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { charCopy, charSource, copyWhere, sourceWhere, type CopyEdges } from '../../../../shared/rescue/copy-graph';
import type { KeyedEntry } from '../../../../shared/rescue/concurrent-copies';
import type { ForwardingEntry } from '../../../../shared/rescue/forwarding';

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

describe('walks of the forwarding entries', () => {
  it('finds a copy of a copy, and which entry made the first copy on the way', () => {
    const found = copyWhere(edges(), '1:0', (key) => key === '99:0');
    expect(found?.key).toBe('99:0');
    expect(found?.first.to).toEqual([2, 0]);
    expect(copyWhere(edges(), '1:0', (key) => key === '4:0')).toBeNull();
  });

  it('finds the source of a copy of a copy', () => {
    expect(sourceWhere(edges(), '99:0', (key) => key === '1:0')).toBe('1:0');
    expect(sourceWhere(edges(), '3:0', (key) => key === '2:0')).toBeNull();
  });

  it('follows a character forward and back through copies of copies; one not copied leads nowhere', () => {
    expect(charCopy(edges(), '1:0', Y.createID(1, 2), '99:0')).toEqual(Y.createID(99, 2));
    expect(charSource(edges(), '99:0', Y.createID(99, 3), '1:0')).toEqual(Y.createID(1, 3));
    expect(charCopy(edges(), '1:0', Y.createID(1, 2), '3:0')).toBeNull();
  });
});
