import type { WebContents } from 'electron';
import { isAppUrl } from './app-scheme';

/**
 * Keeps a window on the app's own pages: navigation elsewhere, new windows and webviews are
 * refused. (External links get their own, confirmed route to the system browser.)
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
