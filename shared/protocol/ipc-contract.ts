import type { AgendaFile } from '../agenda/agenda-file';
import { isValidAgendaId } from '../agenda/agenda-id';

/**
 * The contract between the renderer and Electron's main process. The preload exposes exactly
 * the functions of `DesktopApi` as `window.dagsorden` (nothing else, never `ipcRenderer`);
 * main validates every argument and the sender frame of every call (only the app's own
 * top-level page, `dagsorden://app`, may call). Channel names live only here.
 *
 * Conventions for the renderer:
 * - Calls reject only when main refuses a malformed call (a programming error). Everything a
 *   user can cause (a cancelled dialog, an invalid setting, an unreadable file, a failed
 *   export) comes back as a result value with a Danish message to show.
 * - Subscriptions (`onMenuCommand`, `onExportProgress`) return their unsubscribe function.
 * - In a browser `window.dagsorden` is undefined: check before use.
 */
export interface DesktopApi extends DesktopCalls, DesktopSubscriptions {}

/** The request/response operations (each one `ipcRenderer.invoke` on its own channel). */
export interface DesktopCalls {
  /**
   * Where and as whom to sync, and nothing more: the configured server's websocket URL and
   * the access token (`""` when none is stored). Null when no server is configured: the app
   * then works only locally. Ask again when opening an agenda (the user may have changed
   * the settings). The token goes on the websocket URL as `?token=` (TOKEN_PARAM) and in
   * `Authorization: Bearer` for the HTTP API at `httpUrl`.
   */
  getSyncConnection(): Promise<SyncConnection | null>;
  /** The desktop settings as the settings form shows them. The token itself never leaves main: only `hasToken`. */
  getSettings(): Promise<DesktopSettings>;
  /**
   * Validates and stores the settings. Field problems come back as `{ ok: false, errors }`
   * with a Danish message per field (nothing is stored then). A token is stored only
   * encrypted by the operating system (Electron safeStorage); where that is unavailable the
   * token is refused with `errors.token` and nothing is stored. New windows use the new
   * server in their Content-Security-Policy; an open window's page keeps the policy it was
   * loaded with, so reload or reopen agendas after changing server.
   */
  saveSettings(update: SettingsUpdate): Promise<SaveSettingsResult>;
  /**
   * Opens the agenda in its own window (`#/dagsorden/<id>`, see `agendaRouteHash`), or
   * focuses the window that already shows it. `id` must pass isValidAgendaId.
   */
  openAgendaWindow(id: string): Promise<void>;
  /**
   * Opens an http, https or mailto link in the system browser/mail program after the user
   * confirmed it in a dialog. Resolves true when opened, false when the user declined.
   * Other schemes are refused (rejects).
   */
  openExternal(url: string): Promise<boolean>;
  /**
   * "Eksportér PDF …": asks where to save (a save dialog), compiles the agenda in a separate
   * process (the window stays responsive; progress via `onExportProgress`) and writes the
   * PDF atomically. `agenda` must be a valid agenda file (parseAgendaFile); an invalid one
   * comes back as `failed` with the reason. One export per window at a time.
   */
  exportPdf(request: ExportPdfRequest): Promise<ExportPdfResult>;
  /** Cancels this window's running export (its `exportPdf` then resolves `canceled`). No-op when none runs. */
  cancelExport(): Promise<void>;
  /**
   * "Gem kopi": asks where to save, then writes the copy's bytes (`encodeAgendaCopy` of
   * shared/agenda/agenda-copy.ts) to a `.dagsorden-kopi` file atomically. At most MAX_COPY_BYTES.
   */
  saveCopy(request: SaveCopyRequest): Promise<FileSaveResult>;
  /**
   * "Åbn kopi": asks for a `.dagsorden-kopi` file and returns its bytes (at most
   * MAX_COPY_BYTES). Main does not interpret them: the renderer checks and merges them
   * (`mergeAgendaCopy` of shared/agenda/agenda-copy.ts), or shows the AgendaCopyError's message.
   */
  openCopy(): Promise<OpenCopyResult>;
  /**
   * "Importér …": asks for a `.dagsorden.json` agenda file, reads it (at most
   * MAX_AGENDA_FILE_BYTES) and returns it checked by parseAgendaFileText, or why it is not one.
   */
  importAgendaFile(): Promise<ImportAgendaFileResult>;
}

