import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = '食安包保工作台';

/**
 * Where the library lives when no --data is given: the `data` folder inside the per-user
 * application folder Electron uses (%APPDATA%\食安包保工作台 on Windows), so the app, the
 * CLI and the web harness share it by default and uninstalling the app keeps it.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  const appData =
    process.platform === 'win32'
      ? (process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'));
  return path.join(appData, PRODUCT_NAME, 'data');
}

/** Where bulk exports (handbooks, letters) go unless the user picks another folder. */
export function exportDirOf(dataDir: string): string {
  return path.join(dataDir, '导出');
}

/** Whether `target` is `folder` itself or inside it, once `..` and relative parts are resolved. */
export function isInsideFolder(target: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(target));
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
