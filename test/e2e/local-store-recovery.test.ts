import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import type { TestBrowser } from '../support/browser';
import { ANNA, launchSignedIn, saveStatus } from '../support/people';
import { networkSwitch, type NetworkSwitch } from '../support/network-switch';
import { connectClient, whenSynced } from '../support/node-client';
import { bodyFragment } from '../../shared/agenda/ydoc-agenda';
import { SCHEMA_VERSION } from '../../shared/protocol/schema-version';

const agendaId = (page: Page) => /#\/dagsorden\/([0-9a-f-]+)$/.exec(page.url())![1]!;

describe('local store and version problems in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let net: NetworkSwitch;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchSignedIn(server, ANNA);
    net = await networkSwitch(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens despite a damaged IndexedDB record, says so, and recovers the agenda from the server', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Ny dagsorden' }).click();
    await page.locator('h2[data-type="item-title"]').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ⟦S1⟧');
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    const id = agendaId(page);

    // Leave the agenda (closing its local store), then damage a record in it.
    await page.getByRole('button', { name: '← Dagsordener' }).click();
    await page.getByRole('button', { name: 'Ny dagsorden' }).waitFor();
    await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, `dagsorden-${id}`);

    await page.goto(`${server.url}/#/dagsorden/${id}`);
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 15_000 }).toContain('beskadiget');
    await expect.poll(() => page.locator('.agenda-body').textContent(), { timeout: 15_000 }).toContain('⟦S1⟧');
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    // The damaged store is kept aside, not deleted.
    const kept = await page.evaluate(async (name) => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      const damaged = JSON.parse(localStorage.getItem('dagsorden.damagedStores') ?? '[]') as Array<{ store: string }>;
      return names.includes(name) && damaged.some((d) => d.store === name);
    }, `dagsorden-${id}`);
    expect(kept).toBe(true);
  });

  it('refuses an outdated client with "Opdater Dagsorden" and leaves the agenda unchanged', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Ny dagsorden' }).click();
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    const id = agendaId(page);
    const reader = connectClient(server.url, id);
    await whenSynced(reader.provider);
    const before = Y.encodeStateVector(reader.ydoc);
    const textBefore = bodyFragment(reader.ydoc).toString();
    reader.destroy();

    // The same page, as a client with an older schema version.
    net.rewriteUrl((url) => url.replace(`schema=${SCHEMA_VERSION}`, `schema=${SCHEMA_VERSION - 1}`));
    try {
      await page.reload();
      await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toContain('Opdater Dagsorden');
      await page.locator('h2[data-type="item-title"]').first().click();
      await page.keyboard.type(' ændring fra en gammel version');
      await page.waitForTimeout(500);
    } finally {
      net.rewriteUrl(null);
    }
    const after = connectClient(server.url, id);
    await whenSynced(after.provider);
    expect(Y.encodeStateVector(after.ydoc)).toEqual(before);
    expect(bodyFragment(after.ydoc).toString()).toBe(textBefore);
    after.destroy();

    // A refusal stops the automatic retries; once the client is current, "Forbind igen" connects.
    await page.waitForTimeout(3_000);
    expect(await page.getByTestId('connection-status').textContent()).toBe('Afvist');
    await page.getByRole('button', { name: 'Forbind igen' }).click();
    await expect.poll(() => page.getByTestId('connection-status').textContent(), { timeout: 15_000 }).toBe('Forbundet');
  });
});
