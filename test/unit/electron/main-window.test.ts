import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';

const created: FakeBrowserWindow[] = [];
const showMessageBoxSync = vi.fn((_window: unknown, _options: Record<string, unknown>) => 1);

class FakeBrowserWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  maximize = vi.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    created.push(this);
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow, dialog: { showMessageBoxSync } }));

const { windowOptions, openAppWindow } = await import('../../../electron/main-window');

beforeEach(() => {
  created.length = 0;
  showMessageBoxSync.mockReset();
});

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

  it('opens at the remembered place, loads the app page and guards navigation', () => {
    const url = 'dagsorden://app/index.html#/dagsorden/kkr-midt';
    openAppWindow('/p.cjs', { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true }, url);
    const window = created[0]!;
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false, webPreferences: { sandbox: true, preload: '/p.cjs' } });
    expect(window.loadURL).toHaveBeenCalledWith(url);
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('asks before closing a page that holds unconfirmed changes, and closes only when told to', () => {
    openAppWindow('/p.cjs', { bounds: { x: 0, y: 0, width: 900, height: 700 }, maximized: false }, 'dagsorden://app/index.html');
    const contents = created[0]!.webContents;
    const unload = () => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      contents.emit('will-prevent-unload', event);
      return event.prevented;
    };
    showMessageBoxSync.mockReturnValueOnce(1);
    expect(unload()).toBe(false);
    showMessageBoxSync.mockReturnValueOnce(0);
    expect(unload()).toBe(true);
    expect(showMessageBoxSync.mock.calls[0]![1]).toMatchObject({ buttons: ['Luk alligevel', 'Bliv'], defaultId: 1, cancelId: 1 });
  });
});
