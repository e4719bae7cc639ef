import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { textWithoutCarets, useTwoPeople } from '../support/people';

const TITLE = 'Årlig beretning fra Central Denmark EU Office';

/** The item numbers the editor shows, in order. */
const itemNumbers = (page: Page) => page.locator('.agenda-body .agenda-number--item').allTextContents();
/** The outline's lines: "3.1. Title" for items, "3. Title" for sections. */
const outline = (page: Page) =>
  page.locator('.outline-entry').evaluateAll((entries) =>
    entries.map((entry) => `${entry.querySelector('.outline-number')?.textContent} ${entry.querySelector('.outline-title')?.textContent}`),
  );
const outlineItems = async (page: Page) => (await outline(page)).filter((line) => /^\d+\.\d+\./.test(line));
const item = (page: Page) => page.locator('article[data-type="item"]', { hasText: TITLE });

describe('editing an agenda with the toolbar, two people at once', () => {
  const people = useTwoPeople();

  it('adds an item with an Indstilling and a ./. marker, moves it, and both pages and outlines follow', async () => {
    const { server, anna, bo } = people;
    const a = await anna.newPage();
    await a.goto(server.url);
    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    await expect.poll(() => outline(a), { timeout: 15_000 }).toContain('3. Regionalpolitiske sager');

    const b = await bo.newPage();
    await b.goto(a.url());
    await expect.poll(() => itemNumbers(b), { timeout: 15_000 }).toEqual(['1.1.', '7.1.']);

    // Anna adds an item to section 3 through the toolbar and writes it with the keyboard.
    await a.locator('h1[data-type="section-title"]', { hasText: 'Regionalpolitiske sager' }).click();
    await a.getByRole('button', { name: 'Nyt punkt' }).click();
    await a.keyboard.type(TITLE);
    await a.keyboard.press('Enter');
    await a.keyboard.type('SAG-2024-01875 chbn');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Beretningen for 2023 er vedlagt.');
    await a.getByRole('button', { name: 'Det indstilles, at …' }).click();
    await a.keyboard.type('KKR Midtjylland tager beretningen til efterretning.');
    await a.keyboard.press('Enter');
    await a.getByRole('button', { name: 'Bilagsmærke ./.' }).click();
    await a.keyboard.type('Årsberetning 2023');

    for (const page of [a, b]) {
      await expect.poll(() => itemNumbers(page), { timeout: 10_000 }).toEqual(['1.1.', '3.1.', '7.1.']);
      await expect.poll(() => outlineItems(page)).toEqual(['1.1. Godkendelse af referat fra møde i KKR', `3.1. ${TITLE}`, '7.1. Eventuelt']);
      await expect.poll(() => textWithoutCarets(item(page).locator('p[data-type="case-line"]'))).toBe('SAG-2024-01875 chbn');
      await expect.poll(() => item(page).locator('h3[data-type="subheading"]').allTextContents()).toEqual(['Indstilling']);
      await expect.poll(() => textWithoutCarets(item(page).locator('div[data-type="indstilling"]'))).toBe('Det indstilles, at KKR Midtjylland tager beretningen til efterretning.');
      await expect.poll(() => textWithoutCarets(item(page).locator('p[data-type="enclosure"]'))).toBe('Årsberetning 2023');
    }

    // Bo's outline shows that Anna is in that item.
    const annaInOutline = b.locator('.outline-entry', { hasText: TITLE }).getByTestId('outline-peer');
    await expect.poll(() => annaInOutline.textContent(), { timeout: 10_000 }).toBe('aa');

    // Anna moves it up with the keyboard: from the top of section 3 to the end of section 2.
    await a.keyboard.press('Alt+Shift+ArrowUp');
    for (const page of [a, b]) {
      await expect.poll(() => itemNumbers(page), { timeout: 10_000 }).toEqual(['1.1.', '2.1.', '7.1.']);
      await expect.poll(() => outlineItems(page)).toContain(`2.1. ${TITLE}`);
    }
    // Her cursor is still in the moved item: typing goes on in the ./. marker.
    await a.keyboard.type(' (pdf)');
    await expect.poll(() => textWithoutCarets(item(b).locator('p[data-type="enclosure"]'))).toBe('Årsberetning 2023 (pdf)');

    // The toolbar moves it down again, into section 3.
    await a.getByRole('button', { name: 'Flyt punktet ned' }).click();
    for (const page of [a, b]) await expect.poll(() => outlineItems(page), { timeout: 10_000 }).toContain(`3.1. ${TITLE}`);

    // Bo drags it by its handle onto the upper half of "Eventuelt": it becomes 7.1.
    const eventuelt = b.locator('article[data-type="item"]', { hasText: 'Eventuelt' }).locator('h2[data-type="item-title"]');
    await eventuelt.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await item(b).hover();
    const handle = (await item(b).locator('.item-drag-handle').boundingBox())!;
    const target = (await eventuelt.boundingBox())!;
    await b.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await b.mouse.down();
    await b.mouse.move(handle.x + 12, handle.y + 12, { steps: 4 });
    await b.mouse.move(target.x + 20, target.y + 3, { steps: 10 });
    await b.mouse.up();
    for (const page of [a, b]) {
      await expect.poll(() => outlineItems(page), { timeout: 10_000 }).toEqual(['1.1. Godkendelse af referat fra møde i KKR', `7.1. ${TITLE}`, '7.2. Eventuelt']);
      await expect.poll(() => itemNumbers(page)).toEqual(['1.1.', '7.1.', '7.2.']);
    }

    // A click in the outline jumps there: the cursor lands in that item's title.
    await b.getByTestId('outline-item').filter({ hasText: 'Godkendelse af referat' }).locator('.outline-link').click();
    await b.keyboard.type(' den 17. april');
    await expect.poll(() => outlineItems(a)).toContain('1.1. Godkendelse af referat fra møde i KKR den 17. april');

    // Lukket punkt, from the item's own switch.
    await item(a).hover();
    await item(a).getByRole('button', { name: 'Lukket punkt' }).click();
    await expect.poll(() => item(a).getByRole('button', { name: 'Lukket punkt' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => item(b).getAttribute('data-closed')).toBe('true');
  });

  it('edits the meeting facts for everyone, refusing a date that does not exist', async () => {
    const { server, anna, bo } = people;
    const a = await anna.newPage();
    await a.goto(server.url);
    await a.getByRole('button', { name: 'Ny dagsorden' }).click();
    // The new agenda is saved locally before the page moves to it.
    await a.waitForURL(/#\/dagsorden\/[0-9a-f-]+$/);
    const b = await bo.newPage();
    await b.goto(a.url());
    await expect.poll(() => outline(b), { timeout: 15_000 }).toContain('7. Eventuelt');

    await a.getByLabel('Udvalg').fill('KKR Midtjylland');
    await a.getByLabel('Dato').fill('31.06.2024');
    await expect.poll(() => a.getByRole('alert').filter({ hasText: 'Ugyldig dato' }).count()).toBe(1);
    await a.getByLabel('Dato').fill('18.06.2024');
    await a.getByLabel('Tidspunkt').fill('10.00-12.00');
    await a.getByLabel('Sted').fill('Regionshuset Viborg');
    await a.getByLabel('Referat').check();

    await expect.poll(() => b.getByTestId('document-title').textContent(), { timeout: 10_000 }).toBe('Referat – KKR Midtjylland – 18. juni 2024');
    await expect.poll(() => b.getByLabel('Dato').inputValue()).toBe('18.06.2024');
    await expect.poll(() => b.getByLabel('Sted').inputValue()).toBe('Regionshuset Viborg');
    await expect.poll(() => b.getByLabel('Tidspunkt').inputValue()).toBe('10.00-12.00');
    expect(await a.getByRole('alert').filter({ hasText: 'Ugyldig dato' }).count()).toBe(0);
  });
});
