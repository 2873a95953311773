import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ApiMethod, ApiResults, Result } from '../../shared/api/contract';
import type { DataDoc } from '../../shared/storage/types';
import { libraryFileNames, readLibraryFolder } from '../../main/server/storage/library-folder';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * Screenshots are for a person to look at (nothing compares them): taken only when SCREENS_DIR
 * names a folder, e.g. `SCREENS_DIR=/tmp/screens npx playwright test`.
 */
export const SCREENS_DIR = process.env['SCREENS_DIR'] ?? '';
/**
 * What global-setup.ts prepares once per run, the bundled programs and the demo libraries: a
 * folder of the run's own under .tmp (so runs side by side do not share one), named in this variable.
 */
export const E2E_DIR_VARIABLE = 'BAOBAO_E2E_DIR';
function e2eDir(): string {
  const dir = process.env[E2E_DIR_VARIABLE];
  if (!dir) throw new Error(`${E2E_DIR_VARIABLE} 未设置：请用 npx playwright test 运行（它的 global setup 准备示例库）`);
  return dir;
}
export const binFile = (name: string): string => path.join(e2eDir(), 'bin', name);
export const WEB_DIST = process.env['WEB_DIST'] ?? path.join(ROOT, 'dist-web');

/** The demo libraries generated once per run: district (~2,500 主体) and city scale, each also with the plan year's 督导 plan. */
export const LIBRARIES = ['district', 'district-planned', 'city', 'city-planned'] as const;
export type Library = (typeof LIBRARIES)[number];
export const libraryFile = (library: Library, dir = e2eDir()): string => path.join(dir, 'libraries', library, 'data.json');

/** Puts a copy of a demo library (data.json and the files its history is kept in) into an empty data folder. */
export async function copyLibrary(library: Library, dataDir: string): Promise<void> {
  await copyLibraryFiles(path.dirname(libraryFile(library)), dataDir);
}

/** Copies the library files of one data folder into another. */
export async function copyLibraryFiles(from: string, to: string): Promise<void> {
  for (const name of libraryFileNames(from)) await copyFile(path.join(from, name), path.join(to, name));
}

/** The library a data folder holds on disk (what a restart would load). */
export async function readLibraryOf(dataDir: string): Promise<DataDoc> {
  const check = await readLibraryFolder(dataDir, { log: 'read' });
  if (!check?.ok) throw new Error(`${dataDir}：${check ? check.reason : '没有数据文件'}`);
  return check.doc;
}

/** Runs the real CLI (bundled by global-setup.ts, so no TypeScript is compiled per call) and returns its stdout. */
export function cli(args: readonly string[], timeoutMs = 60_000): string {
  return execFileSync(process.execPath, [binFile('cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
}

/** Office screens are 1366×768: the page itself never scrolls (tables scroll inside). */
export async function expectNoPageOverflow(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  expect(size.width).toBeLessThanOrEqual(1366);
  expect(size.height).toBeLessThanOrEqual(768);
}

export interface Harness {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly dataDir: string;
  /** Headers of an API call made from the test itself: JSON and the secret the page gets with index.html. */
  readonly apiHeaders: Readonly<Record<string, string>>;
  /** The library as it is on disk right now (what a restart would load). */
  readDoc(): Promise<DataDoc>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * An existing data folder (e.g. one the CLI filled) instead of a fresh empty one. It belongs
   * to the caller: stop() leaves it in place.
   */
  readonly dataDir?: string;
  /** A fresh folder with a copy of this demo library instead of an empty one (removed by stop()). */
  readonly library?: Library;
}

/**
 * Starts the real web harness (`main/server/web/start.ts`, bundled by global-setup.ts) on a data
 * folder (a fresh temporary one unless `options.dataDir` is given) and a free port, and stops it
 * again. The renderer must be built first (dist-web).
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('dist-web 不存在：请先运行 npx vite build --config vite.web.config.ts（npm run test:e2e 会自动构建）');
  }
  const ownFolder = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-')));
  if (options.library) await copyLibrary(options.library, dataDir);
  // Its own process group, so stop() ends it and anything it starts.
  const child = spawn(process.execPath, [binFile('web-harness.mjs'), '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WEB_DIST },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`网页调试服务 30 秒内未启动：\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`网页调试服务已退出（代码 ${code}）：\n${output}`));
    });
  });

  const page = await (await fetch(url)).text();
  const apiHeaders = {
    'content-type': 'application/json',
    'x-api-token': /<meta name="api-token" content="([^"]+)">/.exec(page)?.[1] ?? '',
  };

  return {
    url,
    dataDir,
    apiHeaders,
    readDoc: () => readLibraryOf(dataDir),
    stop: async () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
      if (ownFolder) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the page (or one part of it) shows, as SCREENS_DIR/name.png when SCREENS_DIR is set. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  if (SCREENS_DIR) await target.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}

/**
 * A service call through the page's own way to the server (./api/<method>, with the token the page
 * holds), so what a test reads or changes goes through the same harness as the screen.
 */
export async function callFromPage<M extends ApiMethod>(page: Page, method: M, input: unknown): Promise<ApiResults[M]> {
  const result = await page.evaluate(
    async ([m, body]) => {
      const response = await fetch(`./api/${encodeURIComponent(m)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-token': document.querySelector<HTMLMetaElement>('meta[name="api-token"]')?.content ?? '',
        },
        body: JSON.stringify(body),
      });
      return (await response.json()) as unknown;
    },
    [method, input] as const,
  );
  const typed = result as Result<ApiResults[M]>;
  if (!typed.ok) throw new Error(`${method} 失败：${typed.error.message}`);
  return typed.value;
}

/**
 * On the import screen's preview of 包保主体: 确认导入 `rows` 条, then 导入 in the dialog that asks,
 * after `check` has looked at the dialog.
 */
export async function confirmImport(
  page: Page,
  rows: number,
  check: (dialog: Locator) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.getByRole('button', { name: `确认导入 ${rows} 条` }).click();
  const dialog = page.getByRole('dialog', { name: `确认导入 ${rows} 条包保主体？` });
  await check(dialog);
  await clickWhenOpen(dialog.getByRole('button', { name: /导\s*入/ }));
}

/** What the import said after its commit: the success page, or any notice (a refusal, a re-preview, an error) in its own words. */
export function importOutcome(page: Page): Locator {
  return page
    .getByText(/^导入完成：/)
    .or(page.locator('.ant-message-notice'))
    .first();
}

/** Until the page's dialogs and drawers have ended their opening or closing motion (spinners go on). */
export async function motionEnded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
}

/**
 * Clicks a confirm dialog's OK once the dialog has opened: focused (antd does it as the dialog
 * appears) and its zoom ended. CI runs lost the import with 导入 focused and clicked while the
 * dialog still grew, the dialog left open; likely the press and the release fell on different
 * places, so no click reached the button.
 */
async function clickWhenOpen(ok: Locator): Promise<void> {
  await expect(ok).toBeFocused();
  await motionEnded(ok.page());
  await ok.click();
}

/**
 * For a spec that makes its own libraries: `folder()` gives a new temp folder, and the harnesses put
 * in `servers` are stopped; both are cleaned up after each test.
 */
export function cleanedAfterEach(prefix: string): { readonly folder: () => Promise<string>; readonly servers: Harness[] } {
  const folders: string[] = [];
  const servers: Harness[] = [];
  test.afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const folder = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };
  return { folder, servers };
}
