import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import type { LogLine } from './main-log';

/** A window's position and size in screen coordinates. */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the last window: where it was, and whether it was maximised. */
export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

/** The size of a window when nothing is remembered. */
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 850 } as const;
/** The smallest window the editor's layout works in. */
export const MIN_WINDOW_SIZE = { width: 720, height: 500 } as const;
/** How far each further window is moved so that it does not hide the one before it. */
export const CASCADE_OFFSET = 28;

/** A remembered state read from untrusted JSON (the file may be old, edited or damaged), or null. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) < 100_000)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized };
}

/**
 * Where to open a window: the remembered bounds moved and shrunk to lie wholly on the
 * display they overlap most (a display that was unplugged no longer counts), or centred on
 * the primary display when nothing is remembered or nothing of it is visible any more.
 * `workAreas` are the displays' usable areas; the first is the primary display's.
 */
export function placeWindow(remembered: WindowState | null, workAreas: WindowBounds[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height };
  const display = remembered ? bestDisplay(remembered.bounds, workAreas) : null;
  if (!remembered || !display) {
    const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
    return {
      bounds: { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height },
      maximized: remembered?.maximized ?? false,
    };
  }
  const width = clamp(remembered.bounds.width, Math.min(MIN_WINDOW_SIZE.width, display.width), display.width);
  const height = clamp(remembered.bounds.height, Math.min(MIN_WINDOW_SIZE.height, display.height), display.height);
  return {
    bounds: {
      x: clamp(remembered.bounds.x, display.x, display.x + display.width - width),
      y: clamp(remembered.bounds.y, display.y, display.y + display.height - height),
      width,
      height,
    },
    maximized: remembered.maximized,
  };
}

/**
 * Moves `bounds` down and right by CASCADE_OFFSET while another window already starts at the
 * same corner, staying on `workArea` (starting over at its corner when it would leave it).
 */
export function cascade(bounds: WindowBounds, occupied: Array<{ x: number; y: number }>, workArea: WindowBounds): WindowBounds {
  let { x, y } = bounds;
  for (let step = 0; step < 50 && occupied.some((o) => o.x === x && o.y === y); step++) {
    x += CASCADE_OFFSET;
    y += CASCADE_OFFSET;
    if (x + bounds.width > workArea.x + workArea.width || y + bounds.height > workArea.y + workArea.height) {
      x = workArea.x;
      y = workArea.y;
    }
  }
  return { ...bounds, x, y };
}

/** Reads the remembered window state; null (and a log line when the file is damaged) when there is none. */
export async function readWindowState(file: string, log: LogLine): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`kunne ikke læse vinduesplaceringen ${file}: ${(error as Error).message}`);
    return null;
  }
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    // Reported below like any other invalid content.
  }
  const state = parseWindowState(value);
  if (!state) log(`vinduesplaceringen i ${file} er ugyldig; bruger standardplaceringen`);
  return state;
}

/** Remembers the window state (atomically: a crash never leaves half a file). */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

function bestDisplay(bounds: WindowBounds, workAreas: WindowBounds[]): WindowBounds | null {
  let best: WindowBounds | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  // A sliver at the edge of a display is not "visible": the title bar must be reachable.
  return best && bestArea >= Math.min(bounds.width * bounds.height, 100 * 100) * 0.5 ? best : null;
}

function overlapArea(a: WindowBounds, b: WindowBounds): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
