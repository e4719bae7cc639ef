import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CharCopyIndex } from '../../../../shared/rescue/char-copy-index';

const id = (client: number, clock: number) => Y.createID(client, clock);

describe('CharCopyIndex', () => {
  it('finds the copies of a character inside runs', () => {
    const index = new CharCopyIndex();
    // Client 1's characters 10–14 copied to client 2's 100–104 (a split), and 20–21 to 7–8.
    index.add([1, 10, 5, 2, 100, 1, 20, 2, 2, 7]);
    expect(index.copiesOf(id(1, 14))).toEqual([id(2, 104)]);
    expect(index.copiesOf(id(1, 21))).toEqual([id(2, 8)]);
    expect(index.copiesOf(id(1, 15))).toEqual([]);
    expect(index.copiesOf(id(2, 102))).toEqual([]);
  });

  it('finds every copy of a character copied twice, in runs that overlap', () => {
    const index = new CharCopyIndex();
    // A split copies 0–9; an undo later restores 3–4 anew; a short run added before a long one.
    index.add([1, 3, 2, 1, 50]);
    index.add([1, 0, 10, 3, 0]);
    expect(index.copiesOf(id(1, 4))).toEqual(expect.arrayContaining([id(1, 51), id(3, 4)]));
    expect(index.copiesOf(id(1, 4))).toHaveLength(2);
    expect(index.copiesOf(id(1, 9))).toEqual([id(3, 9)]);
    expect(index.copiesOf(id(1, 50))).toEqual([]);
  });
});
