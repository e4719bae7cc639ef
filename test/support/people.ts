import { afterAll, beforeAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startTestServer, type TestServer } from './test-server';
import { launchBrowser, presetProfile, type TestBrowser } from './browser';
import { networkSwitch, type NetworkSwitch } from './network-switch';

/** The two caseworkers of the browser tests. */
export const ANNA = { name: 'Anna Andersen', initials: 'aa', color: '#1f6feb' };
export const BO = { name: 'Bo Berg', initials: 'bb', color: '#b3261e' };

/** A browser of its own for `person`, signed in to `server` with its editor token. */
export async function launchSignedIn(server: TestServer, person: typeof ANNA): Promise<TestBrowser> {
  const browser = await launchBrowser();
  await presetProfile(browser.context, person, server.token);
  return browser;
}

/** An element's text without other people's carets (their name labels are in the DOM). */
export function textWithoutCarets(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

/** The agenda's text as the editor shows it, without other people's carets. */
export function editorText(page: Page): Promise<string> {
  return textWithoutCarets(page.locator('.agenda-body'));
}

/** A test server with Anna and Bo each in a browser of their own, signed in. */
export interface TwoPeople {
  server: TestServer;
  anna: TestBrowser;
  bo: TestBrowser;
}

/** Starts a test server and signs Anna and Bo in. */
async function startTwoPeople(): Promise<TwoPeople> {
  const server = await startTestServer();
  return { server, anna: await launchSignedIn(server, ANNA), bo: await launchSignedIn(server, BO) };
}

/** A test server with Anna and Bo signed in, Anna's sync connections behind a switch (offline tests). */
async function startTwoPeopleAnnaSwitchable(): Promise<TwoPeople & { annaNet: NetworkSwitch }> {
  const people = await startTwoPeople();
  return { ...people, annaNet: await networkSwitch(people.anna.context) };
}

/**
 * Starts the people of `start` before the tests of the calling `describe` and closes them
 * after; the returned object is filled in once they have started (read it inside the tests).
 */
function usePeople<T extends TwoPeople>(start: () => Promise<T>): T {
  const people = {} as T;
  beforeAll(async () => {
    Object.assign(people, await start());
  });
  afterAll(() => closeTwoPeople(people));
  return people;
}

/** Anna, Bo and a server for the tests of the calling `describe` (see `usePeople`). */
export const useTwoPeople = (): TwoPeople => usePeople(startTwoPeople);

/** As `useTwoPeople`, with Anna's sync connections behind a switch (offline tests). */
export const useTwoPeopleAnnaSwitchable = (): TwoPeople & { annaNet: NetworkSwitch } => usePeople(startTwoPeopleAnnaSwitchable);

/** What the save-status line says. */
export function saveStatus(page: Page): Promise<string | null> {
  return page.getByTestId('save-status').textContent();
}

/**
 * Presses "Forbind igen" until the page is connected. The provider's own backoff may reconnect
 * first (the button then disappears under the click), which is just as good.
 */
export async function reconnect(page: Page, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const button = page.getByRole('button', { name: 'Forbind igen' });
  while ((await page.getByTestId('connection-status').textContent()) !== 'Forbundet') {
    if (Date.now() > deadline) throw new Error(`still not connected after ${timeout} ms`);
    await button.click({ timeout: 1_000 }).catch(() => {});
    await page.waitForTimeout(100);
  }
}

/** Closes the browsers, then the server (any of them may be missing after a failed start). */
async function closeTwoPeople(people: Partial<TwoPeople>): Promise<void> {
  await people.anna?.close();
  await people.bo?.close();
  await people.server?.close();
}
