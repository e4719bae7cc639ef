import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENDA_API_PATH, ME_API_PATH, type AgendaListResponse } from '../../../shared/protocol/agenda-api';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { writeMeetingFacts } from '../../../shared/agenda/ydoc-agenda';
import { connectClient, eventually, whenSynced } from '../../support/node-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { agendaSocketUrl, attempt } from './raw-socket';

describe('agenda API', () => {
  let server: TestServer;
  const api = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const token = init.token === undefined ? server.token : init.token;
    return fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
  };
  const list = async () => ((await (await api(AGENDA_API_PATH)).json()) as AgendaListResponse).agendas;

  beforeEach(async () => {
    server = await startTestServer({ summaryDebounceMs: 50 });
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses requests without a valid token, and writes by read-only users', async () => {
    expect((await api(AGENDA_API_PATH, { token: null })).status).toBe(401);
    const wrong = await api(AGENDA_API_PATH, { token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/Adgang nægtet/);
    const reader = server.addUser({ readOnly: true });
    expect((await api(AGENDA_API_PATH, { token: reader })).status).toBe(200);
    expect((await api(AGENDA_API_PATH, { token: reader, method: 'POST', body: '{}' })).status).toBe(403);
    expect((await api(`${AGENDA_API_PATH}/x`, { method: 'PUT' })).status).toBe(405);
    expect((await api('/api/other')).status).toBe(404);
  });

  it('tells a token who it belongs to, including whether the user may only read', async () => {
    const reader = server.addUser({ name: 'Læser Larsen', initials: 'll', readOnly: true });
    expect(await (await api(ME_API_PATH)).json()).toEqual({ name: 'Test Redaktør', initials: expect.any(String), readOnly: false });
    expect(await (await api(ME_API_PATH, { token: reader })).json()).toEqual({ name: 'Læser Larsen', initials: 'll', readOnly: true });
    expect((await api(ME_API_PATH, { token: 'nope' })).status).toBe(401);
  });

  it('lets the desktop app, whose page has another origin, call the API', async () => {
    const preflight = await fetch(`${server.url}${AGENDA_API_PATH}`, {
      method: 'OPTIONS',
      headers: { origin: 'app://dagsorden', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect((await api(AGENDA_API_PATH)).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('creates agendas with a server-chosen or client-chosen id, idempotently', async () => {
    const created = await api(AGENDA_API_PATH, { method: 'POST', body: JSON.stringify({ title: 'Dagsorden – KKR Nord' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const offline = { id: 'offline-made-1', title: 'Lavet offline', committee: 'KKR Syd', meetingDate: '2024-06-18' };
    const first = await api(AGENDA_API_PATH, { method: 'POST', body: JSON.stringify(offline) });
    expect(first.status).toBe(201);
    const again = await api(AGENDA_API_PATH, { method: 'POST', body: JSON.stringify({ ...offline, title: 'Anden titel' }) });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: 'offline-made-1' });

    const agendas = await list();
    expect(agendas.map((a) => a.id).sort()).toEqual([id, 'offline-made-1'].sort());
    expect(agendas.find((a) => a.id === 'offline-made-1')).toMatchObject({ title: 'Lavet offline', committee: 'KKR Syd', meetingDate: '2024-06-18' });

    for (const bad of ['{"id":"../etc"}', '{"meetingDate":"18/6"}', '[1]', 'not json', '{"title":5}']) {
      const response = await api(AGENDA_API_PATH, { method: 'POST', body: bad });
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(0);
    }
  });

  it('keeps the list current from the meeting facts as the agenda is edited', async () => {
    await api(AGENDA_API_PATH, { method: 'POST', body: JSON.stringify({ id: 'live-agenda' }) });
    const before = (await list())[0]!;
    const client = connectClient(server.url, 'live-agenda');
    try {
      await whenSynced(client.provider);
      writeMeetingFacts(client.ydoc, { committee: 'KKR Midtjylland', date: '2024-06-18' });
      let entry = before;
      const start = Date.now();
      while (Date.now() - start < 10_000) {
        entry = (await list())[0]!;
        if (entry.committee === 'KKR Midtjylland') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(entry).toMatchObject({ id: 'live-agenda', title: 'Dagsorden – KKR Midtjylland – 18. juni 2024', committee: 'KKR Midtjylland', meetingDate: '2024-06-18' });
      expect(entry.updatedAt > before.updatedAt).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('deletes an agenda: open connections close with AgendaGone, it leaves the list, and it can be restored', async () => {
    server.registerAgenda('doomed-agenda');
    const client = connectClient(server.url, 'doomed-agenda');
    const closedCode = new Promise<number>((resolve) => client.provider.on('closed', (event) => resolve(event.code)));
    await whenSynced(client.provider);
    client.ydoc.getText('t').insert(0, 'keep me');
    await eventually(() => client.provider.synced && server.hub.openDocuments().includes('doomed-agenda'));
    await server.hub.flush();

    const deleted = await api(`${AGENDA_API_PATH}/doomed-agenda`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await closedCode).toBe(CloseCode.AgendaGone);
    client.destroy();
    expect((await list()).map((a) => a.id)).not.toContain('doomed-agenda');
    expect(await attempt(agendaSocketUrl(server.url, 'doomed-agenda', server.token))).toEqual({ kind: 'refused', status: 404 });
    expect((await api(`${AGENDA_API_PATH}/doomed-agenda`, { method: 'DELETE' })).status).toBe(404);
    expect((await api(AGENDA_API_PATH, { method: 'POST', body: '{"id":"doomed-agenda"}' })).status).toBe(410);

    // The recoverable copy: restoring brings back the agenda with its content.
    expect(server.agendas.restore('doomed-agenda')).toBe(true);
    const back = connectClient(server.url, 'doomed-agenda');
    try {
      await whenSynced(back.provider);
      expect(back.ydoc.getText('t').toString()).toBe('keep me');
    } finally {
      back.destroy();
    }
  });

  it('purges a deleted agenda and its document after 30 days', async () => {
    const { purgeExpiredAgendas } = await import('../../../server/agendas/purge-expired-agendas');
    const { silentLogger } = await import('../../../server/log');
    server.registerAgenda('old-agenda');
    await server.storage.append('old-agenda', new Uint8Array([0, 0]));
    server.agendas.markDeleted('old-agenda', new Date('2024-01-01T00:00:00Z'));
    await purgeExpiredAgendas(server.agendas, server.storage, silentLogger, new Date('2024-01-30T00:00:00Z'));
    expect(await server.storage.load('old-agenda')).not.toBeNull();
    await purgeExpiredAgendas(server.agendas, server.storage, silentLogger, new Date('2024-02-01T00:00:00Z'));
    expect(await server.storage.load('old-agenda')).toBeNull();
    expect(server.agendas.restore('old-agenda')).toBe(false);
  });
});