/** The events main sends to one window (each on its own channel; the preload passes only the checked payload). */
export interface DesktopSubscriptions {
  /**
   * Calls `listener` with each command chosen in the menu (or by its shortcut) while this
   * window is focused. The renderer acts on the document; it must not also bind the keys of
   * `MENU_ACCELERATORS` (the menu takes them), except `undo`/`redo`, whose keys stay with the
   * editor. Returns the unsubscribe function.
   */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Calls `listener` as this window's PDF export progresses. Returns the unsubscribe function. */
  onExportProgress(listener: (progress: ExportProgress) => void): () => void;
}

/** Where and as whom to sync. */
export interface SyncConnection {
  /** The sync server's websocket URL, e.g. `wss://dagsorden.kl.dk` (no trailing slash). */
  url: string;
  /** The same server's HTTP base URL for the agenda API, e.g. `https://dagsorden.kl.dk`. */
  httpUrl: string;
  /** The access token, or `""` when none is stored. */
  token: string;
}

/** The desktop settings as shown in the settings form (without the token itself). */
export interface DesktopSettings {
  /** The sync server as the user entered it (ws, wss, http or https), or null for local-only work. */
  serverUrl: string | null;
  userName: string;
  initials: string;
  /** The user's colour for presence, `#rrggbb` (lowercase). */
  color: string;
  /** True when an (encrypted) access token is stored. */
  hasToken: boolean;
  /** False when the operating system offers no encrypted storage: a token cannot be saved then. */
  tokenStorageAvailable: boolean;
}

/** What the settings form saves. */
export interface SettingsUpdate {
  /** ws://, wss://, http:// or https:// URL of the sync server, or null (or "") for none. */
  serverUrl: string | null;
  /** 0–80 characters. */
  userName: string;
  /** 0–6 letters or digits. */
  initials: string;
  /** `#rrggbb`. */
  color: string;
  /** A new access token; null removes the stored one; absent keeps it. */
  token?: string | null;
}

/** The outcome of saveSettings. */
export type SaveSettingsResult =
  | { ok: true; settings: DesktopSettings }
  | { ok: false; errors: Partial<Record<keyof SettingsUpdate, string>> };

/** A command from the application menu, sent to the focused window's renderer. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Every menu command. The renderer handles each:
 * - `newAgenda` (Filer › Ny dagsorden): create a new agenda from the KKR template (open it
 *   in this window from the start screen, or via openAgendaWindow from an agenda window).
 * - `openAgenda` (Filer › Åbn …): show the agenda list (start screen).
 * - `importAgendaFile` (Filer › Importér …): call importAgendaFile() and open the result as a new agenda.
 * - `exportPdf` (Filer › Eksportér PDF …): call exportPdf() with the open agenda (ask public/PDF-UA first).
 * - `saveCopy` / `openCopy` (Filer › Gem kopi / Åbn kopi): call saveCopy() / openCopy().
 * - `openSettings` (Filer › Indstillinger … ; on macOS Dagsorden › Indstillinger …).
 * - `undo` / `redo` (Rediger › Fortryd / Gentag): the collaborative undo manager's undo/redo
 *   (the menu shows Mod-Z / Mod-Shift-Z but leaves those keys to the editor).
 * - `find` (Rediger › Søg).
 * - `insertSection`, `insertItem`, `insertIndstilling`, `insertEnclosure` (Indsæt › Sektion,
 *   Punkt, Indstilling, Bilagsmarkering ./.).
 * - `toggleOutline` (Vis › Oversigt).
 * - `showShortcuts` (Hjælp › Genvejstaster).
 * Clipboard, zoom, close, quit and "Om Dagsorden" are handled by main itself.
 */
export const MENU_COMMANDS = [
  'newAgenda',
  'openAgenda',
  'importAgendaFile',
  'exportPdf',
  'saveCopy',
  'openCopy',
  'openSettings',
  'undo',
  'redo',
  'find',
  'insertSection',
  'insertItem',
  'insertIndstilling',
  'insertEnclosure',
  'toggleOutline',
  'showShortcuts',
] as const;

/**
 * The shortcut of each menu command, in Electron's accelerator syntax (`CmdOrCtrl` is ⌘ on
 * macOS, Ctrl elsewhere). The menu registers them, except `undo` and `redo`: those are only
 * shown, and the editor's own keymap (the collaborative undo manager) handles the keys.
 * Avoids Ctrl+Alt (AltGr on Danish Windows keyboards: @, £, $, {, [ …) and the editor's own
 * marks (Mod-B, Mod-I).
 */
