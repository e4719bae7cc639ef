import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); Playwright cannot download its own browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A Chromium with its own fresh profile; `close` removes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data dir (one person's browser). */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install chromium" (done by .ci/run)`);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dagsorden-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Stores a user profile (and the access token, if given) so the page does not ask for them. */
export async function presetProfile(context: BrowserContext, profile: { name: string; initials: string; color: string }, token?: string): Promise<void> {
  await context.addInitScript(
    ([value, key]) => {
      if (!localStorage.getItem('dagsorden.user')) localStorage.setItem('dagsorden.user', value!);
      if (key && !localStorage.getItem('dagsorden.token')) localStorage.setItem('dagsorden.token', key);
    },
    [JSON.stringify(profile), token ?? ''],
  );
}

export type { Browser, Page };
