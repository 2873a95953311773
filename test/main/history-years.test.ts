import { cp, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers, ApiMethod, ApiParsed } from '@shared/api/contract';
import { apiSchemas } from '@shared/api/contract';
import { CURRENT_SCHEMA_VERSION, type DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { createHandlers } from '../../main/server/handlers';
import { openServices } from '../../main/server/services';
import { readYearHead } from '../../main/server/storage/library-folder';
import { DATA_FILE_NAME, LowdbStore } from '../../main/server/storage/lowdb-store';
import { readLibrary } from './library-files';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const NOW = new Date('2027-03-20T08:00:00Z');
const PAST = [2024, 2025, 2026];

/**
 * smallDoc (plan year 2027) with four years of 督导: 2024 done, its problems 销号; 2025 done with
 * one problem still open; 2026 done but one visit made in January 2027; 2027 half planned.
 */
function fourYears(): DataDoc {
  const doc = smallDoc();
  const visit = (year: number, i: number, done: string | null, problem: 'none' | 'open' | 'closed'): Visit => {
    const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return {
      id: `V-${year}-${i}`,
      entityId: i % 2 === 0 ? 'e1' : 'e2',
      cadreId: i % 2 === 0 ? 'c1' : 'c2',
      plannedDate: day,
      ...(done === null ? {} : { doneDate: done || day, type: '现场' as const }),
      checklist: [],
      problems:
        problem === 'none'
          ? []
          : [
              {
                id: `Q-${year}-${i}`,
                description: '晨检记录不全',
                deadline: day,
                ...(problem === 'closed' ? { rectifiedOn: day } : {}),
                steps: problem === 'closed' ? [{ step: '销号' as const, on: day, by: '管理员', note: '' }] : [],
              },
            ],
      notes: '',
    };
  };
  doc.visits = [
    ...Array.from({ length: 30 }, (_, i) => visit(2024, i, '', i % 7 === 0 ? 'closed' : 'none')),
    ...Array.from({ length: 30 }, (_, i) => visit(2025, i, '', i === 3 ? 'open' : 'none')),
    ...Array.from({ length: 30 }, (_, i) => visit(2026, i, i === 11 ? '2027-01-08' : '', 'none')),
    ...Array.from({ length: 30 }, (_, i) => visit(2027, i, i < 2 ? '' : null, 'none')),
  ];
  return doc;
}

/** The library written as the app writes it (split into its files, each year's with its head). */
async function libraryOf(doc: DataDoc): Promise<string> {
  const dir = await newDir();
  await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify({ ...doc, schemaVersion: CURRENT_SCHEMA_VERSION - 1 }));
  await (await LowdbStore.open(dir)).close();
  return dir;
}

/** Each file's bytes and inode: the same inode and bytes when it was not written again. */
async function filesOf(dir: string): Promise<Map<string, { ino: number; text: string }>> {
  const files = new Map<string, { ino: number; text: string }>();
  for (const name of await readdir(dir)) {
    const info = await stat(path.join(dir, name));
    if (info.isFile()) files.set(name, { ino: info.ino, text: await readFile(path.join(dir, name), 'latin1') });
  }
  return files;
}

