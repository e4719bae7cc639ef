// @vitest-environment jsdom
// (no view is rendered; TipTap reads `navigator` and `window` while building its plugins)
/**
 * Fuzz seeds in which the rescue once lost text that was typed and never deleted: replayed
 * whole (the chains of moves, deletions and undos that lead there are long), each must keep
 * every such token. Each seed names the fault it found.
 */
import { describe, expect, it } from 'vitest';
import { runConvergenceFuzz } from './convergence-run';

/** Lost kinds of token fate (token-fate.ts): the text is gone, not doubled or back. */
const LOST = new Set(['copied-container', 'emptied-block']);

describe('fuzz seeds that once lost text', () => {
  it.each([
    // Text typed into an item while a colleague moved it waited for a live copy (the copy had been
    // deleted, and was brought back by an undo later). Meanwhile the rescue put later typing by
    // the same author into that copy; its entry's `known` reached past the waiting text, which
    // then counted as seen by a copier and was dropped.
    [33, 'text that waited for a live copy, once the rescue had put later typing of its author'],
    [137, 'the same, in an item moved by two people at once'],
  ])('seed %i: %s', (seed) => {
    const result = runConvergenceFuzz(seed);
    expect(result.problems).toEqual([]);
    expect(result.limitations.filter(({ kind }) => LOST.has(kind)).map(({ detail }) => detail)).toEqual([]);
  });
});
