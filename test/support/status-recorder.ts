import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records every text the save status shows, across reloads (kept in sessionStorage), so a
 * test can check the states it moved through, transient ones included.
 */
export async function recordSaveStatus(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const key = 'test.saveStatusLog';
    let last = '';
    const observer = new MutationObserver(() => {
      const text = document.querySelector('[data-testid="save-status"]')?.textContent ?? '';
      if (text && text !== last) {
        last = text;
        const log = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[];
        log.push(text);
        sessionStorage.setItem(key, JSON.stringify(log));
      }
    });
    const start = () => observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start);
  });
}

/** The save-status texts recorded so far in this tab. */
export async function saveStatusLog(page: Page): Promise<string[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('test.saveStatusLog') ?? '[]') as string[]);
}
