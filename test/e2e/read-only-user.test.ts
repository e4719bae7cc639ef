import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, presetProfile, type TestBrowser } from '../support/browser';
import { ANNA, editorText, launchSignedIn, saveStatus } from '../support/people';

describe('a read-only user in Chromium', () => {
  let server: TestServer;
  let anna: TestBrowser;
  let reader: TestBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    anna = await launchSignedIn(server, ANNA);
    reader = await launchBrowser();
    await presetProfile(reader.context, { name: 'Læser Larsen', initials: 'll', color: '#1a7f37' }, server.addUser({ name: 'Læser Larsen', initials: 'll', readOnly: true }));
  });
  afterAll(async () => {
    await anna?.close();
    await reader?.close();
    await server?.close();
  });

  it('sees every change live, is told so, and cannot edit', async () => {
    const a = await anna.newPage();
    await a.goto(server.url);
    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    await a.waitForURL(/#\/dagsorden\/[0-9a-f-]+$/);
    await expect.poll(() => saveStatus(a), { timeout: 15_000 }).toBe('Alt er gemt på serveren');

    const r = await reader.newPage();
    await r.goto(a.url());
    await expect.poll(() => saveStatus(r), { timeout: 15_000 }).toBe('Kun læseadgang');
    await expect.poll(() => r.locator('.agenda-body').getAttribute('contenteditable')).toBe('false');
    expect(await r.getByRole('toolbar').count()).toBe(0);
    expect(await r.getByLabel('Udvalg').isDisabled()).toBe(true);

    await a.locator('h2[data-type="item-title"]').first().click();
    await a.keyboard.press('End');
    await a.keyboard.type(' ⟦live⟧');
    await expect.poll(() => editorText(r), { timeout: 10_000 }).toContain('⟦live⟧');

    // Typing in the read-only page changes nothing, here or for anyone: a later edit of
    // Anna's reaches the reader, so anything the reader had sent would have arrived too.
    await r.locator('h2[data-type="item-title"]').first().click();
    await r.keyboard.type('ændring');
    await a.keyboard.type(' ⟦efter⟧');
    await expect.poll(() => editorText(r), { timeout: 10_000 }).toContain('⟦efter⟧');
    await a.waitForTimeout(300);
    expect(await editorText(r)).not.toContain('ændring');
    expect(await editorText(a)).not.toContain('ændring');
  });
});
