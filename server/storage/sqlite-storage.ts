import * as Y from 'yjs';
import type { DocumentStorage } from './document-storage';
import type { SqliteDatabase } from './sqlite-database';

/** Options of the SQLite document store. */
export interface SqliteStorageOptions {
  /** Merge a document's update log into one row once it has this many rows (default 200). */
  compactAfterUpdates?: number;
  /** Called when compacting a document failed (the log stays as it was, so nothing is lost). */
  onCompactionError?: (name: string, error: Error) => void;
}

interface PendingAppend {
  name: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Documents in the server's SQLite file, each as a log of Yjs updates (table
 * `document_updates`). Appends made within one event-loop turn are committed together in one
 * transaction (group commit), and each append resolves only after that commit; a document
 * whose log has grown is compacted into one merged update.
 */
export class SqliteStorage implements DocumentStorage {
  private readonly compactAfter: number;
  private pending: PendingAppend[] = [];
  private commitScheduled = false;
  /** Rows per document, as far as this process knows (counted on load, grown on append). */
  private readonly rowCounts = new Map<string, number>();
  private readonly statements;
  private readonly commitBatch;
  private closed = false;
  /** Transactions committed and updates stored by them, for diagnostics and tests. */
  readonly stats = { commits: 0, appends: 0 };

  constructor(
    private readonly db: SqliteDatabase,
    private readonly options: SqliteStorageOptions = {},
  ) {
    this.compactAfter = options.compactAfterUpdates ?? 200;
    this.statements = {
      insert: db.prepare('INSERT INTO document_updates (document, data) VALUES (?, ?)'),
      select: db.prepare('SELECT seq, data FROM document_updates WHERE document = ? ORDER BY seq'),
      deleteUpTo: db.prepare('DELETE FROM document_updates WHERE document = ? AND seq <= ?'),
      deleteAll: db.prepare('DELETE FROM document_updates WHERE document = ?'),
      count: db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document = ?'),
    };
    this.commitBatch = db.transaction((batch: PendingAppend[]) => {
      for (const { name, update } of batch) this.statements.insert.run(name, update);
    });
  }

  async load(name: string): Promise<Uint8Array | null> {
    this.commitPending();
    const rows = this.statements.select.all(name) as Array<{ seq: number; data: Buffer }>;
    this.rowCounts.set(name, rows.length);
    if (rows.length === 0) return null;
    const updates = rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    if (rows.length >= this.compactAfter) this.compact(name);
    return merged;
  }

  append(name: string, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('Lageret er lukket'));
    return new Promise((resolve, reject) => {
      this.pending.push({ name, update, resolve, reject });
      if (!this.commitScheduled) {
        this.commitScheduled = true;
        setImmediate(() => this.commitPending());
      }
    });
  }

  async remove(name: string): Promise<void> {
    this.commitPending();
    this.statements.deleteAll.run(name);
    this.rowCounts.delete(name);
  }

  async close(): Promise<void> {
    this.commitPending();
    this.closed = true;
  }

  /** Merges a document's update log into one row, in one transaction. */
  compact(name: string): void {
    try {
      this.db.transaction(() => {
        const rows = this.statements.select.all(name) as Array<{ seq: number; data: Buffer }>;
        if (rows.length <= 1) return;
        const merged = Y.mergeUpdates(rows.map((row) => new Uint8Array(row.data)));
        this.statements.deleteUpTo.run(name, rows.at(-1)!.seq);
        this.statements.insert.run(name, merged);
      }).immediate();
      this.rowCounts.set(name, 1);
    } catch (error) {
      this.options.onCompactionError?.(name, error as Error);
    }
  }

  /** How many rows a document's update log has (for tests and diagnostics). */
  storedRows(name: string): number {
    return (this.statements.count.get(name) as { n: number }).n;
  }

  /** Commits every queued append in one transaction and settles their promises. */
  private commitPending(): void {
    this.commitScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.commitBatch.immediate(batch);
      this.stats.commits += 1;
      this.stats.appends += batch.length;
    } catch (error) {
      for (const append of batch) append.reject(error as Error);
      return;
    }
    const grown = new Set<string>();
    for (const append of batch) {
      this.rowCounts.set(append.name, (this.rowCounts.get(append.name) ?? 0) + 1);
      grown.add(append.name);
      append.resolve();
    }
    for (const name of grown) if ((this.rowCounts.get(name) ?? 0) >= this.compactAfter) this.compact(name);
  }
}
