import type { SqliteDatabase } from '../storage/sqlite-database';
import { hashAccessToken, newAccessToken } from './access-token';

/** A user of the sync server. */
export interface User {
  id: number;
  name: string;
  /** Two to four letters, unique among users who are not revoked. */
  initials: string;
  /** Receives every change but may not change anything. */
  readOnly: boolean;
  createdAt: string;
  /** When the user's token was revoked, or null while it is valid. */
  revokedAt: string | null;
}

/** What `add-user` asks for. */
export interface NewUser {
  name: string;
  initials: string;
  readOnly?: boolean;
}

interface UserRow {
  id: number;
  name: string;
  initials: string;
  read_only: number;
  created_at: string;
  revoked_at: string | null;
}

/**
 * The users table: who may connect, with what token. Only a hash of each token is stored;
 * the token itself is shown once, when the user is added.
 */
export class UserStore {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare('INSERT INTO users (name, initials, token_hash, read_only, created_at) VALUES (?, ?, ?, ?, ?)'),
      byHash: db.prepare('SELECT * FROM users WHERE token_hash = ? AND revoked_at IS NULL'),
      all: db.prepare('SELECT * FROM users ORDER BY id'),
      activeByInitials: db.prepare('SELECT id FROM users WHERE initials = ? AND revoked_at IS NULL'),
      revoke: db.prepare('UPDATE users SET revoked_at = ? WHERE initials = ? AND revoked_at IS NULL'),
      activeIds: db.prepare('SELECT id FROM users WHERE revoked_at IS NULL'),
    };
  }

  /** Adds a user and returns it with its new token (the only time the token is available). */
  add(request: NewUser): { user: User; token: string } {
    const name = request.name.trim();
    const initials = request.initials.trim().toLowerCase();
    if (!name) throw new Error('--name mangler: brugerens navn skal angives');
    if (!/^[a-zæøå]{2,4}$/.test(initials)) throw new Error(`--initials: "${request.initials}" skal være 2–4 bogstaver`);
    if (this.statements.activeByInitials.get(initials)) throw new Error(`Der findes allerede en aktiv bruger med initialerne "${initials}"`);
    const token = newAccessToken();
    const createdAt = new Date().toISOString();
    const result = this.statements.insert.run(name, initials, hashAccessToken(token), request.readOnly ? 1 : 0, createdAt);
    const user: User = { id: Number(result.lastInsertRowid), name, initials, readOnly: !!request.readOnly, createdAt, revokedAt: null };
    return { user, token };
  }

  /** Every user, revoked ones included, oldest first. */
  list(): User[] {
    return (this.statements.all.all() as UserRow[]).map(toUser);
  }

  /** Revokes the active user with these initials; false when there is none. */
  revoke(initials: string): boolean {
    return this.statements.revoke.run(new Date().toISOString(), initials.trim().toLowerCase()).changes > 0;
  }

  /** The user a token belongs to, or null when it is missing, unknown or revoked. */
  authenticate(token: string | null | undefined): User | null {
    if (!token) return null;
    const row = this.statements.byHash.get(hashAccessToken(token)) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** Ids of users whose tokens are valid now (read fresh, so revocations by another process show). */
  activeIds(): Set<number> {
    return new Set((this.statements.activeIds.all() as Array<{ id: number }>).map((row) => row.id));
  }
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, initials: row.initials, readOnly: row.read_only === 1, createdAt: row.created_at, revokedAt: row.revoked_at };
}
