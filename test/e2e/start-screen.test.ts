import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { saveStatus } from '../support/people';
import { agendaPdfRoute } from '../../server/http/agenda-pdf-route';
import { PdfWorkerPool } from '../../server/export/pdf-worker-pool';
import { sampleAgendaPdf } from '../support/text-pdf';

const REFERENCE = fileURLToPath(new URL('../fixtures/kkr-midtjylland-2024-06-18.txt', import.meta.url));

describe('start screen, settings, import and export in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  const pool = new PdfWorkerPool();
  const downloads = mkdtempSync(path.join(tmpdir(), 'dagsorden-downloads-'));

  beforeAll(async () => {
    server = await startTestServer({ routes: [agendaPdfRoute(pool)] });
    server.registerAgenda('kkr-midt-juni', { title: 'Dagsorden – KKR Midtjylland – 18. juni 2024', committee: 'KKR Midtjylland', meetingDate: '2024-06-18' });
    server.registerAgenda('kkr-syd-sept', { title: 'Dagsorden – KKR Syddanmark – 6. september 2024', committee: 'KKR Syddanmark', meetingDate: '2024-09-06' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await pool.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('asks who you are once, lists and searches the server’s agendas, and lets you change your settings', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Hvem er du?' }).count()).resolves.toBe(1);
    await page.getByLabel('Navn').fill('Anna Andersen');
    await page.getByLabel('Initialer').fill('aa');
    await page.getByLabel('Adgangsnøgle').fill(server.token);
    await page.getByRole('button', { name: 'Gem' }).click();

    const list = page.getByTestId('agenda-list');
    await expect.poll(() => list.locator('.agenda-row-title').allTextContents()).toEqual([
      'Dagsorden – KKR Syddanmark – 6. september 2024',
      'Dagsorden – KKR Midtjylland – 18. juni 2024',
    ]);
    await page.getByLabel('Søg i titel og dato').fill('juni 2024');
    await expect.poll(() => list.locator('.agenda-row-title').allTextContents()).toEqual(['Dagsorden – KKR Midtjylland – 18. juni 2024']);
    await page.getByLabel('Søg i titel og dato').fill('syddanmark');
    await expect.poll(() => list.locator('.agenda-row-title').allTextContents()).toEqual(['Dagsorden – KKR Syddanmark – 6. september 2024']);

    await page.getByRole('button', { name: 'Indstillinger' }).click();
    await page.getByLabel('Navn').fill('Anna B. Andersen');
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => page.locator('.start-header p').textContent()).toContain('Anna B. Andersen (aa)');
    await page.reload();
    await expect.poll(() => page.locator('.start-header p').textContent()).toContain('Anna B. Andersen (aa)');
  });

  it('imports the reference agenda’s text, opens it, shows it under recent agendas, and exports it as PDF', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importér …' }).click();
    await (await chooser).setFiles(REFERENCE);
    await expect.poll(() => page.locator('h2[data-type="item-title"]').count(), { timeout: 15_000 }).toBe(9);
    await expect.poll(() => page.locator('h1[data-type="section-title"]').count()).toBe(7);
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    await page.getByLabel('Dato').fill('18.06.2024');
    await expect.poll(() => page.getByTestId('document-title').textContent()).toBe('Dagsorden – KKR Midtjylland – 18. juni 2024');

    // The browser client exports through the server.
    await page.getByRole('button', { name: 'Filer' }).click();
    await page.getByRole('menuitem', { name: 'Eksportér PDF …' }).click();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Eksportér' }).click();
    const file = path.join(downloads, 'agenda.pdf');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Årlig beretning fra næstformanden i Central Denmark EU');
    expect(text).toMatch(/Side 2 af \d+/);

    await page.getByRole('button', { name: '← Dagsordener' }).click();
    await expect.poll(() => page.locator('#recent-heading + .agenda-list .agenda-row-title').first().textContent()).toBe('Dagsorden – KKR Midtjylland – 18. juni 2024');
  });

  it('imports an existing agenda from its PDF in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importér …' }).click();
    await (await chooser).setFiles({ name: 'dagsorden.pdf', mimeType: 'application/pdf', buffer: Buffer.from(sampleAgendaPdf()) });
    // Section titles as shown, with their derived numbers.
    await expect.poll(() => page.locator('h1[data-type="section-title"]').allTextContents(), { timeout: 20_000 }).toEqual(['1.Godkendelse af referat', '2.Siden sidst']);
    await expect.poll(() => page.locator('.agenda-body').textContent()).toContain('Frigastudvalget');
    await expect.poll(() => page.locator('p[data-type="case-line"]').first().textContent()).toBe('SAG-2024-01875 chbn/jhp');
  });

  it('refuses a file that is not an agenda, with a message', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importér …' }).click();
    await (await chooser).setFiles({ name: 'noget.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"noget andet"}') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Ugyldig dagsordensfil');
  });
});
