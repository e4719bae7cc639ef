import { describe, expect, it } from 'vitest';
import { editorText, reconnect, saveStatus, useTwoPeopleAnnaSwitchable } from '../support/people';

const BODY = 'Referatet fra mødet kan læses her.';

/**
 * Yjs has no move: moving an item deletes it and inserts a copy. Text typed into the item
 * meanwhile by someone who has not seen the move lands in the deleted original; the
 * editor's copy recorder and the server's rescuer (shared/rescue) put it into the copy.
 */
describe('typing offline into an item that a colleague moves meanwhile', () => {
  const people = useTwoPeopleAnnaSwitchable();

  it('keeps her text, in the moved item, where she typed it', async () => {
    const { server, anna, bo, annaNet } = people;
    const a = await anna.newPage();
    await a.goto(server.url);
    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    await expect.poll(() => saveStatus(a), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    const b = await bo.newPage();
    await b.goto(a.url());
    await expect.poll(() => saveStatus(b), { timeout: 15_000 }).toBe('Alt er gemt på serveren');
    await expect.poll(() => editorText(b), { timeout: 15_000 }).toContain(BODY);

    await annaNet.goOffline();
    await expect.poll(() => a.getByTestId('connection-status').textContent(), { timeout: 15_000 }).toBe('Offline');
    await a.getByText(BODY).click();
    await a.keyboard.press('End');
    await a.keyboard.type(' ⟦skrevet offline⟧');

    // Bo moves the item (1.1) down into the next section.
    const before = await editorText(b);
    await b.locator('h2[data-type="item-title"] >> nth=0').click();
    const down = b.getByRole('button', { name: 'Flyt punktet ned' });
    await expect.poll(() => down.isEnabled(), { timeout: 10_000 }).toBe(true);
    await down.click();
    await expect.poll(() => editorText(b), { timeout: 10_000 }).not.toBe(before);
    const moved = await editorText(b);
    expect(moved.indexOf(BODY)).toBeGreaterThan(before.indexOf(BODY));
    await expect.poll(() => saveStatus(b), { timeout: 10_000 }).toBe('Alt er gemt på serveren');

    await annaNet.goOnline();
    await reconnect(a);
    await expect.poll(() => saveStatus(a), { timeout: 20_000 }).toBe('Alt er gemt på serveren');
    const expected = moved.replace(BODY, `${BODY} ⟦skrevet offline⟧`);
    for (const page of [a, b]) await expect.poll(() => editorText(page), { timeout: 15_000 }).toBe(expected);
  });
});
