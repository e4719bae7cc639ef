import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The name of the server's database file inside its data folder. */
export const DATABASE_FILE = 'dagsorden.sqlite';

/** An open SQLite database (better-sqlite3). */
export type SqliteDatabase = Database.Database;

/**
 * When a commit reaches the disk. `full` (the default): every commit is fsynced before it
 * returns, so a relayed edit survives a power cut. `normal`: commits are in the WAL file
 * before they return (they survive the server process being killed) and fsynced at
 * checkpoints, so an operating-system crash or power cut can lose the last moments; about
 * 0.3 ms faster per edit on a typical disk.
 */
export type SqliteSynchronous = 'full' | 'normal';

/**
 * Opens (creating when needed) the server's one SQLite file under `dataDir`, in WAL mode,
 * and brings its tables up to date. The sync server and the user commands (`add-user` …)
 * open the same file; WAL lets them do so at the same time.
 */
export function openDatabase(dataDir: string, options: { synchronous?: SqliteSynchronous } = {}): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw new Error(`Kan ikke åbne databasen ${file}: ${(error as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

const MIGRATIONS: string[] = [
  `CREATE TABLE document_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     document TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX document_updates_by_document ON document_updates (document, seq);
   CREATE TABLE users (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     initials TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     read_only INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE UNIQUE INDEX users_active_initials ON users (initials) WHERE revoked_at IS NULL;
   CREATE TABLE agendas (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL DEFAULT '',
     committee TEXT NOT NULL DEFAULT '',
     meeting_date TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted_at TEXT
   );`,
];

function migrate(db: SqliteDatabase): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`Databasen er fra en nyere version af Dagsorden (skemaversion ${version}); opdater serveren`);
  }
  const apply = db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  if (version < MIGRATIONS.length) apply.immediate();
}
