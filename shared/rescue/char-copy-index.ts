import * as Y from 'yjs';

/** `length` characters of one client from `clock`, and their copies (one to one) from `copyClient:copyClock` on. */
interface Run {
  clock: number;
  length: number;
  copyClient: number;
  copyClock: number;
}

/** The runs copied from one client's characters, sorted by clock when looked up; they may overlap (a character copied twice). */
interface RunList {
  runs: Run[];
  longest: number;
  sorted: boolean;
}

/** The most runs the index holds (bounds the memory a hostile client can cause; the oldest stay). */
const MAX_RUNS = 1_000_000;
/** The most runs one lookup looks at (a hostile run of huge length would make every lookup scan all). */
const MAX_SCAN = 4_096;

/**
 * The character copies of a document's `copied-chars` entries (char-copies.ts: splits and
 * undos that wrote characters anew into texts that stay): the copies of a character.
 */
export class CharCopyIndex {
  /** By the client of the characters copied. */
  private readonly byClient = new Map<number, RunList>();
  private size = 0;

  /** Adds flat [fromClient, fromClock, length, toClient, toClock] runs. */
  add(runs: number[]): void {
    for (let at = 0; at + 4 < runs.length && this.size < MAX_RUNS; at += 5, this.size++) {
      const [fromClient, fromClock, length, toClient, toClock] = [runs[at]!, runs[at + 1]!, runs[at + 2]!, runs[at + 3]!, runs[at + 4]!];
      insert(this.byClient, fromClient, { clock: fromClock, length, copyClient: toClient, copyClock: toClock });
    }
  }

  /** The copies of character `id`. */
  copiesOf(id: Y.ID): Y.ID[] {
    return lookup(this.byClient, id);
  }
}

function insert(index: Map<number, RunList>, client: number, run: Run): void {
  let list = index.get(client);
  if (!list) index.set(client, (list = { runs: [], longest: 0, sorted: true }));
  // Sorted lazily: runs mostly arrive in clock order, and lookups are rare (erasures only).
  const last = list.runs[list.runs.length - 1];
  if (last && last.clock > run.clock) list.sorted = false;
  list.runs.push(run);
  list.longest = Math.max(list.longest, run.length);
}

/** The copy of `id` in every run of `index` holding it. */
function lookup(index: Map<number, RunList>, id: Y.ID): Y.ID[] {
  const list = index.get(id.client);
  if (!list) return [];
  if (!list.sorted) {
    list.runs.sort((a, b) => a.clock - b.clock);
    list.sorted = true;
  }
  const found: Y.ID[] = [];
  const first = lastStartingAtOrBefore(list.runs, id.clock);
  for (let at = first; at >= 0 && first - at < MAX_SCAN; at--) {
    const run = list.runs[at]!;
    // Runs starting further back than the longest run cannot reach `id`.
    if (run.clock + list.longest <= id.clock) break;
    if (id.clock < run.clock + run.length) found.push(Y.createID(run.copyClient, run.copyClock + (id.clock - run.clock)));
  }
  return found;
}

/** The index of the last run starting at or before `clock`, or -1. */
function lastStartingAtOrBefore(runs: Run[], clock: number): number {
  let low = 0;
  let high = runs.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (runs[middle]!.clock <= clock) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return last;
}
