import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type SqliteDatabase } from '../../../../server/storage/sqlite-database';
import { SqliteStorage } from '../../../../server/storage/sqlite-storage';

/** Updates that each append one character to a shared text. */
function edits(count: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String(i % 10));
  return { updates, text: doc.getText('t').toString() };
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

describe('SqliteStorage', () => {
  let dir: string;
  let db: SqliteDatabase;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dagsorden-sqlite-'));
    db = openDatabase(dir);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses WAL and keeps documents across reopening the file', async () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const storage = new SqliteStorage(db);
    const { updates, text } = edits(5);
    for (const update of updates) await storage.append('doc-a', update);
    await storage.append('doc-b', edits(1).updates[0]!);
    await storage.close();
    db.close();
    db = openDatabase(dir);
    const reopened = new SqliteStorage(db);
    expect(textOf(await reopened.load('doc-a'))).toBe(text);
    expect(textOf(await reopened.load('doc-b'))).toBe('0');
    expect(await reopened.load('doc-c')).toBeNull();
  });

  it('commits the appends of one event-loop turn in one transaction, resolving each after it', async () => {
    const storage = new SqliteStorage(db);
    const { updates } = edits(21);
    const resolved: number[] = [];
    const pending = updates.slice(0, 20).map((update, i) => storage.append(i % 2 ? 'doc' : 'other', update).then(() => resolved.push(i)));
    // Nothing is committed (and nothing resolved) until the turn ends.
    expect(storage.storedRows('doc') + storage.storedRows('other')).toBe(0);
    await Promise.all(pending);
    expect(resolved).toHaveLength(20);
    expect(storage.stats).toEqual({ commits: 1, appends: 20 });
    expect(storage.storedRows('doc') + storage.storedRows('other')).toBe(20);
    await storage.append('doc', updates[20]!);
    expect(storage.stats).toEqual({ commits: 2, appends: 21 });
  });

  it('compacts a document whose log has grown into one row, keeping its content', async () => {
    const storage = new SqliteStorage(db, { compactAfterUpdates: 10 });
    const { updates, text } = edits(25);
    for (const update of updates) await storage.append('doc', update);
    expect(storage.storedRows('doc')).toBeLessThan(10);
    expect(textOf(await storage.load('doc'))).toBe(text);
  });

  it('rejects every append of a failed commit and stores none of them', async () => {
    const storage = new SqliteStorage(db);
    await storage.append('doc', edits(1).updates[0]!);
    // A real SQLite error: the file may not grow (as on a full disk).
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const big = new Uint8Array(64 * 1024).fill(7);
    const results = await Promise.allSettled([storage.append('doc', big), storage.append('other', big)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/full/i);
    db.pragma('max_page_count = 1073741823');
    expect(storage.storedRows('doc')).toBe(1);
    expect(storage.storedRows('other')).toBe(0);
    await storage.append('doc', edits(2).updates[1]!);
    expect(storage.storedRows('doc')).toBe(2);
  });

  it('removes a document for good', async () => {
    const storage = new SqliteStorage(db);
    await storage.append('doc', edits(1).updates[0]!);
    await storage.remove('doc');
    expect(await storage.load('doc')).toBeNull();
  });
});
