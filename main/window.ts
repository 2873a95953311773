import path from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { isInternalUrl } from '@shared/security/trusted-url';
import { PRODUCT_NAME } from './paths';
import { DEFAULT_SIZE, type WindowPlacement } from './window-state';

/**
 * The app's one window, shown once the page has painted (the page's skeleton, so no white flash)
 * at the remembered place and size.
 */
export function createMainWindow(devServerUrl: string | null, placement: WindowPlacement = { bounds: DEFAULT_SIZE, maximized: false }): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 1024,
    minHeight: 640,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: '#f5f5f5',
    // The hardened defaults (SPEC §9), spelled out here so that scanners and reviewers see them.
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
  window.webContents.on('will-navigate', (event, url) => {
    if (!isInternalUrl(url, devServerUrl)) event.preventDefault();
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(path.join(__dirname, '../renderer/index.html'));
  return window;
}
