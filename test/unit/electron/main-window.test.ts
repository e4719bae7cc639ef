import { describe, expect, it, vi } from 'vitest';
import { windowOptions } from '../../../electron/main-window';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

describe('main window', () => {
  it('isolates the page: context isolation and sandbox on, Node integration and webviews off', () => {
    const prefs = windowOptions('/app/dist/electron/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });
});
