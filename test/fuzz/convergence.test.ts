// @vitest-environment jsdom
// (no view is rendered; TipTap reads `navigator` and `window` while building its plugins)
/**
 * Convergence fuzz (issue 5): 5 clients, each a Y.Doc bound to the agenda schema through
 * @tiptap/y-tiptap as the editor binds it, take 300 random steps each (typing uniquely
 * numbered tokens and filler, deleting within and across blocks, splitting, inserting,
 * moving and deleting items within and across sections, bold/italic, undo/redo) while
 * their updates travel late and in bursts, interleaved at random, and they drop offline and
 * come back. They connect to a sixth peer, the sync server's document with its rescuer
 * (shared/rescue), always online, which relays everything (FUZZ_TOPOLOGY=mesh: every peer
 * to every other, out of order; see test-network.ts). At the end, with everything delivered:
 * all editors and Y.Docs are identical, fit the schema, and every token typed and not
 * deleted is there exactly once; and a token deleted on purpose has not come back in a copy
 * made without knowledge of the deletion (token-resurrection.ts).
 *
 * Where a token goes missing or doubles, the Yjs history tells why (token-fate.ts). Known
 * faults of Yjs/y-tiptap that the rescue does not fully repair (moves, splits and joins are
 * delete + copy) are counted and printed, with how many tokens they hit, and fail only with
 * FUZZ_STRICT=1.
 * Everything else fails, with the seed to replay. Seeds: see fuzz-seeds.ts.
 */
import { describe, expect, it } from 'vitest';
import { FUZZ_OPTIONS, runConvergenceFuzz, type KnownLimitation } from './convergence-run';
import { fuzzSeeds } from './fuzz-seeds';

const seeds = fuzzSeeds();
/** FUZZ_STRICT=1 fails on the known dependency faults too (see convergence-run.ts). */
const strict = process.env.FUZZ_STRICT === '1';

describe(`convergence fuzz: ${FUZZ_OPTIONS.clients} clients × ${FUZZ_OPTIONS.stepsPerClient} steps, ${seeds.length} seeds, ${FUZZ_OPTIONS.topology}`, () => {
  it('every client ends identical and valid, and every token typed and not deleted is there exactly once', () => {
    const failures: string[] = [];
    const known = new Map<KnownLimitation, { seeds: number[]; count: number; example: string }>();
    let tokens = 0;
    for (const seed of seeds) {
      const result = runConvergenceFuzz(seed);
      tokens += result.tokens;
      for (const { kind, detail } of result.limitations) {
        const entry = known.get(kind) ?? { seeds: [], count: 0, example: `seed ${seed}: ${detail}` };
        if (!entry.seeds.includes(seed)) entry.seeds.push(seed);
        entry.count += 1;
        known.set(kind, entry);
      }
      const problems = strict ? [...result.problems, ...result.limitations.map((l) => `${l.kind}: ${l.detail}`)] : result.problems;
      if (problems.length > 0) {
        failures.push(
          [
            `seed ${seed} failed (replay: FUZZ_SEED=${seed} npx vitest run -c test/vitest.config.ts --project fuzz):`,
            ...problems.slice(0, 8).map((problem) => `  ${problem}`),
            '  last steps:',
            ...result.log.slice(-12).map((line) => `    ${line}`),
          ].join('\n'),
        );
      }
    }
    if (known.size > 0) {
      console.info(
        [
          `Known dependency faults seen (not failed on; FUZZ_STRICT=1 fails on them), of ${tokens} tokens typed:`,
          ...[...known].map(([kind, { seeds: hit, count, example }]) => `  ${kind}: ${count} times in ${hit.length} of ${seeds.length} seeds (e.g. ${example.slice(0, 300)})`),
        ].join('\n'),
      );
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
