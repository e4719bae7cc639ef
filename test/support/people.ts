import type { Locator, Page } from 'playwright-core';
import type { TestServer } from './test-server';
import { launchBrowser, presetProfile, type TestBrowser } from './browser';

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