/** Reads the library's handlers would answer from a library opened with every year, beside one opened as the app opens it. */
const READS: readonly { readonly [M in ApiMethod]: readonly [M, ApiParsed<M>] }[ApiMethod][] = [
  ['stats:get', apiSchemas['stats:get'].parse({})],
  ['stats:get', apiSchemas['stats:get'].parse({ year: 2024 })],
  ['stats:get', apiSchemas['stats:get'].parse({ year: 2026 })],
  ['stats:breakdown', apiSchemas['stats:breakdown'].parse({})],
  ['stats:weekly', apiSchemas['stats:weekly'].parse({})],
  ['stats:cadreQuarters', apiSchemas['stats:cadreQuarters'].parse({ year: 2025 })],
  ['visits:query', apiSchemas['visits:query'].parse({ year: 2027 })],
  ['visits:list', apiSchemas['visits:list'].parse({ year: 2026 })],
  ['visits:days', apiSchemas['visits:days'].parse({ year: 2027, from: '2026-12-01', to: '2027-01-31' })],
  ['visits:openProblems', apiSchemas['visits:openProblems'].parse({})],
  ['problems:list', apiSchemas['problems:list'].parse({})],
  ['report:preview', apiSchemas['report:preview'].parse({ report: 'visits', year: 2027 })],
  ['report:preview', apiSchemas['report:preview'].parse({ report: 'problems', year: 2025 })],
  ['handbook:view', apiSchemas['handbook:view'].parse({ cadreId: 'c1' })],
  ['report:preview', apiSchemas['report:preview'].parse({ report: 'summary', year: 2026 })],
];

function call(handlers: ApiHandlers, [method, input]: (typeof READS)[number]): Promise<unknown> {
  return (handlers[method] as (input: unknown) => Promise<unknown>)(input);
}

