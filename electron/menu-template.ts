import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { MENU_ACCELERATORS, type MenuCommand } from '../shared/protocol/ipc-contract';

/** What the menu's items do outside the renderer. */
export interface MenuActions {
  /** Sends a document command to the renderer of `window` (the focused window, if any). */
  command(command: MenuCommand, window: BaseWindow | undefined): void;
  /** Shows "Om Dagsorden". */
  about(): void;
}

/**
 * The application menu in Danish, as Electron's menu template (built by Menu.buildFromTemplate
 * in app-menu.ts; pure, so its structure and shortcuts are tested without Electron).
 * macOS gets the app menu (Om, Indstillinger, Skjul, Afslut) and a Vindue menu; Windows and
 * Linux get Indstillinger and Afslut in Filer and Om in Hjælp. Document commands go to the
 * focused window's renderer; clipboard, zoom, close and quit use Electron's built-in roles.
 */
export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    id: name,
    accelerator: MENU_ACCELERATORS[name],
    // The editor's keymap runs undo/redo through the collaborative undo manager; the menu
    // only shows those keys, or a key press would undo twice.
    ...(name === 'undo' || name === 'redo' ? { registerAccelerator: false } : {}),
    click: (_item, window) => actions.command(name, window),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: 'Om Dagsorden', id: 'about', click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Dagsorden',
    submenu: [
      about,
      separator,
      command('Indstillinger …', 'openSettings'),
      separator,
      { role: 'services', label: 'Tjenester' },
      separator,
      { role: 'hide', label: 'Skjul Dagsorden' },
      { role: 'hideOthers', label: 'Skjul andre' },
      { role: 'unhide', label: 'Vis alle' },
      separator,
      { role: 'quit', label: 'Afslut Dagsorden' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'Filer',
    submenu: [
      command('Ny dagsorden', 'newAgenda'),
      command('Åbn …', 'openAgenda'),
      command('Importér …', 'importAgendaFile'),
      separator,
      command('Eksportér PDF …', 'exportPdf'),
      separator,
      command('Gem kopi …', 'saveCopy'),
      command('Åbn kopi …', 'openCopy'),
      separator,
      ...(mac ? [] : [command('Indstillinger …', 'openSettings'), separator]),
      { role: 'close', label: 'Luk', accelerator: 'CmdOrCtrl+W' },
      // Windows has no quit shortcut of its own (Alt+F4 closes the window); Linux uses Ctrl+Q.
      ...(mac ? [] : [{ role: 'quit', label: 'Afslut', ...(platform === 'win32' ? {} : { accelerator: 'Ctrl+Q' }) } as MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Rediger',
    submenu: [
      command('Fortryd', 'undo'),
      command('Gentag', 'redo'),
      separator,
      { role: 'cut', label: 'Klip', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', label: 'Kopiér', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', label: 'Sæt ind', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', label: 'Markér alt', accelerator: 'CmdOrCtrl+A' },
      separator,
      command('Søg …', 'find'),
    ],
  };

  const insertMenu: MenuItemConstructorOptions = {
    label: 'Indsæt',
    submenu: [
      command('Sektion', 'insertSection'),
      command('Punkt', 'insertItem'),
      command('Indstilling', 'insertIndstilling'),
      command('Bilagsmarkering ./.', 'insertEnclosure'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'Vis',
    submenu: [
      command('Oversigt', 'toggleOutline'),
      separator,
      { role: 'zoomIn', label: 'Zoom ind', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', label: 'Zoom ud', accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: 'Nulstil zoom', accelerator: 'CmdOrCtrl+0' },
      separator,
      { role: 'togglefullscreen', label: 'Fuld skærm', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Vindue',
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: 'Minimer', accelerator: 'Cmd+M' },
      { role: 'zoom', label: 'Zoom' },
      separator,
      { role: 'front', label: 'Anbring alle forrest' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Hjælp',
    role: 'help',
    submenu: [command('Genvejstaster', 'showShortcuts'), ...(mac ? [] : [separator, about])],
  };

  return mac
    ? [appMenu, fileMenu, editMenu, insertMenu, viewMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, insertMenu, viewMenu, helpMenu];
}
