import { app, BrowserWindow, dialog, Menu, type BaseWindow } from 'electron';
import { IPC_EVENTS, type MenuCommand } from '../shared/protocol/ipc-contract';
import { menuTemplate } from './menu-template';

/** Installs the Danish application menu; its document commands go to the focused window. */
export function setupAppMenu(): void {
  const menu = Menu.buildFromTemplate(
    menuTemplate(process.platform, {
      command: sendMenuCommand,
      about: () => {
        void dialog.showMessageBox({
          type: 'info',
          title: 'Om Dagsorden',
          message: `Dagsorden ${app.getVersion()}`,
          detail: 'Dagsordener for KKR, skrevet sammen i realtid og eksporteret i KL\'s husstil.\n© KL – Kommunernes Landsforening',
          buttons: ['OK'],
        });
      },
    }),
  );
  Menu.setApplicationMenu(menu);
}

/** Sends a menu command to the renderer of `window` (or the focused window). */
export function sendMenuCommand(command: MenuCommand, window: BaseWindow | undefined): void {
  const target = window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow();
  if (target && !target.isDestroyed()) target.webContents.send(IPC_EVENTS.onMenuCommand, command);
}
