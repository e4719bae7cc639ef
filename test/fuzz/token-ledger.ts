import { tokenName, tokenText } from './fuzz-tokens';

/** What the fuzz knows about one typed token. */
export interface TokenRecord {
  client: number;
  serial: number;
  /** The client's step that typed it. */
  step: number;
  /** Set when a local step removed any of it (a delete, or an undo/redo that removed it). */
  deletedBy?: string;
  /** The op-log labels (YOpLog) of every local step that removed any of it. */
  removedIn: Set<string>;
}

/**
 * Every token the clients typed, and which of them some client deleted. At the end each
 * token must occur at most once, and exactly once unless it was deleted.
 */
export class TokenLedger {
  readonly tokens = new Map<string, TokenRecord>();
  private readonly serials = new Map<number, number>();

  /** A new token for `client`, recorded as typed at `step`; returns its text. */
  type(client: number, step: number): string {
    const serial = (this.serials.get(client) ?? 0) + 1;
    this.serials.set(client, serial);
    this.tokens.set(tokenName(client, serial), { client, serial, step, removedIn: new Set() });
    return tokenText(client, serial);
  }

  /** Records that `name` was (partly) removed by a local step, described as `by`, logged in the op log as `opLabel`. */
  delete(name: string, by: string, opLabel: string): void {
    const record = this.tokens.get(name);
    if (!record) return;
    record.deletedBy ??= by;
    record.removedIn.add(opLabel);
  }

  /** Tokens whose final count breaks the rule: missing though never deleted, or present more than once. */
  anomalies(counts: ReadonlyMap<string, number>): TokenAnomaly[] {
    const anomalies: TokenAnomaly[] = [];
    for (const [name, record] of this.tokens) {
      const count = counts.get(name) ?? 0;
      if (count > 1 || (count === 0 && !record.deletedBy)) anomalies.push({ name, record, count });
    }
    return anomalies;
  }

  /** Names of tokens in `counts` that nobody typed (a token must not appear from nowhere). */
  strangers(counts: ReadonlyMap<string, number>): string[] {
    return [...counts.keys()].filter((name) => !this.tokens.has(name));
  }
}

/** A token whose final count breaks the rule. */
export interface TokenAnomaly {
  name: string;
  record: TokenRecord;
  count: number;
}

/** The anomaly in words, for a failure message. */
export function describeAnomaly({ name, record, count }: TokenAnomaly): string {
  const origin = `typed by client ${record.client} at its step ${record.step}${record.deletedBy ? `, deleted by ${record.deletedBy}` : ''}`;
  return count === 0 ? `${name} is missing (${origin})` : `${name} occurs ${count} times (${origin})`;
}
