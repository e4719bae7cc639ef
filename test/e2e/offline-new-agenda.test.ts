import { describe, expect, it } from 'vitest';
import { editorText, reconnect, saveStatus, useTwoPeopleAnnaSwitchable } from '../support/people';


describe('an agenda created offline', () => {
  const people = useTwoPeopleAnnaSwitchable();

  it('gets its own id, works offline, and appears for everyone after reconnecting', async () => {
    const { server, anna, bo, annaNet } = people;
    const a = await anna.newPage();
    await a.goto(server.url);
    await a.getByRole('button', { name: 'Ny dagsorden' }).waitFor();
    await expect.poll(() => a.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    await annaNet.goOffline();

    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    await a.waitForURL(/#\/dagsorden\/[0-9a-f-]+$/);
    const id = /#\/dagsorden\/([0-9a-f-]+)$/.exec(a.url())![1]!;
    await a.getByLabel('Udvalg').fill('KKR Nordjylland');
    await a.locator('h2[data-type="item-title"]').first().click();
    await a.keyboard.press('End');
    await a.keyboard.type(' ⟦offline⟧');
    await expect.poll(() => saveStatus(a), { timeout: 15_000 }).toMatch(/^Offline – \d+ ændringer? venter$/);
    expect(server.agendas.list().map((agenda) => agenda.id)).not.toContain(id);

    // Back online: the agenda is registered with its own id, and everything reaches the server.
    await annaNet.goOnline();
    await reconnect(a);
    await expect.poll(() => saveStatus(a), { timeout: 20_000 }).toBe('Alt er gemt på serveren');
    expect(server.agendas.list().map((agenda) => agenda.id)).toContain(id);

    // Bo finds it in his list and opens it with Anna's text.
    const b = await bo.newPage();
    await b.goto(server.url);
    const row = b.getByTestId('agenda-list').locator('.agenda-row', { hasText: 'KKR Nordjylland' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.click();
    await expect.poll(() => editorText(b), { timeout: 15_000 }).toContain('⟦offline⟧');
    expect((await editorText(b)).split('⟦offline⟧').length - 1).toBe(1);
  });
});
