/**
 * Which seeds the convergence fuzz runs. `npm test` runs 100; a longer run is one variable
 * away, and a failure is replayed by its seed:
 *
 *   FUZZ_SEEDS=1000 npx vitest run -c test/vitest.config.ts --project fuzz
 *   FUZZ_SEED=123   npx vitest run -c test/vitest.config.ts --project fuzz
 *
 * FUZZ_FIRST_SEED moves the window (FUZZ_FIRST_SEED=5000 FUZZ_SEEDS=1000 runs 5000–5999).
 */
export function fuzzSeeds(env: NodeJS.ProcessEnv = process.env): number[] {
  if (env.FUZZ_SEED !== undefined && env.FUZZ_SEED !== '') return [wholeNumber('FUZZ_SEED', env.FUZZ_SEED)];
  const count = env.FUZZ_SEEDS ? wholeNumber('FUZZ_SEEDS', env.FUZZ_SEEDS) : DEFAULT_SEED_COUNT;
  const first = env.FUZZ_FIRST_SEED ? wholeNumber('FUZZ_FIRST_SEED', env.FUZZ_FIRST_SEED) : 1;
  return Array.from({ length: count }, (_, index) => first + index);
}

/** Seeds in `npm test`. */
export const DEFAULT_SEED_COUNT = 100;

function wholeNumber(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return parsed;
}
