import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AGENDA_API_PATH } from '../../../shared/protocol/agenda-api';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { openDatabase } from '../../../server/storage/sqlite-database';
import { runUserCommand } from '../../../server/cli/user-commands';
import { SqliteStorage } from '../../../server/storage/sqlite-storage';
import { connectClient, eventually, whenSynced } from '../../support/node-client';
import { agendaSocketUrl, attempt } from './raw-socket';
import { addUserWithCommand, runServerCommand, startServerProcess, type ServerProcess } from './server-process';

const DOC = 'command-agenda';

describe('the server process and its user commands', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dagsorden-commands-'));
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds, lists and revokes users; stores only token hashes; revocation closes open connections', async () => {
    const token = addUserWithCommand(dataDir, 'Anna Andersen', 'AA');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const reader = addUserWithCommand(dataDir, 'Bo Berg', 'bb', true);
    const errors: string[] = [];
    const output = { out: () => undefined, err: (text: string) => errors.push(text) };
    expect(runUserCommand('add-user', ['--data', dataDir, '--name', 'Igen', '--initials', 'aa'], output)).toBe(1);
    expect(errors.join('')).toMatch(/allerede en aktiv bruger/);
    const listed = runServerCommand(['list-users', '--data', dataDir]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/aa\s+Anna Andersen\s+redigere.*aktiv/);
    expect(listed.stdout).toMatch(/bb\s+Bo Berg\s+læse/);
    expect(listed.stdout).not.toContain(token);
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(path.join(dataDir, file)).toString('latin1');
      expect(bytes.includes(token) || bytes.includes(reader)).toBe(false);
    }

    server = await startServerProcess(['--port', '0', '--data', dataDir], { env: { DAGSORDEN_PORT: '1' } });
    const created = await fetch(`${server.url}${AGENDA_API_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ id: DOC }) });
    expect(created.status).toBe(201);
    const client = connectClient(server.url, DOC, { token });
    const closed = new Promise<number>((resolve) => client.provider.on('closed', (event) => resolve(event.code)));
    try {
      await whenSynced(client.provider);
      expect(runServerCommand(['revoke-user', '--data', dataDir, '--initials', 'aa']).status).toBe(0);
      expect(await closed).toBe(CloseCode.Unauthorized);
    } finally {
      client.destroy();
    }
    expect(await attempt(agendaSocketUrl(server.url, DOC, token))).toEqual({ kind: 'refused', status: 401 });
    const listing: string[] = [];
    runUserCommand('list-users', ['--data', dataDir], { out: (text) => listing.push(text), err: () => undefined });
    expect(listing.join('')).toMatch(/aa\s+Anna Andersen.*trukket tilbage/);
    expect(runUserCommand('revoke-user', ['--data', dataDir, '--initials', 'aa'], output)).toBe(1);

    const running = server;
    const events = () => running.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    await eventually(() => events().some((e) => e.event === 'disconnect') && events().some((e) => e.event === 'auth-failure'), 5000, 'log lines');
    expect(events().find((e) => e.event === 'connect')).toMatchObject({ level: 'info', doc: DOC, user: 'aa' });
    expect(events().find((e) => e.event === 'auth-failure')).toMatchObject({ level: 'warn', doc: DOC, reason: 'wrong or revoked token' });
    expect(events().find((e) => e.event === 'auth-revoked')).toMatchObject({ doc: DOC, user: 'aa' });
    expect(events().find((e) => e.event === 'disconnect')).toMatchObject({ doc: DOC, code: 'Unauthorized' });
    for (const e of events()) expect(typeof e.time).toBe('string');
  });

  it('shuts down cleanly on SIGTERM, telling clients and keeping every stored edit', async () => {
    const token = addUserWithCommand(dataDir, 'Cecilie', 'cc');
    const running = server!;
    const client = connectClient(running.url, DOC, { token });
    const codes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) codes.push(event.code);
    });
    try {
      await whenSynced(client.provider);
      client.ydoc.getText('t').insert(0, 'before shutdown');
      await new Promise((resolve) => setTimeout(resolve, 100));
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      await eventually(() => codes.includes(CloseCode.ServerShutdown), 5000, 'ServerShutdown close');
    } finally {
      client.destroy();
    }
    const events = running.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { event: string });
    expect(events.map((e) => e.event)).toContain('stopped');
    server = undefined;

    const db = openDatabase(dataDir);
    try {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await new SqliteStorage(db).load(DOC))!);
      expect(stored.getText('t').toString()).toBe('before shutdown');
    } finally {
      db.close();
    }
  });
});
