import path from 'node:path';
import { app, dialog, screen } from 'electron';
import type { ApiHandlers } from '@shared/api/contract';
import { createDesktopHandlers, registerDesktopIpc } from './desktop-ipc';
import { Dialogs } from './dialogs';
import { registerIpc } from './ipc/register';
import { catchFatalErrors, createFatalErrorReporter, logPageErrors, startLogging } from './logging';
import { createMenuActions, installMenu } from './menu';
import { PRODUCT_NAME } from '../server/paths';
import { openServices } from '../server/services';
import { ShellStateFile } from './shell-state';
import { createMainWindow, devServerUrlOf } from './window';
import { restorePlacement, trackWindowState } from './window-state';

/** Same as electron-builder.yml's appId: Windows groups the taskbar button and shortcuts by it. */
const APP_USER_MODEL_ID = 'cn.gov.samr.baobao.workbench';

/** The folder given after `flag` on the command line, if any. */
function folderArg(flag: string): string | null {
  const index = process.argv.indexOf(flag);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ? path.resolve(value) : null;
}

async function start(): Promise<void> {
  app.setName(PRODUCT_NAME);
  // `--user-data DIR` moves the shell's own files (logs, window placement, the one-instance
  // lock) elsewhere, e.g. for tests; it must be set before the lock is taken.
  const userData = folderArg('--user-data');
  if (userData) app.setPath('userData', userData);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAppUserModelId(APP_USER_MODEL_ID);
  // `--data DIR` overrides the default library folder inside userData.
  const dataDir = folderArg('--data') ?? path.join(app.getPath('userData'), 'data');
  const logsDir = path.join(app.getPath('userData'), 'logs');
  const log = startLogging(logsDir);
  const reportFatal = createFatalErrorReporter({ log, version: app.getVersion(), logsDir, dataDir: () => dataDir });
  catchFatalErrors(reportFatal);
  log.info(`[app] ${PRODUCT_NAME} ${app.getVersion()} starting, data folder ${dataDir}`);

  await app.whenReady();
  const devServerUrl = devServerUrlOf(app.isPackaged);
  let handlers: ApiHandlers;
  let exportDir: string;
  try {
    ({ handlers } = await openServices(dataDir, { backupAtStart: true }));
    const info = await handlers['app:info']({});
    exportDir = info.exportDir;
    if (info.startWarning) log.warn(`[app] ${info.startWarning}`);
  } catch (error) {
    log.error('[app] could not open the data folder', error);
    dialog.showErrorBox(PRODUCT_NAME, error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const shellState = await ShellStateFile.open(path.join(app.getPath('userData'), 'shell-state.json'), (error) =>
    log.warn('[app] could not save the window and dialog settings', error),
  );
  const dialogs = new Dialogs(shellState, exportDir);
  registerIpc(handlers, devServerUrl, (folder) => dialogs.mayUse(folder));
  registerDesktopIpc(createDesktopHandlers(dialogs), devServerUrl, log);

  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const window = createMainWindow(
    devServerUrl,
    restorePlacement(
      shellState.get().window,
      [primary, ...others].map((display) => display.workArea),
    ),
  );
  trackWindowState(window, shellState);
  logPageErrors(window.webContents, log, reportFatal);
  installMenu(createMenuActions({ window, dialogs, log, version: app.getVersion(), dataDir, exportDir, logsDir }));

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // The window's last placement is on disk before the process ends (app.quit() skips window-all-closed).
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void shellState.flush().finally(() => {
      flushed = true;
      app.quit();
    });
  });
}

void start();
