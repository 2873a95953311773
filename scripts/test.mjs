// npm test: the guardrails (lint with the runtime boundaries, format check, typecheck, the Electron
// build), the web build and the browser tests' preparation all side by side, then the vitest projects
// (unit, dom, service, slow), then the browser tests (Playwright in the system Chromium against the
// web harness). Says how long each step took and ends with one plain line counting every test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp');
mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const timings = [];

/**
 * Runs one step to its end; resolves to whether it passed (and, with `keepOutput`, to its stdout
 * instead of showing it).
 */
function step(title, command, args, env = {}, keepOutput = false) {
  console.log(`\n=== ${title} ===`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['inherit', keepOutput ? 'pipe' : 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      timings.push(`${title} ${((performance.now() - started) / 1000).toFixed(0)} s`);
      resolve(keepOutput ? code === 0 && output.trim() : code === 0);
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const started = performance.now();
// Each of these is mostly one thread: side by side they keep both cores busy. The packaged entry
// points (main, preload, workers, renderer) are built by electron-vite only; the browser tests'
// bundles and demo libraries (test/e2e/prepare.ts) are made here instead of in Playwright's setup.
const [lintOk, formatOk, typecheckOk, electronOk, webOk, e2eDir] = await Promise.all([
  step('代码检查 lint', bin('eslint'), ['--cache', '--cache-location', path.join(reports, 'eslintcache'), '.']),
  step('格式检查 prettier', bin('prettier'), ['--check', '--log-level', 'warn', '.']),
  step('类型检查 typecheck', bin('tsc'), ['-b']),
  step('构建桌面程序 electron-vite build', bin('electron-vite'), ['build', '--logLevel', 'warn']),
  step('构建网页界面 build dist-web', bin('vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']),
  step('准备浏览器测试 e2e bundles and demo libraries', bin('tsx'), ['test/e2e/prepare.ts'], {}, true),
]);
const vitestFile = path.join(reports, 'vitest.json');
const vitestOk = await step('单元与服务测试 vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestFile}`,
]);
const playwrightFile = path.join(reports, 'playwright.json');
const playwrightOk =
  webOk &&
  (await step('浏览器测试 playwright', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile,
    // Without a prepared folder, Playwright's global setup makes one of its own.
    ...(e2eDir ? { BAOBAO_E2E_DIR: e2eDir } : {}),
  }));
if (e2eDir) rmSync(e2eDir, { recursive: true, force: true });

const vitest = readJson(vitestFile);
const playwright = webOk ? readJson(playwrightFile) : null;
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) +
  (playwright?.stats?.unexpected ?? 0) +
  (playwright?.stats?.flaky ?? 0) +
  (typecheckOk ? 0 : 1) +
  (lintOk ? 0 : 1) +
  (formatOk ? 0 : 1) +
  (electronOk ? 0 : 1);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

const allOk =
  lintOk && formatOk && typecheckOk && electronOk && vitestOk && webOk && playwrightOk && vitest !== null && playwright !== null;
const stepsFailed = [
  [lintOk, 'lint'],
  [formatOk, 'format check'],
  [typecheckOk, 'typecheck'],
  [electronOk, 'electron-vite build'],
  [webOk, 'web build'],
]
  .filter(([ok]) => !ok)
  .map(([, name]) => `${name} failed`);
console.log(`\n${stepsFailed.join('; ')}`.trim());
console.log(`time: ${timings.join(', ')}; in all ${((performance.now() - started) / 60_000).toFixed(1)} min`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk && failed === 0 ? 0 : 1);
