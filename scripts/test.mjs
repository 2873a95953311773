// npm test: typecheck, unit and service tests (vitest), then the browser tests (Playwright in
// the system Chromium against the web harness). Ends with one plain line counting every test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp');
mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const typecheckOk = step('类型检查 typecheck', bin('tsc'), ['-b']);
const vitestFile = path.join(reports, 'vitest.json');
const vitestOk = step('单元与服务测试 vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const webOk = step('构建网页界面 build dist-web', bin('vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
const playwrightFile = path.join(reports, 'playwright.json');
const playwrightOk =
  webOk && step('浏览器测试 playwright', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile });

const vitest = readJson(vitestFile);
const playwright = webOk ? readJson(playwrightFile) : null;
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0) + (typecheckOk ? 0 : 1);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

const allOk = typecheckOk && vitestOk && webOk && playwrightOk && vitest !== null && playwright !== null;
console.log(`\n${typecheckOk ? '' : 'typecheck failed; '}${webOk ? '' : 'web build failed; '}`.trim());
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk && failed === 0 ? 0 : 1);