describe('past years of 督导 read when asked for', () => {
  it('opening reads the plan year and this year only; an edit of a 主体 and of a plan-year visit leaves the past years untouched', async () => {
    const dir = await libraryOf(fourYears());
    const before = await filesOf(dir);
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(store.unreadYears).toEqual(PAST);
    expect(new Set(store.read()?.visits.map((v) => v.plannedDate.slice(0, 4)))).toEqual(new Set(['2027']));

    const entity = store.read()?.entities[0];
    if (!entity) throw new Error('no 主体');
    await handlers['entities:save']({ ...entity, notes: '已核实' });
    await handlers['visits:record']({ id: 'V-2027-5', doneDate: '2027-03-02', checklist: [], problems: [], notes: '' });
    expect(store.unreadYears).toEqual(PAST);
    const after = await filesOf(dir);
    expect(after.get('visits-2027.json')?.ino).not.toBe(before.get('visits-2027.json')?.ino);
    for (const year of PAST) expect(after.get(`visits-${year}.json`), String(year)).toEqual(before.get(`visits-${year}.json`));
    await store.close();

    const reread = await readLibrary(dir);
    expect(reread.visits).toHaveLength(120);
    expect(reread.visits.find((v) => v.id === 'V-2027-5')?.doneDate).toBe('2027-03-02');
  });

  it('each reader gets the years its answer needs, and answers as a library read whole does', async () => {
    const dir = await libraryOf(fourYears());
    const copy = await newDir();
    await cp(dir, copy, { recursive: true });
    const whole = createHandlers({ store: await LowdbStore.open(copy), now: () => NOW });
    const { handlers, store } = await openServices(dir, { now: () => NOW });

    // The 督导 screen of the plan year: 2026 for the visit made in January; 2025's open problem from its
    // file's head, so neither 2025 nor 2024 is read whole.
    const query = READS.find(([method]) => method === 'visits:query');
    if (!query) throw new Error('no visits:query');
    expect(await call(handlers, query)).toEqual(await call(whole, query));
    expect(store.unreadYears).toEqual([2024, 2025]);

    for (const read of READS) expect(await call(handlers, read), `${read[0]} ${JSON.stringify(read[1])}`).toEqual(await call(whole, read));
    expect(store.unreadYears).toEqual([]);
    await store.close();
  });

  it('a change that would put a visit into a year not read is refused, and the year’s file is left as it was', async () => {
    const dir = await libraryOf(fourYears());
    const store = await LowdbStore.open(dir, { lock: true, pastYears: 'later', now: () => NOW });
    const before = await readFile(path.join(dir, 'visits-2025.json'), 'utf8');
    await expect(
      store.update((doc) => {
        const visit = doc.visits.find((v) => v.id === 'V-2027-0');
        if (visit) visit.plannedDate = '2025-06-01';
      }),
    ).rejects.toThrow(/保存失败/);
    expect(await readFile(path.join(dir, 'visits-2025.json'), 'utf8')).toBe(before);
    // Memory was read back: the visit is where the files have it.
    expect(store.read()?.visits.find((v) => v.id === 'V-2027-0')?.plannedDate).toMatch(/^2027-/);
    await store.ensureYears({ years: [2025] });
    await store.update((doc) => {
      const visit = doc.visits.find((v) => v.id === 'V-2027-0');
      if (visit) visit.plannedDate = '2025-06-01';
    });
    await store.close();
    const in2025 = JSON.parse(await readFile(path.join(dir, 'visits-2025.json'), 'utf8')) as { visits: Visit[] };
    expect(in2025.visits.map((v) => v.id).sort()).toEqual([...Array.from({ length: 30 }, (_, i) => `V-2025-${i}`), 'V-2027-0'].sort());
  });

  it('a damaged past year is found when asked for: the reader is refused with a message, the file is left as it is and never written', async () => {
    const dir = await libraryOf(fourYears());
    const part = path.join(dir, 'visits-2024.json');
    await truncate(part, Math.floor((await stat(part)).size / 2));
    const damaged = await readFile(part, 'latin1');
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(store.recovery).toBeNull();
    await expect(handlers['stats:get']({ regionId: '', year: 2024 })).rejects.toThrow(
      /^数据文件 visits-2024\.json 无法读取：内容不是完整的 JSON.*文件未被改动/,
    );
    // The plan year's work goes on; the damaged year stays unread and unwritten.
    await handlers['visits:record']({ id: 'V-2027-5', doneDate: '2027-03-02', checklist: [], problems: [], notes: '' });
    expect(store.unreadYears).toContain(2024);
    await store.close();
    expect(await readFile(part, 'latin1')).toBe(damaged);
  });

  it('every year’s unfinished problems are read from the past years’ heads: 首页概览, 督导 and the ledger before 销号 read no past year whole', async () => {
    const dir = await libraryOf(withUnfinished(fourYears()));
    const copy = await newDir();
    await cp(dir, copy, { recursive: true });
    const whole = createHandlers({ store: await LowdbStore.open(copy), now: () => NOW });
    // Past the heads, the files of 2024 and 2025 are cut short: a reader that read either whole would be refused.
    for (const year of [2024, 2025]) {
      const file = path.join(dir, `visits-${year}.json`);
      const place = (await readYearHead(dir, 'visits', year))?.open;
      if (!place) throw new Error(`visits-${year}.json has no open visits in its head`);
      await truncate(file, place.at + place.bytes + 20);
    }
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    for (const read of UNFINISHED_READS)
      expect(await call(handlers, read), `${read[0]} ${JSON.stringify(read[1])}`).toEqual(await call(whole, read));
    expect(store.unreadYears).toEqual([2024, 2025]);
    // The figures count them: 2025's problem awaiting 交办, 2024's awaiting 复核.
    const stats = (await handlers['stats:get']({ regionId: '' })).problems;
    expect(stats).toMatchObject({ openAllYears: 1, byStage: { toAssign: 1, toRectify: 0, toReview: 1, toClose: 0 } });
    // A visit of a year read only by its head is never changed, so never saved into that year's file.
    await expect(
      store.update((doc) => {
        const visit = doc.visits.find((v) => v.id === 'V-2025-3');
        if (visit) visit.notes = '改动';
      }),
    ).rejects.toThrow();
    await store.close();
  });

  it('a step of a past year’s problem reads that year first and writes it with a new head; closed, it leaves the heads', async () => {
    const dir = await libraryOf(withUnfinished(fourYears()));
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(await handlers['visits:openProblems']({})).toHaveLength(1);
    expect(store.unreadYears).toEqual(PAST);
    for (const step of ['整改', '复核通过', '销号'] as const)
      await handlers['problems:step'](
        apiSchemas['problems:step'].parse({ visitId: 'V-2025-3', problemId: 'Q-2025-3', step, on: '2027-03-10' }),
      );
    expect(store.unreadYears).toEqual([2024, 2026]);
    const head = await readYearHead(dir, 'visits', 2025);
    expect(head).toMatchObject({ years: [2025], unfinished: 0, open: { bytes: 2 } });
    expect((await handlers['stats:get']({ regionId: '' })).problems).toMatchObject({
      openAllYears: 0,
      byStage: { toAssign: 0, toReview: 1 },
    });
    await store.close();

    const reread = await readLibrary(dir);
    expect(reread.visits.find((v) => v.id === 'V-2025-3')?.problems[0]?.steps.map((s) => s.step)).toEqual(['整改', '复核通过', '销号']);
    const reopened = await openServices(dir, { now: () => NOW });
    expect((await reopened.handlers['stats:get']({ regionId: '' })).problems).toMatchObject({ openAllYears: 0, byStage: { toReview: 1 } });
    await reopened.store.close();
  });

  it('year files written before their heads carried the open visits, or with no head at all, are read whole for them', async () => {
    const dir = await libraryOf(withUnfinished(fourYears()));
    const copy = await newDir();
    await cp(dir, copy, { recursive: true });
    const whole = createHandlers({ store: await LowdbStore.open(copy), now: () => NOW });
    // 2025 as version 4 first wrote it (years and unfinished only), 2024 as a file with no head.
    const library = await readLibrary(dir);
    const visitsOf = (year: number) => library.visits.filter((v) => v.plannedDate.startsWith(String(year)));
    const in2025 = visitsOf(2025);
    await writeFile(path.join(dir, 'visits-2025.json'), JSON.stringify({ years: [2025], unfinished: 1, visits: in2025 }));
    await writeFile(path.join(dir, 'visits-2024.json'), JSON.stringify({ visits: visitsOf(2024) }));
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    await handlers['visits:openProblems']({});
    expect(store.unreadYears).toEqual([2026]);
    for (const read of UNFINISHED_READS)
      expect(await call(handlers, read), `${read[0]} ${JSON.stringify(read[1])}`).toEqual(await call(whole, read));
    // Written again by a change of that year, it gets the head of today.
    await handlers['problems:step'](
      apiSchemas['problems:step'].parse({ visitId: 'V-2025-3', problemId: 'Q-2025-3', step: '整改', on: '2027-03-10' }),
    );
    expect(await readYearHead(dir, 'visits', 2025)).toMatchObject({ unfinished: 1, open: { at: expect.any(Number) as number } });
    await store.close();
  });
});

