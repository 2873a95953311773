import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { DataDoc } from '../../shared/storage/types';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENS_DIR = path.join(process.env['SCREENS_DIR'] ?? path.join(ROOT, 'test-results'), 'screens');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs the real CLI (e.g. to prepare a data folder) and returns its stdout. */
export function cli(args: readonly string[], timeoutMs = 60_000): string {
  return execFileSync(TSX, ['main/server/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
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
  /** Fills the empty folder with the city-scale demo through the API, skipping the welcome screen. */
  loadDemo(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * An existing data folder (e.g. one the CLI filled) instead of a fresh empty one. It belongs
   * to the caller: stop() leaves it in place.
   */
  readonly dataDir?: string;
}

/**
 * Starts the real web harness (`tsx main/server/web/start.ts`) on a data folder (a fresh temporary one
 * unless `options.dataDir` is given) and a free port, and stops it again. The renderer must be
 * built first (dist-web).
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(path.join(process.env['WEB_DIST'] ?? path.join(ROOT, 'dist-web'), 'index.html'))) {
    throw new Error('dist-web 不存在：请先运行 npx vite build --config vite.web.config.ts（npm run test:e2e 会自动构建）');
  }
  const ownFolder = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-')));
  // Its own process group, so stop() also ends the node process tsx starts under it.
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['main/server/web/start.ts', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
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
  const apiHeaders = { 'content-type': 'application/json', 'x-api-token': /<meta name="api-token" content="([^"]+)">/.exec(page)?.[1] ?? '' };

  return {
    url,
    dataDir,
    apiHeaders,
    readDoc: async () => JSON.parse(await readFile(path.join(dataDir, 'data.json'), 'utf8')) as DataDoc,
    loadDemo: async () => {
      const response = await fetch(`${url}api/app:loadDemo`, {
        method: 'POST',
        headers: apiHeaders,
        body: JSON.stringify({ scale: 'city' }),
      });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(`载入示例数据失败：${result.error?.message}`);
    },
    stop: async () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
      if (ownFolder) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  return path.join(SCREENS_DIR, `${name}.png`);
}
