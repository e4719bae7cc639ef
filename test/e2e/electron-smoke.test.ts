import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { installedElectronBinary } from '../../electron/dev/electron-binary';
import { DESKTOP_API_KEYS } from '../../shared/protocol/ipc-contract';
import { everyNodeAgenda } from '../support/every-node-agenda';

/**
 * The packaged-app smoke test: the real desktop app in the real Electron binary. It runs
 * wherever Electron's binary is installed (npm install with internet access) and says
 * plainly that it was skipped, and why, where none is (as on the offline build machine).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = installedElectronBinary(root);
const skipReason = binary
  ? null
  : 'no Electron binary is installed (node_modules/electron/path.txt is missing: npm install could not download it without internet access)';
if (skipReason) console.log(`electron-smoke.test.ts SKIPPED: ${skipReason}. The Electron main process is covered by test/unit/electron with electron mocked.`);

const AGENDA_ID = 'roegtest-dagsorden';

describe('desktop app in Electron', () => {
  let app: ElectronApplication;
  let userData: string;

  beforeAll(async () => {
    if (skipReason) return;
    // The e2e global setup built the renderer; the main process, preload and export worker are built here.
    execFileSync('npm', ['run', 'build:electron'], { cwd: root, stdio: 'inherit' });
    userData = await mkdtemp(path.join(tmpdir(), 'dagsorden-electron-'));
    // Local-only: no server configured (DAGSORDEN_SERVER_URL left out).
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'DAGSORDEN_SERVER_URL'));
    app = await _electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${userData}`], env, timeout: 60_000 });
  });

  afterAll(async () => {
    if (skipReason) return;
    await app?.close();
    await rm(userData, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null)('isolates the page: no require, and exactly the contract on window.dagsorden', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^dagsorden:\/\/app\//);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const keys = await page.evaluate(() => Object.keys((window as unknown as { dagsorden: object }).dagsorden).sort());
    expect(keys).toEqual([...DESKTOP_API_KEYS].sort());
  });

  it.skipIf(skipReason !== null)('opens an agenda in its own window, once, and takes typing', async () => {
    const first = await app.firstWindow();
    const opened = app.waitForEvent('window');
    await first.evaluate((id) => (window as unknown as { dagsorden: { openAgendaWindow(id: string): Promise<void> } }).dagsorden.openAgendaWindow(id), AGENDA_ID);
    const agenda: Page = await opened;
    await agenda.waitForLoadState('domcontentloaded');
    expect(agenda.url()).toContain(`#/dagsorden/${AGENDA_ID}`);
    // Asking again focuses the same window instead of opening another.
    await first.evaluate((id) => (window as unknown as { dagsorden: { openAgendaWindow(id: string): Promise<void> } }).dagsorden.openAgendaWindow(id), AGENDA_ID);
    expect(app.windows()).toHaveLength(2);

    const editor = agenda.locator('.ProseMirror').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await agenda.keyboard.type('Røgtest i Electron');
    await expect.poll(() => editor.innerText()).toContain('Røgtest i Electron');
  });

  it.skipIf(skipReason !== null)('exports a PDF through the utility process to the file chosen in the save dialog', async () => {
    const target = path.join(userData, 'eksport.pdf');
    // A native dialog cannot be clicked by Playwright: answer it in the main process.
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, target);
    const page = await app.firstWindow();
    const result = await page.evaluate(
      (agenda) => (window as unknown as { dagsorden: { exportPdf(r: unknown): Promise<unknown> } }).dagsorden.exportPdf({ agenda, public: false, pdfUa: false }),
      everyNodeAgenda(),
    );
    expect(result).toEqual({ status: 'saved', fileName: 'eksport.pdf' });
    const pdf = await readFile(target);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(skipReason !== null)('refuses navigation away from the app', async () => {
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});
