// npm run bench: the performance targets of SPEC/issue 7, measured on this machine beside the
// raw libraries they stand on. Writes test/bench/results.json and prints a table.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generateDemo } from '@shared/demo/generate';
import { RegionIndex } from '@shared/domain/regions';
import { buildHandbook } from '@shared/handbook/handbook';
import { ListIndex } from '@shared/query/lists';
import { exportTable, RECORD_DEFINITIONS } from '@shared/records';
import { planImport } from '@shared/records/import-plan';
import { RegionMatcher } from '@shared/records/region-match';
import { planAutoAssign } from '@shared/rules/auto-assign';
import { computeStats } from '@shared/stats/stats';
import { WorkCalendar } from '@shared/calendar/calendar';
import { planVisits } from '@shared/visits/plan';
import type { DataDoc } from '@shared/storage/types';
import { buildWorkbook } from '../main/export/xlsx';
import { readSheets } from '../main/import/read-sheets';
import { LowdbStore } from '../main/storage/lowdb-store';

interface Step {
  ms: number;
  floorMs?: number;
  ratio?: number;
  peakRssMb: number;
  note?: string;
}

const RUNS = Number(process.env['BENCH_RUNS'] ?? '3');
const HANDBOOK_SAMPLE = Number(process.env['BENCH_HANDBOOKS'] ?? '300');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall time of `runs` runs, and the highest RSS seen while they ran. */
async function measure(runs: number, work: () => unknown): Promise<{ ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(timer);
  return { ms: Math.round(median(times) * 10) / 10, peakRssMb: Math.round(peak / 1024 / 1024) };
}

function withFloor(step: { ms: number; peakRssMb: number }, floorMs: number, note?: string): Step {
  return { ...step, floorMs: Math.round(floorMs * 10) / 10, ratio: Math.round((step.ms / floorMs) * 100) / 100, ...(note ? { note } : {}) };
}

