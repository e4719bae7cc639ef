/**
 * Where the sync server keeps documents. The sync core calls only these methods, so the
 * in-memory store, SQLite or another database (PostgreSQL, see server/README.md) are
 * interchangeable.
 */
export interface DocumentStorage {
  /** The stored state of a document as one Yjs update, or null when nothing is stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** Persists one update; resolves once it is durable, rejects when it could not be stored. */
  append(name: string, update: Uint8Array): Promise<void>;
  /** Removes a document's stored state for good (after its 30 days as a deleted agenda). */
  remove(name: string): Promise<void>;
  /** Flushes and releases the store. */
  close(): Promise<void>;
}
