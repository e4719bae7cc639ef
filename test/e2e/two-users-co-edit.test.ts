import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingLogger, startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, presetProfile, type TestBrowser } from '../support/browser';
import { BO } from '../support/people';

describe('two people edit one agenda in Chromium', () => {
  let server: TestServer;
  let anna: TestBrowser;
  let bo: TestBrowser;

  const log = recordingLogger();

  beforeAll(async () => {
    server = await startTestServer({ log });
    anna = await launchBrowser();
    // Bo is another user, with a token of his own.
    bo = await launchBrowser();
    await presetProfile(bo.context, BO, server.addUser({ name: BO.name, initials: 'bb' }));
  });
  afterAll(async () => {
    await anna?.close();
    await bo?.close();
    await server?.close();
  });

  it('shows what one types in the other page, with her caret and name', async () => {
    const a = await anna.newPage();
    await a.goto(server.url);
    // Anna is asked who she is, once.
    await a.getByLabel('Navn').fill('Anna Andersen');
    await a.getByLabel('Initialer').fill('aa');
    await a.getByLabel('Adgangsnøgle').fill(server.token);
    await a.getByRole('button', { name: 'Gem' }).click();
    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    await expect.poll(() => a.getByTestId('connection-status').textContent()).toBe('Forbundet');
    const agendaUrl = a.url();
    expect(agendaUrl).toMatch(/#\/dagsorden\/[0-9a-f-]+$/);

    const b = await bo.newPage();
    await b.goto(agendaUrl);
    await expect.poll(() => b.getByTestId('connection-status').textContent()).toBe('Forbundet');
    // Bo receives the template Anna's page created.
    await expect.poll(() => b.locator('h1[data-type="section-title"]').count()).toBe(7);
    await expect.poll(() => b.locator('.agenda-number--item').allTextContents()).toEqual(['1.1.', '7.1.']);

    // Anna types into the "Eventuelt" item title with the keyboard.
    await a.locator('h2[data-type="item-title"]').last().click();
    await a.keyboard.press('End');
    await a.keyboard.type(' og afslutning');
    await expect.poll(() => b.locator('h2[data-type="item-title"]').last().textContent(), { timeout: 10_000 }).toContain('Eventuelt og afslutning');

    // Bo sees Anna's caret with her name, and Anna in the presence list.
    await expect.poll(() => b.locator('.collaboration-carets__label').allTextContents()).toContain('Anna Andersen');
    await expect.poll(() => b.getByTestId('peer').getAttribute('title')).toBe('Anna Andersen');
    await expect.poll(() => a.getByTestId('peer').getAttribute('title')).toBe('Bo Berg');

    // Bo types too; Anna sees it.
    await b.locator('h2[data-type="item-title"]').first().click();
    await b.keyboard.press('End');
    await b.keyboard.type(' 17. april');
    await expect.poll(() => a.locator('h2[data-type="item-title"]').first().textContent()).toContain('17. april');

    // The name is remembered: a reload does not ask again.
    await a.reload();
    await expect.poll(() => a.getByTestId('connection-status').textContent()).toBe('Forbundet');
    await expect(a.getByLabel('Navn').count()).resolves.toBe(0);

    // No connection was refused or closed for a bad message along the way (clients echo each
    // other's presence back to the server, which must accept that).
    expect(log.lines.filter((line) => line.level !== 'info').map((line) => line.event)).toEqual([]);
  });
});
