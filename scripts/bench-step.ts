// One benchmark step in a fresh process, so that its time includes nothing warmed up by another
// step and its peak memory is its own: `tsx scripts/bench-step.ts <step> <data folder>` prints
// {"ms": …, "peakRssMb": …, "note"?: …} as its last line. scripts/bench.ts runs it once per step and run.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordContext } from '@shared/records/types';
import type { DemoScale } from '@shared/api/contract';
import type { DataDoc, YearsNeeded } from '@shared/storage/types';
import { LowdbStore } from '../main/server/storage/lowdb-store';
import type { WorkbookPool } from '../main/server/workers/workbook-pool';
// Beyond the store, each step imports only the modules it uses, so a process holds no more than its step.

/** The 主体 list as the app exports it: the file every import run reads. */
const IMPORT_FILE_NAME = '主体.xlsx';
/** Search box values typed one character at a time: pinyin initials, Chinese, codes, phones. */
const KEYSTROKES = ['n', 'nm', 'nmg', '东', '东胜', '9115', '139', 'JY'];
const TODAY = '2027-03-01';
/** The 上报包 of the library's areas (its 旗区, or a province's cities), written by prepare:packages. */
const PACKAGES_DIR = 'packages';

const [step = '', dataDir = ''] = process.argv.slice(2);

/** The library as the app opens it: the plan year's and this year's visits (and what a step's handler would ask for, `needed`). */
async function openStore(options: { lock: boolean; needed?: YearsNeeded }): Promise<LowdbStore> {
  const store = await LowdbStore.open(dataDir, { lock: options.lock, pastYears: 'later', now: () => new Date(`${TODAY}T09:00:00+08:00`) });
  if (options.needed) await store.ensureYears(options.needed);
  return store;
}

async function openDoc(needed?: YearsNeeded): Promise<DataDoc> {
  return (await openStore({ lock: false, ...(needed ? { needed } : {}) })).read() as DataDoc;
}

async function recordContext(doc: DataDoc): Promise<RecordContext> {
  const { RegionIndex } = await import('@shared/domain/regions');
  const { RegionMatcher } = await import('@shared/records/region-match');
  const regions = new RegionIndex(doc.regions);
  let n = 0;
  return { doc, regions, matcher: new RegionMatcher(regions, doc.regions), today: TODAY, newId: (prefix) => `${prefix}-bench-${++n}` };
}

interface Timed {
  /** Timed but not scaled: what a run does once whatever its size (e.g. starting worker threads). */
  readonly once?: () => Promise<unknown>;
  readonly work: () => unknown;
  /** The figure is the time multiplied by this (e.g. 1/keystrokes, or all cadres / cadres timed). */
  readonly factor?: number;
  readonly note?: string;
  /** Untimed clean-up, e.g. releasing the data folder's lock. */
  readonly after?: () => Promise<void>;
}

/**
 * Every handbook of the city is timed (a small sample would mostly time exceljs warming up in each
 * thread); a province's first 3,000 are timed and the figure scaled to every cadre.
 */
function handbookSample(doc: DataDoc) {
  const active = doc.cadres.filter((c) => c.active);
  const cadres = active.slice(0, Number(process.env['BENCH_HANDBOOKS'] ?? '3000'));
  const note =
    cadres.length === active.length ? `all ${active.length} handbooks` : `${cadres.length} handbooks timed, scaled to all ${active.length}`;
  return { cadres, factor: active.length / cadres.length, note };
}

