import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cascade, parseWindowState, placeWindow, readWindowState, writeWindowState, CASCADE_OFFSET } from '../../../electron/window-state';
import { AgendaWindows, agendaIdOfUrl } from '../../../electron/agenda-windows';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window placement', () => {
  it('centres the default size on the primary display when nothing is remembered', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: { x: 120, y: 13, width: 1200, height: 850 }, maximized: false });
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
  });

  it('keeps remembered bounds that are visible, on whichever display', () => {
    const state = { bounds: { x: 1600, y: 100, width: 1300, height: 900 }, maximized: true };
    expect(placeWindow(state, [laptop, external])).toEqual(state);
  });

  it('moves a window whose display was unplugged back onto the primary display', () => {
    const state = { bounds: { x: 1600, y: 100, width: 1300, height: 900 }, maximized: false };
    expect(placeWindow(state, [laptop])).toEqual({ bounds: { x: 120, y: 13, width: 1200, height: 850 }, maximized: false });
  });

  it('pulls a partly visible window fully onto its display and shrinks it to fit', () => {
    const state = { bounds: { x: 1000, y: -50, width: 3000, height: 800 }, maximized: false };
    expect(placeWindow(state, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 800 });
    const offRight = { bounds: { x: 1300, y: 300, width: 800, height: 600 }, maximized: false };
    expect(placeWindow(offRight, [laptop]).bounds).toEqual({ x: 640, y: 275, width: 800, height: 600 });
  });

  it('reads only well-formed state', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false })).toEqual({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
    for (const bad of [null, 'x', {}, { bounds: { x: 1, y: 2, width: 800, height: 600 } }, { bounds: { x: 1.5, y: 2, width: 800, height: 600 }, maximized: false }, { bounds: { x: 1, y: 2, width: -5, height: 600 }, maximized: false }, { bounds: { x: 1e9, y: 2, width: 800, height: 600 }, maximized: false }, { bounds: { x: '1', y: 2, width: 800, height: 600 }, maximized: false }]) {
      expect(parseWindowState(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('cascades further windows so none hides another', () => {
    const bounds = { x: 100, y: 100, width: 800, height: 600 };
    expect(cascade(bounds, [], laptop)).toEqual(bounds);
    expect(cascade(bounds, [{ x: 100, y: 100 }], laptop)).toMatchObject({ x: 100 + CASCADE_OFFSET, y: 100 + CASCADE_OFFSET });
    expect(cascade({ ...bounds, x: 600, y: 270 }, [{ x: 600, y: 270 }], laptop)).toMatchObject({ x: 0, y: 0 });
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'dagsorden-window-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips, and treats a damaged or missing file as nothing remembered', async () => {
    const file = path.join(dir, 'window-state.json');
    const log = vi.fn();
    expect(await readWindowState(file, log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
    const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true };
    await writeWindowState(file, state);
    expect(await readWindowState(file, log)).toEqual(state);
    await writeFile(file, '{"bounds": ');
    expect(await readWindowState(file, log)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/vinduesplaceringen .* er ugyldig/));
  });
});

/** A stand-in for a BrowserWindow: its URL, bounds and the calls the manager makes. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  minimized = false;
  focused = 0;
  constructor(public url: string, public bounds: { x: number; y: number; width: number; height: number }) {
    super();
  }
  webContents = { getURL: () => this.url };
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => (this.minimized = false);
  show = () => undefined;
  focus = () => this.focused++;
  getBounds = () => this.bounds;
  getNormalBounds = () => this.bounds;
  isMaximized = () => false;
  close() {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
}

describe('agenda windows', () => {
  let dir: string;
  const managers: AgendaWindows[] = [];
  beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'dagsorden-windows-'))));
  // A closed window's placement is written in the background: let it finish before the folder goes.
  afterEach(async () => {
    await Promise.all(managers.splice(0).map((windows) => windows.saved()));
    await rm(dir, { recursive: true, force: true });
  });

  function manager() {
    const opened: FakeWindow[] = [];
    const windows = new AgendaWindows({
      open: (placement, url) => {
        const window = new FakeWindow(url, placement.bounds);
        opened.push(window);
        return window as never;
      },
      workAreas: () => [laptop],
      stateFile: path.join(dir, 'window-state.json'),
      log: vi.fn(),
    });
    managers.push(windows);
    return { windows, opened };
  }

  it('opens one window per agenda, and focuses the existing one for the same agenda', async () => {
    const { windows, opened } = manager();
    await windows.load();
    windows.openAgenda('kkr-midt-2024');
    expect(opened[0]!.url).toBe('dagsorden://app/index.html#/dagsorden/kkr-midt-2024');
    opened[0]!.minimized = true;
    windows.openAgenda('kkr-midt-2024');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.focused).toBe(1);
    expect(opened[0]!.minimized).toBe(false);
    windows.openAgenda('kkr-nord-2024');
    expect(opened).toHaveLength(2);
    expect(opened[1]!.bounds).not.toEqual(opened[0]!.bounds);
  });

  it('knows the agenda a window navigated to by itself, and forgets closed windows', async () => {
    const { windows, opened } = manager();
    windows.openStart();
    opened[0]!.url = 'dagsorden://app/index.html#/dagsorden/kkr-syd-2025';
    windows.openAgenda('kkr-syd-2025');
    expect(opened).toHaveLength(1);
    opened[0]!.close();
    expect(windows.count).toBe(0);
    windows.openAgenda('kkr-syd-2025');
    expect(opened).toHaveLength(2);
  });

  it('remembers the placement of a closed window for the next one, on disk', async () => {
    const { windows, opened } = manager();
    await windows.load();
    windows.openStart();
    opened[0]!.bounds = { x: 40, y: 30, width: 1000, height: 700 };
    opened[0]!.close();
    await vi.waitFor(async () => expect(JSON.parse(await readFile(path.join(dir, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false }));
    windows.openStart();
    expect(opened[1]!.bounds).toEqual({ x: 40, y: 30, width: 1000, height: 700 });
    const next = manager();
    await next.windows.load();
    next.windows.openStart();
    expect(next.opened[0]!.bounds).toEqual({ x: 40, y: 30, width: 1000, height: 700 });
  });

  it('reads agenda ids only from the app\'s own agenda route', () => {
    expect(agendaIdOfUrl('dagsorden://app/index.html#/dagsorden/abc-123')).toBe('abc-123');
    expect(agendaIdOfUrl('dagsorden://app/index.html#/')).toBeNull();
    expect(agendaIdOfUrl('dagsorden://app/index.html#/dagsorden/../../x')).toBeNull();
    expect(agendaIdOfUrl('not a url')).toBeNull();
  });
});
