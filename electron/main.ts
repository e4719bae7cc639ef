import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { contentSecurityPolicy } from './content-security-policy';
import { denyAllPermissions } from './permissions';
import { setupIpc } from './ipc-handlers';
import { openMainWindow } from './main-window';

/**
 * The desktop app's main process: composes the setup of each feature and holds no document
 * logic. The sync server address comes from DAGSORDEN_SERVER_URL (set by `npm start`).
 */
const serverUrl = process.env.DAGSORDEN_SERVER_URL || null;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(() => {
    const root = app.getAppPath();
    const preload = path.join(root, 'dist', 'electron', 'preload.cjs');
    serveAppScheme(path.join(root, 'dist', 'renderer'), () => contentSecurityPolicy(serverUrl));
    denyAllPermissions(session.defaultSession);
    setupIpc(ipcMain, { serverUrl: () => serverUrl });
    openMainWindow(preload);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow(preload);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
