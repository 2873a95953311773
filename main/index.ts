import path from 'node:path';
import { app, dialog } from 'electron';
import { registerIpc } from './ipc/register';
import { PRODUCT_NAME } from './paths';
import { openServices } from './services';
import { createMainWindow } from './window';

/** `--data DIR` on the command line overrides the default data folder inside userData. */
function dataDirFromArgs(): string {
  const index = process.argv.indexOf('--data');
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ? path.resolve(value) : path.join(app.getPath('userData'), 'data');
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setName(PRODUCT_NAME);
  await app.whenReady();
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'] ?? null;
  try {
    const { handlers } = await openServices(dataDirFromArgs(), { backupAtStart: true });
    registerIpc(handlers, devServerUrl);
  } catch (error) {
    dialog.showErrorBox(PRODUCT_NAME, error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const window = createMainWindow(devServerUrl);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
}

void start();
