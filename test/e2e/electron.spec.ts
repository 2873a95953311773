import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The Electron binary is fetched by the electron package on first use; machines without network
// (like the build machine) have none. Detect it without requiring 'electron', which would try
// to download it.
const root = path.resolve(import.meta.dirname, '../..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : '';
const builtMain = path.join(root, 'out', 'main', 'index.cjs');
const skipReason = !binary || !existsSync(binary)
  ? 'Electron 运行程序未安装（本机无法下载），Electron 端到端测试跳过；同样的流程已由网页调试模式的浏览器测试覆盖'
  : !existsSync(builtMain)
    ? '尚未构建 Electron 应用（npm run build），Electron 端到端测试跳过'
    : '';

// Said once, by the runner process that collects the tests (workers have TEST_WORKER_INDEX set).
if (skipReason && process.env['TEST_WORKER_INDEX'] === undefined) console.log(`跳过 skipped: ${skipReason}`);

test.describe('Electron app', () => {
  test.skip(skipReason !== '', skipReason);

  test('starts on an empty data folder with the first-run choices', async () => {
    const data = await mkdtemp(path.join(os.tmpdir(), 'baobao-electron-'));
    const app = await electron.launch({ executablePath: binary, args: [root, '--data', data] });
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('食安包保工作台');
    await expect(window.getByRole('button', { name: '载入示例数据' })).toBeVisible();
    // The page sees the bridge and nothing of Node.
    const globals = await window.evaluate(() => ({
      api: typeof (window as { api?: { invoke?: unknown } }).api?.invoke,
      require: typeof (window as { require?: unknown }).require,
      process: typeof (window as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
    await app.close();
  });
});
