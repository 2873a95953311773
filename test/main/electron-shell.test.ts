import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron module is the one thing replaced: a small fake that records what the shell does.
const fake = vi.hoisted(() => {
  const webContentsHandlers = new Map<string, (...args: unknown[]) => void>();
  const state = {
    windowOptions: null as Record<string, unknown> | null,
    openHandler: null as ((details: { url: string }) => { action: string }) | null,
    permissionHandler: null as ((wc: unknown, permission: string, cb: (allowed: boolean) => void) => void) | null,
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    opened: [] as string[],
    webContentsHandlers,
  };
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (handler: typeof state.openHandler) => (state.openHandler = handler),
      on: (event: string, handler: (...args: unknown[]) => void) => webContentsHandlers.set(event, handler),
    };
    constructor(options: Record<string, unknown>) {
      state.windowOptions = options;
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
    loadFile(): Promise<void> {
      return Promise.resolve();
    }
  }
  return {
    state,
    module: {
      BrowserWindow,
      session: { defaultSession: { setPermissionRequestHandler: (h: typeof state.permissionHandler) => (state.permissionHandler = h) } },
      shell: { openExternal: (url: string) => state.opened.push(url) },
      ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, handler) },
    },
  };
});
vi.mock('electron', () => fake.module);

const { createMainWindow } = await import('../../main/window');
const { registerIpc, INVOKE_CHANNEL } = await import('../../main/ipc/register');
const { smallDoc } = await import('./small-doc');
const { createHandlers } = await import('../../main/handlers');

describe('main window', () => {
  beforeEach(() => fake.state.webContentsHandlers.clear());

  it('uses the hardened web preferences with a CommonJS preload', () => {
    createMainWindow(null);
    expect(fake.state.windowOptions?.['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: expect.stringMatching(/preload\.cjs$/),
    });
  });

  it('denies new windows, opens web links outside, blocks foreign navigation and permissions', () => {
    createMainWindow(null);
    expect(fake.state.openHandler?.({ url: 'https://www.samr.gov.cn/' })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toContain('https://www.samr.gov.cn/');
    expect(fake.state.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });

    const navigate = fake.state.webContentsHandlers.get('will-navigate');
    const foreign = { preventDefault: vi.fn() };
    navigate?.(foreign, 'https://evil.example/');
    expect(foreign.preventDefault).toHaveBeenCalled();
    const internal = { preventDefault: vi.fn() };
    navigate?.(internal, 'file:///app/out/renderer/index.html#/cadres');
    expect(internal.preventDefault).not.toHaveBeenCalled();

    const decisions: boolean[] = [];
    fake.state.permissionHandler?.({}, 'media', (allowed) => decisions.push(allowed));
    expect(decisions).toEqual([false]);
  });
});

describe('IPC registration', () => {
  it('serves the contract on one channel to the app pages only', async () => {
    const doc = smallDoc();
    const store = { dataDir: '/tmp/x', version: 1, read: () => doc, update: vi.fn(), replace: vi.fn() };
    registerIpc(createHandlers({ store, now: () => new Date() }), null);
    const handler = fake.state.ipcHandlers.get(INVOKE_CHANNEL);
    const fromApp = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };

    expect(await handler?.(fromApp, 'entities:get', { id: 'e1' })).toMatchObject({ ok: true, value: { entity: { name: '内蒙古食用油有限公司' } } });
    expect(await handler?.(fromElsewhere, 'entities:get', { id: 'e1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.(fromApp, 'entities:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(store.update).not.toHaveBeenCalled();
  });
});
