import * as Y from 'yjs';
import type { DocumentStorage } from './document-storage';

/** Keeps documents in memory, as their update logs. For tests and for running without a disk. */
export class MemoryStorage implements DocumentStorage {
  private readonly logs = new Map<string, Uint8Array[]>();

  async load(name: string): Promise<Uint8Array | null> {
    const log = this.logs.get(name);
    if (!log || log.length === 0) return null;
    const merged = Y.mergeUpdates(log);
    this.logs.set(name, [merged]);
    return merged;
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    const log = this.logs.get(name) ?? [];
    log.push(update.slice());
    this.logs.set(name, log);
  }

  async remove(name: string): Promise<void> {
    this.logs.delete(name);
  }

  async close(): Promise<void> {}

  /** The names of the documents stored. */
  names(): string[] {
    return [...this.logs.keys()];
  }
}
