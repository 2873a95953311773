// npm start: build the app and launch Electron. The electron package fetches its binary on
// first use; where that download is impossible (offline machines), say so and point to the
// web harness instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const installedBinary = () => {
  const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return binary && existsSync(binary) ? binary : null;
};

if (!installedBinary()) {
  console.log('正在下载 Electron 运行程序（仅首次）… / downloading the Electron binary (first run only)…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'ignore'], timeout: 10 * 60 * 1000 });
}
const binary = installedBinary();
if (!binary) {
  console.error(
    '未能下载 Electron 运行程序（首次启动需联网），无法启动桌面窗口。\n' +
      '可改用网页调试模式：npm run web -- --data 数据文件夹，然后在浏览器打开它显示的地址。\n' +
      'Electron binary missing and could not be downloaded; use `npm run web` instead.',
  );
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 0);
