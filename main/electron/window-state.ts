import type { BrowserWindow } from 'electron';
import type { SavedWindow, ShellStateFile } from './shell-state';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where and how big the window opens; no x/y means centred by Electron. */
export interface WindowPlacement {
  readonly bounds: { readonly x?: number; readonly y?: number; readonly width: number; readonly height: number };
  readonly maximized: boolean;
}

/** The office screen the app is designed for. */
export const DEFAULT_SIZE = { width: 1366, height: 768 } as const;
/** A window must show this much of its title bar on a display to be dragged back. */
const GRIP = { width: 120, height: 32 } as const;

function gripVisibleOn(window: Rect, area: Rect): boolean {
  const overlapX = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  return overlapX >= GRIP.width && window.y >= area.y && window.y + GRIP.height <= area.y + area.height;
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

/**
 * The saved placement, kept on a display: a window whose title bar is no longer on any display
 * (a monitor was unplugged, the resolution shrank) is centred on the primary display instead;
 * it is never larger than the display it opens on. `workAreas[0]` is the primary display.
 */
export function restorePlacement(saved: SavedWindow | undefined, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const area = saved ? workAreas.find((candidate) => gripVisibleOn(saved, candidate)) : undefined;
  const target = area ?? primary;
  const width = Math.min(saved?.width ?? DEFAULT_SIZE.width, target.width);
  const height = Math.min(saved?.height ?? DEFAULT_SIZE.height, target.height);
  const maximized = saved?.maximized ?? false;
  if (!saved || !area) return { bounds: { width, height }, maximized };
  return {
    bounds: {
      x: clamp(saved.x, area.x, area.x + area.width - width),
      y: clamp(saved.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized,
  };
}

/** Saves the window's normal (not maximized) bounds and maximized flag as the user moves it. */
export function trackWindowState(window: BrowserWindow, state: ShellStateFile): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized()) return;
    void state.update({ window: { ...window.getNormalBounds(), maximized: window.isMaximized() } });
  };
  // Moving and resizing fire many events; write once the user has let go.
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
}
