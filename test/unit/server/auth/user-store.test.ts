import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../../../server/storage/sqlite-database';
import { UserStore } from '../../../../server/auth/user-store';
import { hashAccessToken } from '../../../../server/auth/access-token';

describe('UserStore', () => {
  let dir: string;
  let db: SqliteDatabase;
  let users: UserStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dagsorden-users-'));
    db = openDatabase(dir);
    users = new UserStore(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each user a random token and stores only its hash', () => {
    const a = users.add({ name: 'Anna', initials: 'AA' });
    const b = users.add({ name: 'Bo', initials: 'bb', readOnly: true });
    expect(a.token).not.toBe(b.token);
    expect(a.user.initials).toBe('aa');
    const rows = db.prepare('SELECT * FROM users').all() as Array<Record<string, unknown>>;
    expect(JSON.stringify(rows)).not.toContain(a.token);
    expect(rows[0]!.token_hash).toBe(hashAccessToken(a.token));
    expect(users.authenticate(a.token)).toMatchObject({ name: 'Anna', readOnly: false });
    expect(users.authenticate(b.token)).toMatchObject({ name: 'Bo', readOnly: true });
    expect(users.authenticate(`${a.token}x`)).toBeNull();
    expect(users.authenticate('')).toBeNull();
    expect(users.authenticate(null)).toBeNull();
  });

  it('revokes by initials; the token stops working and the initials can be reused', () => {
    const a = users.add({ name: 'Anna', initials: 'aa' });
    expect(() => users.add({ name: 'Anden Anna', initials: 'aa' })).toThrow(/allerede en aktiv bruger/);
    expect(users.revoke('AA')).toBe(true);
    expect(users.revoke('aa')).toBe(false);
    expect(users.authenticate(a.token)).toBeNull();
    expect(users.activeIds().has(a.user.id)).toBe(false);
    const again = users.add({ name: 'Ny Anna', initials: 'aa' });
    expect(users.activeIds()).toEqual(new Set([again.user.id]));
    expect(users.list().map((u) => [u.initials, u.revokedAt !== null])).toEqual([['aa', true], ['aa', false]]);
  });

  it('refuses a user without a name or with bad initials, saying which', () => {
    expect(() => users.add({ name: ' ', initials: 'aa' })).toThrow(/--name/);
    expect(() => users.add({ name: 'X', initials: 'a1' })).toThrow(/--initials/);
  });
});
