/**
 * Registers the service worker that keeps the web client's files for offline reloads. Only
 * in a browser on http(s): the desktop app loads its files from disk and needs none.
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn(`Dagsorden: offline-understøttelse kunne ikke slås til: ${(error as Error).message}`);
  });
}
