import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../support/test-server';
import type { TestBrowser } from '../support/browser';
import { ANNA, launchSignedIn } from '../support/people';

const REFERENCE = fileURLToPath(new URL('../fixtures/kkr-midtjylland-2024-06-18.txt', import.meta.url));

describe('Søg and Genvejstaster in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchSignedIn(server, ANNA);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds text in the agenda and lists the keyboard shortcuts', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importér …' }).click();
    await (await chooser).setFiles(REFERENCE);
    await page.locator('h2[data-type="item-title"]').nth(8).waitFor();
    await page.locator('h2[data-type="item-title"]').first().click();

    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Søg i dagsordenen' });
    await search.fill('Sundhedsstrukturkommissionen');
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/^1 af ([2-9]|\d\d+)$/);
    const total = Number(/af (\d+)/.exec((await page.locator('.find-count').textContent())!)![1]);
    // Every match is highlighted in the text.
    await expect.poll(() => page.locator('.agenda-body .find-match').allTextContents()).toEqual(Array(total).fill('Sundhedsstrukturkommissionen'));
    await search.press('Enter');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe(`2 af ${total}`);
    await expect.poll(() => page.locator('.agenda-body .find-match--current').textContent()).toBe('Sundhedsstrukturkommissionen');
    // Escape closes and leaves the found word selected in the editor.
    await search.press('Escape');
    await expect(page.locator('.find-bar').count()).resolves.toBe(0);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Sundhedsstrukturkommissionen');
    await expect(page.locator('.agenda-body .find-match').count()).resolves.toBe(0);
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Søg i dagsordenen' }).fill('ordet findes ikke i dagsordenen');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('Ingen fund');
    await page.keyboard.press('Escape');

    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog', { name: 'Genvejstaster' });
    await expect.poll(() => dialog.textContent()).toContain('Flyt punktet op');
    await expect.poll(() => dialog.textContent()).toContain('Ctrl+Shift+5');
    await dialog.getByRole('button', { name: 'Luk' }).click();
    await expect(dialog.count()).resolves.toBe(0);
  });
});
