import * as Y from 'yjs';

/** One side of a run: `length` characters of one client from `clock`, and where the other side starts. */
interface Side {
  clock: number;
  length: number;
  otherClient: number;
  otherClock: number;
}

/** Runs of one client, sorted by clock when looked up; they may overlap (one character copied twice). */
interface SideList {
  sides: Side[];
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
  private readonly byFrom = new Map<number, SideList>();
  private size = 0;

  /** Adds flat [fromClient, fromClock, length, toClient, toClock] runs. */
  add(runs: number[]): void {
    for (let at = 0; at + 4 < runs.length && this.size < MAX_RUNS; at += 5, this.size++) {
      const [fromClient, fromClock, length, toClient, toClock] = [runs[at]!, runs[at + 1]!, runs[at + 2]!, runs[at + 3]!, runs[at + 4]!];
      insert(this.byFrom, fromClient, { clock: fromClock, length, otherClient: toClient, otherClock: toClock });
    }
  }

  /** The copies of character `id`. */
  copiesOf(id: Y.ID): Y.ID[] {
    return lookup(this.byFrom, id);
  }
}

function insert(index: Map<number, SideList>, client: number, side: Side): void {
  let list = index.get(client);
  if (!list) index.set(client, (list = { sides: [], longest: 0, sorted: true }));
  // Sorted lazily: runs mostly arrive in clock order, and lookups are rare (erasures only).
  const last = list.sides[list.sides.length - 1];
  if (last && last.clock > side.clock) list.sorted = false;
  list.sides.push(side);
  list.longest = Math.max(list.longest, side.length);
}

/** The other side of every run of `index` holding `id`. */
function lookup(index: Map<number, SideList>, id: Y.ID): Y.ID[] {
  const list = index.get(id.client);
  if (!list) return [];
  if (!list.sorted) {
    list.sides.sort((a, b) => a.clock - b.clock);
    list.sorted = true;
  }
  const found: Y.ID[] = [];
  const first = lastStartingAtOrBefore(list.sides, id.clock);
  for (let at = first; at >= 0 && first - at < MAX_SCAN; at--) {
    const side = list.sides[at]!;
    // Runs starting further back than the longest run cannot reach `id`.
    if (side.clock + list.longest <= id.clock) break;
    if (id.clock < side.clock + side.length) found.push(Y.createID(side.otherClient, side.otherClock + (id.clock - side.clock)));
  }
  return found;
}

/** The index of the last side starting at or before `clock`, or -1. */
function lastStartingAtOrBefore(sides: Side[], clock: number): number {
  let low = 0;
  let high = sides.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sides[middle]!.clock <= clock) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return last;
}
