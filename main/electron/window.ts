import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, shell } from 'electron';
import { isInternalUrl } from '@shared/security/trusted-url';
import { PRODUCT_NAME } from '../server/paths';
import { DEFAULT_SIZE, type WindowPlacement } from './window-state';

/**
 * The app's one window, shown once the page has painted (the page's skeleton, so no white flash)
 * at the remembered place and size.
 */
export function createMainWindow(
  devServerUrl: string | null,
  placement: WindowPlacement = { bounds: DEFAULT_SIZE, maximized: false },
): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 1024,
    minHeight: 640,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: '#f5f5f5',
    // The hardened defaults (docs/architecture.md#trust-boundaries), spelled out here so that scanners and reviewers see them.
    webPreferences: {
      preload: path.join(__dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });

  // No new windows and no navigation away from the app; http(s) links open in the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Only the app's own page may load: not another local file either (a spreadsheet dropped beside
  // the import area would otherwise replace the app, and a dropped .html would get the bridge).
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, devServerUrl)) event.preventDefault();
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  void window.loadURL(appPageUrl(devServerUrl));
  return window;
}

/**
 * The renderer's dev server (electron-vite dev sets ELECTRON_RENDERER_URL). Never in the installed
 * app: there the variable would let anyone who starts it load another page with the bridge.
 */
export function devServerUrlOf(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  return isPackaged ? null : (env['ELECTRON_RENDERER_URL'] ?? null);
}

/** The app's one page: the dev server's in development, else the renderer's index.html shipped with main. */
export function appPageUrl(devServerUrl: string | null): string {
  return devServerUrl ?? pathToFileURL(path.join(__dirname, '../renderer/index.html')).href;
}

/** Whether `url` is the app's own page, at any #/screen; another local file or address is not. */
export function isAppPage(url: string, devServerUrl: string | null): boolean {
  return isInternalUrl(url, devServerUrl) && isSameDocument(url, appPageUrl(devServerUrl));
}

/** The same page, whatever its #/screen address (the page never loads another document). */
function isSameDocument(url: string, page: string): boolean {
  const withoutHash = (text: string): string => {
    const parsed = new URL(text);
    parsed.hash = '';
    return parsed.href;
  };
  return withoutHash(url) === withoutHash(page);
}
