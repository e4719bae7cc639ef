import { BrowserWindow, dialog, type BrowserWindowConstructorOptions } from 'electron';
import { guardNavigation } from './navigation-guard';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';

/** The security-relevant options of every window (checked by tests). */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 850,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Dagsorden',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/**
 * Opens a window of the app at `url` (a page of the app scheme), placed as `placement`
 * says, with navigation guarded and the page's "unsaved changes" question asked natively.
 */
export function openAppWindow(preloadPath: string, placement: WindowState, url: string): BrowserWindow {
  const window = new BrowserWindow({ ...windowOptions(preloadPath), ...placement.bounds });
  guardNavigation(window.webContents);
  confirmUnload(window);
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(url);
  return window;
}

/**
 * A page that cancels `beforeunload` (changes the server has not confirmed yet) makes
 * Electron keep the window open silently; ask the user instead, as a browser would.
 */
function confirmUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Ændringer venter',
      message: 'Nogle af dine ændringer er endnu ikke bekræftet af serveren.',
      detail: 'De er gemt lokalt på denne computer og sendes, næste gang dagsordenen åbnes med forbindelse. Vil du lukke alligevel?',
      buttons: ['Luk alligevel', 'Bliv'],
      defaultId: 1,
      cancelId: 1,
    });
    // preventDefault on this event means "ignore the page's beforeunload and unload".
    if (choice === 0) event.preventDefault();
  });
}
