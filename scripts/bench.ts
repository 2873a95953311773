// npm run bench: the performance targets of docs/performance.md, measured on this machine beside the
// raw libraries they stand on. Every step and every floor runs in a fresh process
// (scripts/bench-step.ts), so each time is cold and each peak memory figure is the step's own;
// the figure is the median of BENCH_RUNS runs. Prints a table and writes test/bench/results.json.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

interface Step {
  ms: number;
  floorMs?: number;
  ratio?: number;
  /** The process's high-water mark; not given for the browser figures (Chromium is several processes). */
  peakRssMb?: number;
  note?: string;
  /** Set when the step's process failed: the figure is missing, the table says why. */
  error?: string;
  /** uiSearch: list requests while typing, and the largest answer. */
  requests?: number;
  largestKb?: number;
}
/** `…InUse`: the same library after three years of 督导 and a 100,000-entry 操作日志 (scripts/bench-history.ts). */
type Scale = 'city' | 'cityInUse' | 'province' | 'provinceInUse';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env['BENCH_RUNS'] ?? '3');
const SCALES = (process.env['BENCH_SCALES'] ?? 'city,cityInUse,province').split(',') as Scale[];
const STEPS = ['save', 'load', 'backup', 'import', 'assign', 'plan', 'stats', 'search', 'exportHandbooks', 'consolidate'] as const;
/** The raw library work each of these steps is compared with (see bench-step.ts). */
const FLOORS = new Set<string>(['save', 'load', 'backup', 'import', 'exportHandbooks']);
/** Each scale against the city scale it is compared with (✓ when ≤ PROVINCE_MAX_FACTOR ×). */
const CITY_OF: Readonly<Partial<Record<Scale, Scale>>> = { province: 'city', provinceInUse: 'cityInUse' };
const MAX_RSS_MB = 500;
const PROVINCE_MAX_FACTOR = 10;

/** City-scale targets of the issue; `ok` decides the ✓/✗ column. */
const TARGETS: Readonly<Record<string, { readonly text: string; readonly ok: (s: Step) => boolean }>> = {
  save: { text: '≤200 ms', ok: (s) => s.ms <= 200 },
  load: { text: '≤1000 ms', ok: (s) => s.ms <= 1000 },
  backup: { text: '≤1.5× floor', ok: (s) => (s.ratio ?? Infinity) <= 1.5 },
  import: { text: '≤1.5× floor', ok: (s) => (s.ratio ?? Infinity) <= 1.5 },
  assign: { text: '≤500 ms', ok: (s) => s.ms <= 500 },
  plan: { text: '≤1000 ms', ok: (s) => s.ms <= 1000 },
  stats: { text: '≤100 ms', ok: (s) => s.ms <= 100 },
  search: { text: '≤30 ms', ok: (s) => s.ms <= 30 },
  exportHandbooks: { text: '≤1.5× floor', ok: (s) => (s.ratio ?? Infinity) <= 1.5 },
  // The city's nine 旗区 packages: the figure the province's twelve city packages are held to (≤10×).
  consolidate: { text: '(measured)', ok: () => true },
  uiListReady: { text: '≤1500 ms', ok: (s) => s.ms <= 1500 },
  uiScroll: { text: '(measured)', ok: () => true },
  uiSearch: {
    text: '≤500 ms, ≤3 requests, ≤1 MB',
    ok: (s) => s.ms <= 500 && (s.requests ?? Infinity) <= 3 && (s.largestKb ?? Infinity) <= 1024,
  },
  uiSave: { text: '≤500 ms', ok: (s) => s.ms <= 500 },
  uiScreenVisits: { text: '≤1000 ms', ok: (s) => s.ms <= 1000 },
  uiScreenEntities: { text: '≤1000 ms', ok: (s) => s.ms <= 1000 },
  uiScreenCadres: { text: '≤1000 ms', ok: (s) => s.ms <= 1000 },
  uiScreenDashboard: { text: '≤1000 ms', ok: (s) => s.ms <= 1000 },
  uiDashboardReady: { text: '≤2000 ms', ok: (s) => s.ms <= 2000 },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs a script in a fresh Node process and returns the JSON its last output line holds. */
function runChild<T>(script: string, args: readonly string[], env: Record<string, string> = {}): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '') as T;
}

/** Median time of RUNS fresh processes; peak memory is the highest any run reached. */
function measure(step: string, dataDir: string): Step {
  const runs = Array.from({ length: RUNS }, () => runChild<Step>('scripts/bench-step.ts', [step, dataDir]));
  const note = runs[0]?.note;
  return { ms: round(median(runs.map((r) => r.ms))), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb ?? 0)), ...(note ? { note } : {}) };
}

