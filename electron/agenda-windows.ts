import type { BrowserWindow } from 'electron';
import { agendaIdOfHash, agendaRouteHash } from '../shared/protocol/ipc-contract';
import { APP_START_URL } from './app-scheme';
import type { LogLine } from './main-log';
import { cascade, placeWindow, readWindowState, writeWindowState, type WindowBounds, type WindowState } from './window-state';

/** What AgendaWindows needs from Electron (injected, so it is tested with fakes). */
export interface AgendaWindowsDeps {
  /** Opens a window at `url` placed as `placement` says (main-window.ts's openAppWindow). */
  open(placement: WindowState, url: string): BrowserWindow;
  /** The work areas of the displays, the primary display's first. */
  workAreas(): WindowBounds[];
  /** The JSON file the last window's placement is remembered in. */
  stateFile: string;
  log: LogLine;
}

/**
 * The app's windows: the start screen, and one window per open agenda. Which agenda a window
 * shows is read from its URL (`#/dagsorden/<id>`), also when the page navigated there itself,
 * so opening an agenda that is already open focuses its window. The placement of the last
 * closed window is remembered for the next one.
 */
export class AgendaWindows {
  private readonly windows = new Set<BrowserWindow>();
  private remembered: WindowState | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AgendaWindowsDeps) {}

  /** Reads the remembered placement (call once before opening the first window). */
  async load(): Promise<void> {
    this.remembered = await readWindowState(this.deps.stateFile, this.deps.log);
  }

  /** Opens a window on the start screen (the agenda list). */
  openStart(): BrowserWindow {
    return this.open(APP_START_URL);
  }

  /** Focuses the window that shows agenda `id`, or opens one. `id` must already be validated. */
  openAgenda(id: string): BrowserWindow {
    const existing = this.windowOf(id);
    if (existing) {
      focus(existing);
      return existing;
    }
    return this.open(`${APP_START_URL}${agendaRouteHash(id)}`);
  }

  /** The open window that shows agenda `id`, if any. */
  windowOf(id: string): BrowserWindow | undefined {
    return [...this.windows].find((window) => !window.isDestroyed() && agendaIdOfUrl(window.webContents.getURL()) === id);
  }

  /** Brings a window to the front (when the app is started again), opening one if there is none. */
  focusAny(): void {
    const [first] = this.windows;
    if (first) focus(first);
    else this.openStart();
  }

  /** How many windows are open. */
  get count(): number {
    return this.windows.size;
  }

  private open(url: string): BrowserWindow {
    const workAreas = this.deps.workAreas();
    const placement = placeWindow(this.remembered, workAreas);
    const occupied = [...this.windows].filter((w) => !w.isDestroyed()).map((w) => w.getBounds());
    const display = workAreas.find((area) => contains(area, placement.bounds)) ?? workAreas[0];
    const bounds = display ? cascade(placement.bounds, occupied, display) : placement.bounds;
    const window = this.deps.open({ ...placement, bounds }, url);
    this.windows.add(window);
    window.on('close', () => this.remember(window));
    window.on('closed', () => this.windows.delete(window));
    return window;
  }

  private remember(window: BrowserWindow): void {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    this.remembered = state;
    // One write at a time, in order: the last closed window's placement is the one on disk.
    this.saving = this.saving
      .then(() => writeWindowState(this.deps.stateFile, state))
      .catch((error: Error) => this.deps.log(`kunne ikke huske vinduesplaceringen: ${error.message}`));
  }

  /** Resolves when every remembered placement has been written (or failed, which is logged). */
  saved(): Promise<void> {
    return this.saving;
  }
}

/** The agenda id a window URL shows, or null for the start screen or any other page. */
export function agendaIdOfUrl(url: string): string | null {
  try {
    return agendaIdOfHash(new URL(url).hash);
  } catch {
    return null;
  }
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function contains(area: WindowBounds, bounds: WindowBounds): boolean {
  return bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height;
}