/** Each step: set up untimed, then return the work to time. */
const STEPS: Readonly<Record<string, () => Promise<Timed | Timed['work']>>> = {
  /** Not timed: writes the scale's library and the import file into the folder. `…InUse`: with three years of history. */
  prepare: async () => {
    const { generateDemo } = await import('@shared/demo/generate');
    const { exportTable } = await import('@shared/records');
    const { buildWorkbook } = await import('../main/server/export/xlsx');
    const scale = process.env['BENCH_SCALE'] ?? '';
    const doc = generateDemo(scale.replace(/InUse$/, '') as DemoScale, 1, new Date('2027-01-05T00:00:00Z'));
    if (scale.endsWith('InUse')) (await import('./bench-history')).addHistory(doc);
    const store = await LowdbStore.open(dataDir);
    await store.replace(doc);
    await store.close();
    const table = exportTable('entities', await recordContext(doc));
    const columns = table.columns.map((c) => ({ label: c.label, width: c.width, format: c.format }));
    await writeFile(
      path.join(dataDir, IMPORT_FILE_NAME),
      await buildWorkbook([{ sheetName: '主体', title: '主体', columns, rows: table.rows }]),
    );
    return () => undefined;
  },

  /** Not timed: the 上报包 of each area below the top — the city's 旗区, the province's cities (its roots) — into packages/. */
  'prepare:packages': async () => {
    const { buildPackage } = await import('../main/server/packages/build');
    const doc = await openDoc();
    const ctx = await recordContext(doc);
    const roots = ctx.regions.roots();
    const areas = roots.length === 1 && roots[0] ? ctx.regions.children(roots[0].id) : roots;
    await mkdir(path.join(dataDir, PACKAGES_DIR), { recursive: true });
    for (const area of areas) {
      const built = await buildPackage(ctx, area.id, doc.profile.planYear, `${TODAY}T09:00:00+08:00`);
      await writeFile(path.join(dataDir, PACKAGES_DIR, `${area.code || area.id}.xlsx`), built.bytes);
    }
    return () => undefined;
  },
  /**
   * 汇总 (docs/performance.md): every package of packages/ taken into an empty library (init) in one
   * call, as the 汇总上报包 screen sends them (base64, read untimed); checked, planned and saved.
   */
  consolidate: async () => {
    const { createHandlers } = await import('../main/server/handlers');
    const { dispatch } = await import('../main/server/api/dispatch');
    const { emptyDoc } = await import('@shared/storage/types');
    const names = (await readdir(path.join(dataDir, PACKAGES_DIR))).sort();
    const files = await Promise.all(
      names.map(async (fileName) => ({
        fileName,
        contentBase64: (await readFile(path.join(dataDir, PACKAGES_DIR, fileName))).toString('base64'),
      })),
    );
    const libraryDir = path.join(dataDir, `consolidated-${process.pid}`);
    await mkdir(libraryDir, { recursive: true });
    const store = await LowdbStore.open(libraryDir);
    await store.replace(emptyDoc(new Date(`${TODAY}T09:00:00+08:00`)));
    const handlers = createHandlers({ store, now: () => new Date(`${TODAY}T10:00:00+08:00`) });
    const megabytes = Math.round(files.reduce((sum, f) => sum + f.contentBase64.length * 0.75, 0) / 1024 / 1024);
    const work = async () => {
      const result = await dispatch(handlers, 'package:import', { files, force: false });
      if (!result.ok) throw new Error(result.error.message);
      if (!(result.value as { changed: boolean }).changed) throw new Error('汇总后数据未改变');
    };
    return {
      work,
      note: `${files.length} packages (${megabytes} MB) into an empty library`,
      after: async () => {
        await store.close();
        await rm(libraryDir, { recursive: true, force: true });
      },
    };
  },

  /** One 主体 edit as the app makes it: through dispatch and the handler, the 操作日志 entry and the save included. */
  save: async () => {
    const { createHandlers } = await import('../main/server/handlers');
    const { dispatch } = await import('../main/server/api/dispatch');
    const store = await openStore({ lock: true });
    const handlers = createHandlers({ store, now: () => new Date(`${TODAY}T09:00:00+08:00`) });
    const entity = (store.read() as DataDoc).entities[0];
    if (!entity) throw new Error('库中没有主体');
    const work = async () => {
      const result = await dispatch(handlers, 'entities:save', { ...entity, notes: '已核实（测量）' });
      if (!result.ok) throw new Error(result.error.message);
    };
    return { work, after: () => store.close() };
  },
  'save:floor': async () => {
    const doc = await openDoc('all');
    // The whole library: the 操作日志, which the store reads when asked for, included.
    return () => writeFile(path.join(dataDir, 'floor.json'), JSON.stringify({ ...doc, log: doc.log }));
  },

  /** The verified backup taken before an import. */
  backup: async () => {
    const { Backups } = await import('../main/server/storage/backups');
    const store = await openStore({ lock: false });
    const doc = store.read() as DataDoc;
    return () => new Backups(dataDir, store).create(doc, 'import', doc.profile.backupKeep);
  },
  /** A plain copy of the library's files (fs.copyFile): the bytes a backup copies. */
  'backup:floor': async () => {
    const { libraryFileNames } = await import('../main/server/storage/library-folder');
    const copies = path.join(dataDir, 'floor-copy');
    await mkdir(copies, { recursive: true });
    return async () => {
      for (const name of libraryFileNames(dataDir)) await copyFile(path.join(dataDir, name), path.join(copies, name));
    };
  },

  /** As the app opens the library: data.json and the plan year's and this year's visits (past years are read when asked for). */
  load: async () => {
    const { ListIndex } = await import('@shared/query/lists');
    return async () => {
      const store = await openStore({ lock: false });
      return new ListIndex(store.read() as DataDoc);
    };
  },
  /** `readFile` + `JSON.parse` of the files a load reads: data.json and the years of visits read at open (the 操作日志 is read when asked for). */
  'load:floor': async () => {
    const { libraryFileNames } = await import('../main/server/storage/library-folder');
    const unread = new Set((await openStore({ lock: false })).unreadYears.map((year) => `visits-${year}.json`));
    const names = libraryFileNames(dataDir).filter((name) => name.endsWith('.json') && !unread.has(name));
    return async () => {
      for (const name of names) JSON.parse(await readFile(path.join(dataDir, name), 'utf8'));
    };
  },

  import: async () => {
    const { RECORD_DEFINITIONS } = await import('@shared/records');
    const { planImport } = await import('@shared/records/import-plan');
    const { prepareReadSheetsWorker, readSheetsArriving } = await import('../main/server/workers/off-thread');
    const { yieldToEventLoop } = await import('../main/server/jobs');
    await prepareReadSheetsWorker();
    const ctx = await recordContext(await openDoc());
    const bytes = await readFile(path.join(dataDir, IMPORT_FILE_NAME));
    return async () => {
      // As the app previews it: the workbook read in a worker thread, then planned against the library,
      // yielding to the event loop between slices of rows.
      const plan = await planImport(RECORD_DEFINITIONS.entities, await readSheetsArriving(IMPORT_FILE_NAME, bytes), ctx, {}, () =>
        yieldToEventLoop(),
      );
      if (!plan.ok) throw new Error(plan.message);
      // The app's own export read back is the library as it is: anything else is a reading fault.
      const { add, update, reject } = plan.plan.counts;
      if (add + update + reject > 0) throw new Error(`导入自己导出的主体表却有新增 ${add}、更新 ${update}、拒绝 ${reject}`);
    };
  },
  /** exceljs reading the same file the way its documentation shows: the whole workbook at once. */
  'import:floor': async () => {
    const { default: ExcelJS } = await import('exceljs');
    const bytes = await readFile(path.join(dataDir, IMPORT_FILE_NAME));
    return () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  },

  assign: async () => {
    const { RegionIndex } = await import('@shared/domain/regions');
    const { planAutoAssign } = await import('@shared/rules/auto-assign');
    const doc = await openDoc();
    const regions = new RegionIndex(doc.regions);
    return () => planAutoAssign({ ...doc, regions }, { mode: 'violating', keepManual: false, reset: true });
  },
  plan: async () => {
    const { WorkCalendar } = await import('@shared/calendar/calendar');
    const { planVisits } = await import('@shared/visits/plan');
    const doc = await openDoc();
    const calendar = new WorkCalendar();
    const assignments = doc.assignments.filter((a) => a.end === '');
    return () =>
      planVisits({
        year: 2027,
        assignments,
        entities: doc.entities,
        cadres: doc.cadres,
        calendar,
        rules: doc.profile.visitRules,
        existing: [],
      });
  },
  /**
   * The dashboard's figures of the plan year, with what its handler reads first (handlers/years.ts: the
   * plan year's visits, and every visit with a problem not yet 销号: the past years' from their files' heads).
   */
  stats: async () => {
    const { computeStats } = await import('@shared/stats/stats');
    const doc = await openDoc({ unfinishedProblems: true });
    return () => computeStats(doc);
  },
  /** All keystrokes; bench.ts divides by their number. The first search after load included. */
  search: async () => {
    const { ListIndex } = await import('@shared/query/lists');
    const index = new ListIndex(await openDoc());
    // A clerk types after the list shows; by then the background pinyin work is done. (Its timers do
    // not keep a process alive by themselves, as the app's window does.)
    const alive = setInterval(() => undefined, 1000);
    await index.searchReady;
    clearInterval(alive);
    const { EntityQuerySchema } = await import('@shared/api/contract');
    return {
      work: () => KEYSTROKES.forEach((text) => index.entities(EntityQuerySchema.parse({ text }))),
      factor: 1 / KEYSTROKES.length,
      note: 'per keystroke',
    };
  },

  exportHandbooks: async () => {
    const { RegionIndex } = await import('@shared/domain/regions');
    const { buildHandbook } = await import('@shared/handbook/handbook');
    const { prepareWorkbookWorker, WorkbookPipe, WorkbookPool, workbookPoolSize } = await import('../main/server/workers/workbook-pool');
    const { handbookSheets } = await import('../main/server/handlers/handbook');
    await prepareWorkbookWorker();
    const doc = await openDoc();
    const regions = new RegionIndex(doc.regions);
    const { cadres, factor, note } = handbookSample(doc);
    let pool!: WorkbookPool;
    const work = async () => {
      // As the bulk export (writeEach) runs it: each handbook built here, its workbook made in the
      // pool's pipe, the bytes taken in order (the export writes them to files; the floor does not).
      const pipe = new WorkbookPipe<null>(pool, async () => undefined);
      for (const cadre of cadres) {
        await pipe.room();
        const book = buildHandbook(doc, cadre, TODAY, regions);
        pipe.add(handbookSheets(book), null);
      }
      await pipe.drain();
    };
    return {
      // The threads start once per export, whatever its size: timed, but not scaled with the handbooks.
      once: async () => {
        pool = await WorkbookPool.open();
      },
      work,
      factor,
      note: `${note}, ${workbookPoolSize()} worker threads (their start included)`,
      after: () => pool.close(),
    };
  },
  /** exceljs writing the same cells (plain rows, no styling or page setup). */
  'exportHandbooks:floor': async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { RegionIndex } = await import('@shared/domain/regions');
    const { buildHandbook } = await import('@shared/handbook/handbook');
    const doc = await openDoc();
    const regions = new RegionIndex(doc.regions);
    const { cadres, factor } = handbookSample(doc);
    const books = cadres.map((c) => buildHandbook(doc, c, TODAY, regions));
    const work = async () => {
      for (const book of books) {
        const wb = new ExcelJS.Workbook();
        for (const sheet of book.sheets) {
          const ws = wb.addWorksheet(sheet.sheetName);
          ws.addRow(sheet.columns.map((c) => c.label));
          for (const row of sheet.rows) ws.addRow(row.map((c) => (c !== null && typeof c === 'object' ? c.date : c)));
        }
        await wb.xlsx.writeBuffer();
      }
    };
    return { work, factor };
  },
};

const setup = STEPS[step];
if (!setup) throw new Error(`没有这个测量步骤：${step}`);
const prepared = await setup();
const { once, work, factor = 1, note, after } = typeof prepared === 'function' ? { work: prepared } : prepared;
const start = performance.now();
await once?.();
const started = performance.now();
await work();
const ms = started - start + (performance.now() - started) * factor;
await after?.();
// maxRSS is the process's high-water mark in KiB: what the step needs loaded (the library) included.
console.log(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...(note ? { note } : {}) }));