async function benchScale(scale: 'city' | 'province'): Promise<Record<string, Step>> {
  const steps: Record<string, Step> = {};
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${scale}-`));
  const doc: DataDoc = generateDemo(scale, 1, new Date('2027-01-05T00:00:00Z'));
  const store = await LowdbStore.open(dir);
  await store.replace(doc);
  const file = path.join(dir, 'data.json');
  const live = store.read() as DataDoc;

  const floorSave = await measure(RUNS, () => writeFile(path.join(dir, 'floor.json'), JSON.stringify(live)));
  steps['save'] = withFloor(await measure(RUNS, () => store.update(() => undefined)), floorSave.ms);
  await store.close();

  const text = await readFile(file, 'utf8');
  const floorLoad = await measure(RUNS, () => JSON.parse(text));
  steps['load'] = withFloor(
    await measure(RUNS, async () => {
      const s = await LowdbStore.open(dir, { lock: false });
      return new ListIndex(s.read() as DataDoc);
    }),
    floorLoad.ms,
    'read + parse + schema check + list indexes',
  );

  const regions = new RegionIndex(live.regions);
  const ctx = { doc: live, regions, matcher: new RegionMatcher(regions, live.regions), today: '2027-03-01', newId: (p: string) => `${p}-${Math.random()}` };
  const table = exportTable('entities', ctx);
  const xlsx = await buildWorkbook([{ sheetName: '主体', title: '主体', columns: table.columns.map((c) => ({ label: c.label, width: c.width, format: c.format })), rows: table.rows }]);
  const importRuns = scale === 'city' ? RUNS : 1;
  const floorImport = await measure(importRuns, () => new ExcelJS.Workbook().xlsx.load(xlsx as unknown as ArrayBuffer));
  steps['import'] = withFloor(
    await measure(importRuns, async () => planImport(RECORD_DEFINITIONS.entities, await readSheets('主体.xlsx', xlsx), ctx)),
    floorImport.ms,
    `${table.rows.length} rows, preview of every row`,
  );

  steps['assign'] = await measure(RUNS, () => planAutoAssign({ ...live, regions }, { mode: 'violating', keepManual: false, reset: true }));
  const calendar = new WorkCalendar();
  steps['plan'] = await measure(RUNS, () =>
    planVisits({ year: 2027, assignments: live.assignments.filter((a) => a.end === ''), entities: live.entities, cadres: live.cadres, calendar, rules: live.profile.visitRules, existing: [] }),
  );
  steps['stats'] = await measure(RUNS, () => computeStats(live));

  const index = new ListIndex(live);
  const keystrokes = ['n', 'nm', 'nmg', '东', '东胜', '9115', '139', 'JY'];
  const base = { regionId: '', grades: [], types: [], statuses: [], assigned: 'any' as const };
  steps['search'] = { ...(await measure(RUNS, () => keystrokes.forEach((text) => index.entities({ ...base, text })))), note: 'per keystroke' };
  steps['search'].ms = Math.round((steps['search'].ms / keystrokes.length) * 10) / 10;

  // Handbooks: a sample of cadres (all of them takes minutes); the figure is scaled to every cadre.
  const cadres = live.cadres.filter((c) => c.active).slice(0, HANDBOOK_SAMPLE);
  const scaleUp = live.cadres.filter((c) => c.active).length / cadres.length;
  const books = cadres.map((c) => buildHandbook(live, c, '2027-03-01', regions));
  const floorBooks = await measure(1, async () => {
    for (const book of books) {
      const wb = new ExcelJS.Workbook();
      for (const sheet of book.sheets) {
        const ws = wb.addWorksheet(sheet.sheetName);
        ws.addRow(sheet.columns.map((c) => c.label));
        for (const row of sheet.rows) ws.addRow(row.map((c) => (c !== null && typeof c === 'object' ? c.date : c)));
      }
      await wb.xlsx.writeBuffer();
    }
  });
  const ours = await measure(1, async () => {
    for (const cadre of cadres) {
      const book = buildHandbook(live, cadre, '2027-03-01', regions);
      await buildWorkbook(book.sheets.map((s) => ({ ...s, paper: 'A4' as const })));
    }
  });
  steps['exportHandbooks'] = withFloor(
    { ms: Math.round(ours.ms * scaleUp), peakRssMb: ours.peakRssMb },
    floorBooks.ms * scaleUp,
    `${cadres.length} handbooks timed, scaled to all ${Math.round(cadres.length * scaleUp)}`,
  );
  await rm(dir, { recursive: true, force: true });
  return steps;
}

const TARGETS: Readonly<Record<string, (s: Step) => boolean>> = {
  save: (s) => (s.ratio ?? 99) <= 2 && s.ms <= 300,
  load: (s) => s.ms <= 1000,
  import: (s) => (s.ratio ?? 99) <= 1.5,
  assign: (s) => s.ms <= 500,
  plan: (s) => s.ms <= 1000,
  stats: (s) => s.ms <= 100,
  search: (s) => s.ms <= 30,
  exportHandbooks: (s) => (s.ratio ?? 99) <= 1.5,
  rss: (s) => s.peakRssMb <= 500,
};

const results: Record<string, Record<string, Step>> = {};
for (const scale of (process.env['BENCH_SCALES'] ?? 'city,province').split(',') as ('city' | 'province')[]) {
  console.log(`\n== ${scale} ==`);
  results[scale] = await benchScale(scale);
  for (const [name, step] of Object.entries(results[scale])) {
    const target = scale === 'city' ? (TARGETS[name]?.(step) ? 'ok' : 'MISS') : '';
    const rss = scale === 'city' && !TARGETS['rss']?.(step) ? ' RSS>500' : '';
    console.log(
      `${name.padEnd(16)} ${String(step.ms).padStart(9)} ms  floor ${String(step.floorMs ?? '-').padStart(9)}  ratio ${String(step.ratio ?? '-').padStart(5)}  peak ${String(step.peakRssMb).padStart(5)} MB  ${target}${rss}  ${step.note ?? ''}`,
    );
  }
}
await writeFile(path.resolve(import.meta.dirname, '../test/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\n已写入 test/bench/results.json');
