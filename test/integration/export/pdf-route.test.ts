import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../../support/test-server';
import { connectClient, whenSynced } from '../../support/node-client';
import { agendaPdfRoute } from '../../../server/http/agenda-pdf-route';
import { PdfWorkerPool } from '../../../server/export/pdf-worker-pool';
import { writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { everyNodeAgenda } from '../../support/every-node-agenda';

/** The text layer of PDF bytes, through pdftotext. */
function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dagsorden-pdf-route-'));
  try {
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('GET /api/agendas/:id/pdf', () => {
  let server: TestServer;
  const pool = new PdfWorkerPool();
  const id = 'pdf-route-agenda';

  beforeAll(async () => {
    server = await startTestServer({ routes: [agendaPdfRoute(pool)] });
    server.registerAgenda(id);
    const client = connectClient(server.url, id);
    await whenSynced(client.provider);
    writeNewAgenda(client.ydoc, everyNodeAgenda());
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.destroy();
  });
  afterAll(async () => {
    await pool.close();
    await server?.close();
  });

  const get = (path: string, token: string | null = server.token) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers the agenda as a PDF made from what the server stores, internal and public', async () => {
    const internal = await get(`/api/agendas/${id}/pdf`);
    expect(internal.status).toBe(200);
    expect(internal.headers.get('content-type')).toBe('application/pdf');
    const internalText = pdfText(new Uint8Array(await internal.arrayBuffer()));
    expect(internalText).toContain('Årlig beretning fra Central Denmark EU Office');
    expect(internalText).toContain('zyxwvu');

    const publicPdf = await get(`/api/agendas/${id}/pdf?public=1`);
    expect(publicPdf.status).toBe(200);
    const publicText = pdfText(new Uint8Array(await publicPdf.arrayBuffer()));
    expect(publicText).toContain('Fortrolig personsag');
    expect(publicText).toContain('Lukket punkt');
    expect(publicText).not.toContain('zyxwvu');
  });

  it('refuses without a valid token and for unknown agendas', async () => {
    expect((await get(`/api/agendas/${id}/pdf`, null)).status).toBe(401);
    expect((await get(`/api/agendas/${id}/pdf`, 'wrong-token')).status).toBe(401);
    expect((await get('/api/agendas/no-such-agenda/pdf')).status).toBe(404);
  });
});
