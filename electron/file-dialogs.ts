import type { BrowserWindow, Dialog } from 'electron';

/** A file type offered in a dialog: a Danish name and extensions without the dot. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native file dialogs (injected into the features that use them, so tests can answer for the user). */
export interface FileDialogs {
  /** The path the user chose to save to, or null when cancelled. */
  saveFile(window: BrowserWindow | null, options: { title: string; defaultName: string; filter: FileFilter }): Promise<string | null>;
  /** The file the user chose to open, or null when cancelled. */
  openFile(window: BrowserWindow | null, options: { title: string; filter: FileFilter }): Promise<string | null>;
}

/** The dialogs over Electron's `dialog`, starting in `defaultFolder` (the user's Documents folder). */
export function electronFileDialogs(dialog: Dialog, defaultFolder: () => string): FileDialogs {
  return {
    async saveFile(window, { title, defaultName, filter }) {
      const options = { title, defaultPath: `${defaultFolder()}/${defaultName}`, filters: [filter], properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(window, { title, filter }) {
      const options = { title, defaultPath: defaultFolder(), filters: [filter, { name: 'Alle filer', extensions: ['*'] }], properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
    },
  };
}
