import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The slow files: printing through LibreOffice or Chromium, bench-like tables and the city and
 * province demos. They run beside the service tests (mostly waiting on those programs).
 */
const SLOW = [
  'test/main/handbook-print.test.ts',
  'test/main/reports-print.test.ts',
  'test/main/letter-print.test.ts',
  'test/main/inspections-print.test.ts',
  'test/main/xlsx.test.ts',
  'test/main/reports.test.ts',
  'test/shared/demo.test.ts',
  'test/shared/assignment.test.ts',
  'test/shared/stats.test.ts',
  'test/shared/visits.test.ts',
];

/**
 * The files that replace a module with vi.mock: they need a module graph of their own, so they
 * run isolated (project `mocks`) while the other Node projects share one per worker (there a module
 * another file loaded first would stay unmocked). Found by their text, so a new one cannot be missed.
 */
const MOCKING = ['test/main', 'test/harness'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts') && readFileSync(join(dir, name), 'utf8').includes('vi.mock('))
    .map((name) => join(dir, name).replaceAll('\\', '/')),
);

/**
 * `npx vitest run --project unit` (pure rules, seconds), `dom` (the renderer's pure helpers in
 * happy-dom), `service` (the real services on temp folders; `--project 'service' --project mocks`
 * for all of test/main and test/harness), `slow`. On 2 cores the two quick projects run first,
 * then the service and slow files side by side.
 *
 * `isolate: false` for unit and service: a worker loads the services' modules once for all its
 * files instead of once per file (that loading was most of a small file's time; the slow files
 * spend theirs in LibreOffice, Chromium and the big demos, so they stay isolated). A test file must
 * therefore leave no state in a module behind it, and a helper registers its hooks when a test
 * file calls it, never at its own top level (see test/main/temp-dir.ts).
 */
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    environment: 'node',
    // Limits that catch a hang, not a speed target (those are the benchmark's, docs/performance.md):
    // wide enough for a machine running several suites at once, where a city-scale test took 40-90 s.
    testTimeout: 240_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/shared/**/*.test.ts'], exclude: SLOW, isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'dom', include: ['test/renderer/**/*.test.ts'], environment: 'happy-dom', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'service',
          include: ['test/main/**/*.test.ts', 'test/harness/**/*.test.ts'],
          exclude: [...SLOW, ...MOCKING],
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      { extends: true, test: { name: 'mocks', include: MOCKING, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'slow', include: SLOW, sequence: { groupOrder: 1 } } },
    ],
  },
});
