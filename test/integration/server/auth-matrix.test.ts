import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { connectClient, eventually, whenSynced, type NodeClient } from '../../support/node-client';
import { recordingLogger, startTestServer, type TestServer } from '../../support/test-server';
import { agendaSocketUrl, attempt } from './raw-socket';

const KNOWN = 'known-agenda';
const UNKNOWN = 'unknown-agenda';

describe('who may connect to which agenda', () => {
  let server: TestServer;
  let log: ReturnType<typeof recordingLogger>;
  const tokens: Record<string, string | null> = {};

  beforeAll(async () => {
    log = recordingLogger();
    server = await startTestServer({ log, agendas: [KNOWN], userPollMs: 100 });
    tokens.none = null;
    tokens.wrong = 'x'.repeat(43);
    tokens.revoked = server.addUser({ name: 'Tidligere', initials: 'ex' });
    server.revokeUser('ex');
    tokens.readOnly = server.addUser({ name: 'Læser', initials: 'lr', readOnly: true });
    tokens.valid = server.token;
  });
  afterAll(async () => {
    await server.close();
  });

  const expected: Record<string, Record<string, string>> = {
    none: { [KNOWN]: 'HTTP 401', [UNKNOWN]: 'HTTP 401' },
    wrong: { [KNOWN]: 'HTTP 401', [UNKNOWN]: 'HTTP 401' },
    revoked: { [KNOWN]: 'HTTP 401', [UNKNOWN]: 'HTTP 401' },
    readOnly: { [KNOWN]: 'open', [UNKNOWN]: 'HTTP 404' },
    valid: { [KNOWN]: 'open', [UNKNOWN]: 'HTTP 404' },
  };

  it('gives exactly the expected outcome for every token and agenda', async () => {
    const outcomes: Record<string, Record<string, string>> = {};
    for (const who of Object.keys(expected)) {
      outcomes[who] = {};
      for (const agenda of [KNOWN, UNKNOWN]) {
        const result = await attempt(agendaSocketUrl(server.url, agenda, tokens[who]!));
        if (result.kind === 'open') {
          outcomes[who]![agenda] = 'open';
          result.socket.close();
          await result.closed;
        } else {
          outcomes[who]![agenda] = `HTTP ${result.status}`;
        }
      }
    }
    expect(outcomes).toEqual(expected);
    const failures = log.lines.filter((line) => line.event === 'auth-failure');
    expect(failures.map((line) => line.fields.reason)).toEqual([
      'no token', 'no token', 'wrong or revoked token', 'wrong or revoked token', 'wrong or revoked token', 'wrong or revoked token',
    ]);
  });

  it("relays to a read-only user but never stores or relays the read-only user's edits", async () => {
    const writer = connectClient(server.url, KNOWN);
    const reader = connectClient(server.url, KNOWN, { token: tokens.readOnly! });
    const clients: NodeClient[] = [writer, reader];
    try {
      await Promise.all(clients.map((c) => whenSynced(c.provider)));
      writer.ydoc.getText('t').insert(0, 'from writer');
      await eventually(() => reader.ydoc.getText('t').toString() === 'from writer', 10_000, 'reader receives the edit');

      reader.ydoc.getText('t').insert(0, 'READ-ONLY ');
      // The awareness message follows the edit on the same connection: once the writer sees it,
      // the server has handled (and dropped) the edit.
      reader.provider.awareness.setLocalStateField('user', { name: 'Læser' });
      await eventually(() => [...writer.provider.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'Læser'), 10_000, 'awareness after the edit');
      await server.hub.flush();
      expect(writer.ydoc.getText('t').toString()).toBe('from writer');
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await server.storage.load(KNOWN))!);
      expect(stored.getText('t').toString()).toBe('from writer');
      expect(reader.provider.wsconnected).toBe(true);
    } finally {
      for (const c of clients) c.destroy();
    }
  });

  it('closes the open connections of a user revoked while the server runs, with Unauthorized', async () => {
    const token = server.addUser({ name: 'Snart væk', initials: 'sv' });
    const result = await attempt(agendaSocketUrl(server.url, KNOWN, token));
    if (result.kind !== 'open') throw new Error('expected the connection to open');
    const other = await attempt(agendaSocketUrl(server.url, KNOWN, server.token));
    if (other.kind !== 'open') throw new Error('expected the connection to open');
    server.revokeUser('sv');
    // Picked up by the server's poll of the users table (every 100 ms here).
    expect(await result.closed).toBe(CloseCode.Unauthorized);
    expect(other.socket.readyState).toBe(other.socket.OPEN);
    other.socket.close();
    expect(await attempt(agendaSocketUrl(server.url, KNOWN, token))).toEqual({ kind: 'refused', status: 401 });
  });
});
