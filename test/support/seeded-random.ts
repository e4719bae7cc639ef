import * as prng from 'lib0/prng';

/** A seeded random number generator in [0, 1), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  const generator = prng.create(seed);
  return () => prng.real53(generator);
}
