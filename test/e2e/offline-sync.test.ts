import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, reconnect, saveStatus, useTwoPeopleAnnaSwitchable } from '../support/people';
import { recordSaveStatus, saveStatusLog } from '../support/status-recorder';

const count = (text: string, token: string) => text.split(token).length - 1;

/** Types `text` at the end of the element holding `anchor` text. */
async function typeAtEnd(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

describe('offline editing in Chromium', () => {
  const people = useTwoPeopleAnnaSwitchable();
  beforeAll(() => recordSaveStatus(people.anna.context));

  it('keeps her work through going offline and a reload, then merges with nothing lost or doubled', async () => {
    const { server, anna, bo, annaNet } = people;
    const a = await anna.newPage();
    await a.goto(server.url);
    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    await expect.poll(() => saveStatus(a), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    // The web client's files are kept for offline reloads once the service worker controls the page.
    await expect.poll(() => a.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);

    const b = await bo.newPage();
    await b.goto(a.url());
    await expect.poll(() => saveStatus(b), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    await expect.poll(() => b.locator('h2[data-type="item-title"]').count()).toBe(2);

    await annaNet.goOffline();
    await expect.poll(() => a.getByTestId('connection-status').textContent(), { timeout: 15_000 }).toBe('Offline');

    // The same item (1.1's title) and different items (7.1's title; 1.1's body).
    await typeAtEnd(a, 'h2[data-type="item-title"] >> nth=0', ' ⟦A1⟧');
    await typeAtEnd(a, 'h2[data-type="item-title"] >> nth=1', ' ⟦A2⟧');
    await typeAtEnd(b, 'h2[data-type="item-title"] >> nth=0', ' ⟦B1⟧');
    await b.getByText('Referatet fra mødet kan læses her.').click();
    await b.keyboard.press('End');
    await b.keyboard.type(' ⟦B2⟧');
    await expect.poll(() => saveStatus(a)).toMatch(/^Offline – \d+ ændringer venter$/);
    const pendingBefore = Number(/(\d+)/.exec((await saveStatus(a)) ?? '')![1]);
    expect(pendingBefore).toBeGreaterThan(0);
    await expect.poll(() => saveStatus(b), { timeout: 10_000 }).toBe('Alt er gemt på serveren');

    // Reload while still offline: the page comes from the service worker, the agenda from IndexedDB.
    await a.reload();
    await expect.poll(() => editorText(a), { timeout: 15_000 }).toContain('⟦A2⟧');
    expect(count(await editorText(a), '⟦A1⟧')).toBe(1);
    expect(count(await editorText(a), '⟦B1⟧')).toBe(0);
    await expect.poll(() => saveStatus(a), { timeout: 15_000 }).toBe(`Offline – ${pendingBefore} ændringer venter`);

    // Reconnect.
    await annaNet.goOnline();
    await reconnect(a);
    await expect.poll(() => saveStatus(a), { timeout: 20_000 }).toBe('Alt er gemt på serveren');
    for (const page of [a, b]) {
      await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain('⟦A2⟧');
      await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain('⟦B2⟧');
    }
    const [textA, textB] = [await editorText(a), await editorText(b)];
    expect(textA).toBe(textB);
    for (const token of ['⟦A1⟧', '⟦A2⟧', '⟦B1⟧', '⟦B2⟧']) expect(count(textA, token), token).toBe(1);
    await expect.poll(() => saveStatus(b)).toBe('Alt er gemt på serveren');

    // The status line moved through the states, in order.
    const log = await saveStatusLog(a);
    const order = ['Alt er gemt på serveren', `Offline – ${pendingBefore} ændringer venter`, 'Synkroniserer …', 'Alt er gemt på serveren'];
    let at = 0;
    for (const text of log) if (text === order[at]) at += 1;
    expect(at, `status log: ${log.join(' → ')}`).toBe(order.length);
  });
});