/** Reads that use every year's unfinished problems (and the plan year's visits). */
const UNFINISHED_READS: readonly (typeof READS)[number][] = [
  ['stats:get', apiSchemas['stats:get'].parse({})],
  ['visits:query', apiSchemas['visits:query'].parse({ year: 2027 })],
  ['visits:query', apiSchemas['visits:query'].parse({ year: 2027, status: 'done' })],
  ['visits:openProblems', apiSchemas['visits:openProblems'].parse({})],
  ['problems:list', apiSchemas['problems:list'].parse({ open: true })],
  ['problems:list', apiSchemas['problems:list'].parse({ stage: '待交办' })],
  ['problems:list', apiSchemas['problems:list'].parse({ stage: '待复核' })],
  ['problems:list', apiSchemas['problems:list'].parse({ overdue: '整改' })],
];

/** fourYears with a problem of 2024 rectified and awaiting 复核 besides 2025's awaiting 交办. */
function withUnfinished(doc: DataDoc): DataDoc {
  const visit = doc.visits.find((v) => v.id === 'V-2024-14');
  const problem = visit?.problems[0];
  if (!problem) throw new Error('no problem on V-2024-14');
  problem.steps = [{ step: '整改', on: problem.deadline, by: '管理员', note: '' }];
  return doc;
}
