import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, shell, utilityProcess } from 'electron';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normaliseServerUrl } from './settings-validation';
import { AgendaFiles } from './agenda-copies';
import { importableArguments, OpenedFiles } from './opened-files';
import { AgendaWindows } from './agenda-windows';
import { sendMenuCommand, setupAppMenu } from './app-menu';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { contentSecurityPolicy } from './content-security-policy';
import { confirmExternalDialog, openExternalConfirmed } from './external-links';
import { electronFileDialogs } from './file-dialogs';
import { setupIpc } from './ipc-handlers';
import { logLine } from './main-log';
import { openAppWindow } from './main-window';
import { guardNavigation } from './navigation-guard';
import { PdfExports, type ExportWorkerProcess } from './pdf-export';
import { denyAllPermissions } from './permissions';
import { SettingsStore } from './settings-store';
import { safeStorageVault } from './token-vault';

/**
 * The desktop app's main process: composes the setup of each feature and holds no document
 * logic. Settings (server, user, encrypted token) live in the user's data folder;
 * DAGSORDEN_SERVER_URL (set by `npm start`) overrides the server for development.
 */
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let windows: AgendaWindows | undefined;
  // Agenda files the OS asks us to open (file association; a path on the command line; macOS open-file).
  const opened = new OpenedFiles();
  let ready = false;
  const importOpenedFiles = () => {
    if (!ready || !windows || !opened.hasWaiting()) return;
    windows.focusAny();
    sendMenuCommand('importAgendaFile', undefined);
  };
  for (const file of importableArguments(process.argv)) opened.add(file);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (opened.add(file)) importOpenedFiles();
  });
  app.on('second-instance', (_event, argv) => {
    windows?.focusAny();
    if (importableArguments(argv).filter((file) => opened.add(file)).length > 0) importOpenedFiles();
  });
  // Every page, frame or popup Electron creates is kept on the app (defence in depth: each window also guards itself).
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));

  void app.whenReady().then(async () => {
    const root = app.getAppPath();
    const userData = app.getPath('userData');
    const override = normaliseServerUrl(process.env.DAGSORDEN_SERVER_URL ?? null);
    const settings = new SettingsStore(
      path.join(userData, 'settings.json'),
      safeStorageVault(safeStorage, process.platform),
      logLine,
      typeof override === 'string' ? override : null,
      process.env.DAGSORDEN_SYNC_TOKEN || null,
    );
    await settings.load();
    settings.onChange(() => logLine(`indstillinger gemt; nye sider forbinder til ${settings.serverUrl() ?? 'ingen server (kun lokalt)'}`));

    // The policy is computed per response, so pages loaded after a settings change get the new server.
    serveAppScheme(path.join(root, 'dist', 'renderer'), () => contentSecurityPolicy(settings.serverUrl()));
    denyAllPermissions(session.defaultSession);
    setupAppMenu();

    const preload = path.join(root, 'dist', 'electron', 'preload.cjs');
    const agendaWindows = new AgendaWindows({
      open: (placement, url) => openAppWindow(preload, placement, url),
      workAreas: () => {
        const primary = screen.getPrimaryDisplay();
        return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
      },
      stateFile: path.join(userData, 'window-state.json'),
      log: logLine,
    });
    await agendaWindows.load();
    windows = agendaWindows;

    const dialogs = electronFileDialogs(dialog, () => app.getPath('documents'));
    const require = createRequire(__filename);
    const exports = new PdfExports({
      dialogs,
      startWorker: () => startExportWorker(path.join(root, 'dist', 'electron', 'export-worker.cjs')),
      resources: {
        templateFile: path.join(root, 'dist', 'export', 'agenda.typ'),
        fontDirectory: path.dirname(require.resolve('@expo-google-fonts/source-sans-3/package.json')),
      },
      log: logLine,
    });

    setupIpc(ipcMain, {
      settings,
      windows: agendaWindows,
      openExternal: (url, window) =>
        openExternalConfirmed(url, window, {
          confirm: async (parent, target) => {
            const options = confirmExternalDialog(target);
            const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
            return response === 0;
          },
          open: (target) => shell.openExternal(target),
        }),
      exports,
      files: new AgendaFiles(
        dialogs,
        async () => {
        // pdfjs-dist stays outside the bundle (it loads its worker module by path).
        const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
        const standardFonts = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
        return { getDocument: pdfjs.getDocument, standardFontDataUrl: `${standardFonts}${path.sep}` };
        },
        opened,
      ),
      windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
    });

    const start = agendaWindows.openStart();
    ready = true;
    // A file given at the first start is imported once the start screen listens for commands.
    start.webContents.once('did-finish-load', () => setTimeout(importOpenedFiles, 300));
    app.on('activate', () => {
      if (agendaWindows.count === 0) agendaWindows.openStart();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** Starts the PDF export worker as an Electron utility process (a Node process without a window). */
function startExportWorker(entry: string): ExportWorkerProcess {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Dagsorden PDF-eksport', stdio: 'inherit' });
  return {
    // Posted once the process runs, so the job cannot be lost before the worker listens.
    postMessage: (message) => child.once('spawn', () => child.postMessage(message)),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => child.kill(),
  };
}