export const MENU_ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  newAgenda: 'CmdOrCtrl+N',
  openAgenda: 'CmdOrCtrl+O',
  exportPdf: 'CmdOrCtrl+E',
  saveCopy: 'CmdOrCtrl+Shift+S',
  openCopy: 'CmdOrCtrl+Shift+O',
  openSettings: 'CmdOrCtrl+,',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  find: 'CmdOrCtrl+F',
  insertSection: 'CmdOrCtrl+Shift+Enter',
  insertItem: 'CmdOrCtrl+Enter',
  insertIndstilling: 'CmdOrCtrl+Shift+5',
  insertEnclosure: 'CmdOrCtrl+Shift+.',
  // Not Shift+L: the editor uses it for "lukket punkt".
  toggleOutline: 'CmdOrCtrl+Shift+U',
  showShortcuts: 'F1',
};

/** True for a known menu command. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What exportPdf exports. */
export interface ExportPdfRequest {
  /** The agenda as an agenda file (meeting facts + body), e.g. from `ydocToAgendaFile`. */
  agenda: AgendaFile;
  /** The public version: closed items show number and title only. */
  public: boolean;
  /** PDF/UA-1 output. */
  pdfUa: boolean;
}

/** The outcome of exportPdf. `fileName` is the chosen file's name (without its folder). */
export type ExportPdfResult =
  | { status: 'saved'; fileName: string }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

/** A step of a running export, in this order. */
export interface ExportProgress {
  stage: 'starting' | 'compiling' | 'writing' | 'done';
  /** A Danish line to show ("Sætter dagsordenen …"). */
  message: string;
}

/** What saveCopy writes. */
export interface SaveCopyRequest {
  /** The copy's bytes: `encodeAgendaCopy(id, ydoc)`. */
  state: Uint8Array;
  /** The file name to propose, without extension (e.g. the agenda's title); 1–120 characters. */
  suggestedName: string;
}

/** The outcome of a save dialog and write. */
export type FileSaveResult =
  | { status: 'saved'; fileName: string }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

/** The outcome of openCopy. */
export type OpenCopyResult =
  | { status: 'opened'; state: Uint8Array; fileName: string }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

/** The outcome of importAgendaFile. */
export type ImportAgendaFileResult =
  | { status: 'opened'; agenda: AgendaFile; fileName: string }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

/** Copies ("Gem kopi") larger than this are refused, both ways. */
export const MAX_COPY_BYTES = 64 * 1024 * 1024;
/** The extension of a copy file (Yjs state), without the dot. */
export const COPY_FILE_EXTENSION = 'dagsorden-kopi';

/** The IPC channel of each call. */
export const IPC_CHANNELS = {
  getSyncConnection: 'dagsorden:get-sync-connection',
  getSettings: 'dagsorden:get-settings',
  saveSettings: 'dagsorden:save-settings',
  openAgendaWindow: 'dagsorden:open-agenda-window',
  openExternal: 'dagsorden:open-external',
  exportPdf: 'dagsorden:export-pdf',
  cancelExport: 'dagsorden:cancel-export',
  saveCopy: 'dagsorden:save-copy',
  openCopy: 'dagsorden:open-copy',
  importAgendaFile: 'dagsorden:import-agenda-file',
} as const satisfies Record<keyof DesktopCalls, string>;

/** The channel of each main → renderer event. */
export const IPC_EVENTS = {
  onMenuCommand: 'dagsorden:menu-command',
  onExportProgress: 'dagsorden:export-progress',
} as const satisfies Record<keyof DesktopSubscriptions, string>;

/** The names of the functions on `window.dagsorden`, for checks that nothing else is exposed. */
export const DESKTOP_API_KEYS = [...Object.keys(IPC_CHANNELS), ...Object.keys(IPC_EVENTS)] as Array<keyof DesktopApi>;

/** The location hash of an agenda's window: `#/dagsorden/<id>` (the renderer's agenda route). */
export function agendaRouteHash(id: string): string {
  return `#/dagsorden/${id}`;
}

/** The agenda id of a location hash made by agendaRouteHash, or null for any other hash. */
export function agendaIdOfHash(hash: string): string | null {
  const match = /^#\/dagsorden\/([^/?#]+)$/.exec(hash);
  return match && isValidAgendaId(match[1]) ? match[1]! : null;
}