/** The browser figures (test/bench/ui-bench.ts), each the median of RUNS runs. */
function measureUi(dataDir: string, webDist: string): Record<string, Step> {
  const runs = Array.from({ length: RUNS }, () =>
    runChild<Record<string, Step>>('test/bench/ui-bench.ts', [dataDir], { WEB_DIST: webDist }),
  );
  const names = Object.keys(runs[0] ?? {});
  return Object.fromEntries(
    names.map((name) => {
      const worst = (key: 'requests' | 'largestKb') =>
        runs[0]?.[name]?.[key] === undefined ? {} : { [key]: Math.max(...runs.map((r) => r[name]?.[key] ?? 0)) };
      return [
        name,
        {
          ms: round(median(runs.map((r) => r[name]?.ms ?? 0))),
          ...worst('requests'),
          ...worst('largestKb'),
          note: runs[0]?.[name]?.note ?? '',
        },
      ];
    }),
  );
}

function failure(error: unknown): Step {
  process.exitCode = 1;
  return { ms: 0, error: (error as Error).message.split('\n')[0] ?? '' };
}

/** One failing step (its process exits with an error) is reported and the others still run. */
function orFailure(run: () => Step): Step {
  try {
    return run();
  } catch (error) {
    return failure(error);
  }
}

async function benchScale(scale: Scale, webDist: string | null): Promise<Record<string, Step>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `bench-${scale}-`));
  try {
    runChild('scripts/bench-step.ts', ['prepare', dataDir], { BENCH_SCALE: scale });
    runChild('scripts/bench-step.ts', ['prepare:packages', dataDir]);
    const steps: Record<string, Step> = {};
    for (const name of STEPS) {
      process.stdout.write(`  ${name}…`);
      steps[name] = orFailure(() => {
        const step = measure(name, dataDir);
        if (FLOORS.has(name)) {
          const floor = measure(`${name}:floor`, dataDir);
          step.floorMs = floor.ms;
          step.ratio = round(step.ms / floor.ms, 2);
          step.note = [step.note, `floor peak ${floor.peakRssMb} MB`].filter(Boolean).join('; ');
        }
        return step;
      });
      process.stdout.write(` ${steps[name].error ? 'failed' : `${steps[name].ms} ms`}\n`);
    }
    if (webDist) {
      try {
        Object.assign(steps, measureUi(dataDir, webDist));
      } catch (error) {
        steps['uiListReady'] = failure(error);
      }
    }
    return steps;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function printTable(scale: Scale, steps: Record<string, Step>): void {
  const pad = (value: unknown, n: number) => String(value ?? '-').padStart(n);
  const cityScale = CITY_OF[scale];
  const city = cityScale ? results[cityScale] : undefined;
  console.log(`\n== ${scale} ==  (median of ${RUNS} runs, each in a fresh process)`);
  console.log(
    `${'step'.padEnd(16)}${pad('ms', 10)}${pad('floor ms', 10)}${pad('ratio', 7)}${pad('peak MB', 9)}  ${cityScale ? `vs ${cityScale} (≤${PROVINCE_MAX_FACTOR}×)` : 'target'}`,
  );
  for (const [name, step] of Object.entries(steps)) {
    let verdict: string;
    if (step.error) {
      console.log(`${name.padEnd(16)}${pad('-', 10)}  ✗ failed: ${step.error}`);
      continue;
    }
    if (!cityScale) {
      const target = TARGETS[name];
      verdict = `${target?.ok(step) ? '✓' : '✗'} ${target?.text ?? ''}`;
    } else {
      const factor = city?.[name] && !city[name].error ? step.ms / city[name].ms : null;
      verdict = factor === null ? '' : `${factor <= PROVINCE_MAX_FACTOR ? '✓' : '✗'} ${round(factor, 1)}×`;
    }
    const rss = step.peakRssMb === undefined ? ' ' : step.peakRssMb <= MAX_RSS_MB ? '✓' : '✗';
    console.log(
      `${name.padEnd(16)}${pad(step.ms, 10)}${pad(step.floorMs, 10)}${pad(step.ratio, 7)}${pad(step.peakRssMb, 6)} ${cityScale ? ' ' : rss}  ${verdict}  ${step.note ?? ''}`,
    );
  }
}

/** The browser measurement needs the web renderer; built once into a temporary folder. */
async function buildRenderer(): Promise<string | null> {
  if (process.env['BENCH_UI'] === '0') return null;
  const webDist = process.env['WEB_DIST'] ?? (await mkdtemp(path.join(os.tmpdir(), 'bench-web-')));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, WEB_DIST: webDist },
    stdio: 'inherit',
  });
  return webDist;
}

const webDist = await buildRenderer();
const ownWebDist = webDist !== null && process.env['WEB_DIST'] === undefined;
const results: Partial<Record<Scale, Record<string, Step>>> = {};
for (const scale of SCALES) {
  console.log(`\n${scale}: generating the library and measuring…`);
  // The browser figures for the city new and in use (issue 20: the first screens as fast in both).
  results[scale] = await benchScale(scale, scale === 'city' || scale === 'cityInUse' ? webDist : null);
}
for (const scale of SCALES) printTable(scale, results[scale] ?? {});
console.log(`\npeak MB: each step's own process high-water mark (library loaded included); ✓ = ≤${MAX_RSS_MB} MB at city scale`);
await writeFile(path.join(ROOT, 'test/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (ownWebDist) await rm(webDist, { recursive: true, force: true });
console.log('已写入 test/bench/results.json');
