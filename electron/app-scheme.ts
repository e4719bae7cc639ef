/**
 * The one privileged scheme the renderer is served from in the desktop app. IndexedDB and
 * localStorage are tied to the page's origin, so this scheme and host must never change:
 * changing them would strand every user's offline work.
 */
export const APP_SCHEME = 'dagsorden';
/** The host part of the app origin. */
export const APP_HOST = 'app';
/** The renderer's origin: `dagsorden://app`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's start page. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page of the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
