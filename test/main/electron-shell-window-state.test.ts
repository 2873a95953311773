import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { ShellStateFile } from '../../main/electron/shell-state';
import { restorePlacement, trackWindowState } from '../../main/electron/window-state';
import { BrowserWindow as FakeWindow } from './electron-shell-fake';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

// A 1366×768 laptop (taskbar 40 px) with a 1920×1080 monitor to its right.
const LAPTOP = { x: 0, y: 0, width: 1366, height: 728 };
const MONITOR = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('window placement', () => {
  it('first run: the designed size, shrunk to fit the work area, centred', () => {
    expect(restorePlacement(undefined, [LAPTOP])).toEqual({ bounds: { width: 1366, height: 728 }, maximized: false });
    expect(restorePlacement(undefined, [MONITOR])).toEqual({ bounds: { width: 1366, height: 768 }, maximized: false });
  });

  it('keeps a window saved on the second monitor there, maximized or not', () => {
    const saved = { x: 1500, y: 100, width: 1600, height: 900, maximized: true };
    expect(restorePlacement(saved, [LAPTOP, MONITOR])).toEqual({ bounds: { x: 1500, y: 100, width: 1600, height: 900 }, maximized: true });
  });

  it('centres on the primary display a window whose monitor was unplugged', () => {
    const saved = { x: 1500, y: 100, width: 1600, height: 900, maximized: false };
    expect(restorePlacement(saved, [LAPTOP])).toEqual({ bounds: { width: 1366, height: 728 }, maximized: false });
    // Title bar above the top edge: it could not be dragged back either.
    expect(restorePlacement({ x: 100, y: -200, width: 800, height: 600, maximized: false }, [LAPTOP]).bounds).toEqual({
      width: 800,
      height: 600,
    });
  });

  it('pulls a window hanging off the edge back inside, no larger than the display', () => {
    const saved = { x: 1000, y: 300, width: 1366, height: 768, maximized: false };
    expect(restorePlacement(saved, [LAPTOP])).toEqual({ bounds: { x: 0, y: 0, width: 1366, height: 728 }, maximized: false });
    expect(restorePlacement({ x: 900, y: 200, width: 800, height: 600, maximized: false }, [LAPTOP]).bounds).toEqual({
      x: 566,
      y: 128,
      width: 800,
      height: 600,
    });
  });
});

describe('remembering the window', () => {
  it('saves the normal bounds and the maximized flag to the shell-state file', async () => {
    const dir = await newDir();
    const file = path.join(dir, 'shell-state.json');
    const state = await ShellStateFile.open(file, (error) => {
      throw error;
    });
    const window = new FakeWindow({});
    trackWindowState(window as unknown as BrowserWindow, state);

    window.normalBounds = { x: 200, y: 50, width: 1280, height: 720 };
    window.maximized = true;
    window.emit('maximize');
    await state.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ window: { x: 200, y: 50, width: 1280, height: 720, maximized: true } });

    window.maximized = false;
    window.normalBounds = { x: 210, y: 60, width: 1200, height: 700 };
    window.emit('close');
    await state.flush();
    const reopened = await ShellStateFile.open(file, () => undefined);
    expect(reopened.get().window).toEqual({ x: 210, y: 60, width: 1200, height: 700, maximized: false });
  });

  it('starts from defaults when the file is damaged, and keeps unrelated settings when updating', async () => {
    const dir = await newDir();
    const file = path.join(dir, 'shell-state.json');
    await writeFile(file, '{"window": {"x": "left"');
    const state = await ShellStateFile.open(file, () => undefined);
    expect(state.get()).toEqual({});
    await state.update({ lastFolder: 'D:\\报送' });
    await state.update({ window: { x: 1, y: 2, width: 1100, height: 700, maximized: false } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      lastFolder: 'D:\\报送',
      window: { x: 1, y: 2, width: 1100, height: 700, maximized: false },
    });
  });
});
