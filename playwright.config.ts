import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './test/e2e/chromium-args';

/**
 * Browser tests run the real renderer (dist-web) against the real services through the web
 * harness, in the system's Chromium: this machine cannot download Playwright's own browsers.
 */
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  // Bundles the harness and the CLI and generates the demo libraries once per run (test/e2e/harness.ts),
  // unless BAOBAO_E2E_DIR names a folder test/e2e/prepare.ts made (npm test).
  globalSetup: './test/e2e/global-setup.ts',
  // A limit that catches a hang, as vitest's: on a machine running several suites a 13-s test took 106 s, another 117 s of the 120.
  timeout: 240_000,
  // An expectation waits on the services as well as the page: on a loaded CI machine electron.spec's
  // import took over 15 s to answer (not reproduced here; under disk and CPU load the test went from
  // 6 s to 21 s). Waiting longer costs a passing test nothing.
  expect: { timeout: 40_000 },
  // Two files at a time, each in one worker with its tests in order: every test has its own data
  // folder and harness on a free port, so they cannot meet. npm test runs them after vitest, alone.
  workers: 2,
  fullyParallel: false,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: chromium,
      args: [...CHROMIUM_ARGS],
    },
  },
});
