import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { CadreSchema, EntitySchema } from '@shared/domain/schemas';
import type { DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/**
 * smallDoc plus a 乡镇 named 昭君镇东 (its name starts with 昭君镇) holding a third 主体, and
 * a year of visits spread over both 乡镇 and the year boundary.
 */
function docWithVisits(): DataDoc {
  const doc = smallDoc();
  doc.profile.planYear = 2027;
  doc.regions.push({ id: 'zjzd', name: '昭君镇东', level: 'township', parentId: 'dls', code: '', kind: '镇' });
  doc.entities.push(EntitySchema.parse({ id: 'e3', name: '东边饭店', type: '个体工商户', grade: 'D', regionId: 'zjzd' }));
  doc.cadres.push(CadreSchema.parse({ id: 'c3', name: '王强', level: 'township', regionId: 'zjzd' }));
  doc.assignments.push({
    id: 'a3',
    entityId: 'e3',
    cadreId: 'c3',
    start: '2027-01-02',
    end: '',
    reason: '新建',
    endReason: '',
    manual: false,
  });
  const dates: [string, string, string | undefined, number, number][] = [
    // entity, planned, done, problems, of which rectified
    ['e1', '2026-12-30', '2027-01-04', 2, 1],
    ['e1', '2027-01-12', '2027-01-13', 1, 0],
    ['e1', '2027-01-20', undefined, 0, 0],
    ['e2', '2027-01-05', '2027-01-05', 0, 0],
    ['e3', '2027-01-06', '2027-01-07', 3, 1],
    ['e3', '2027-01-26', undefined, 0, 0],
  ];
  doc.visits = dates.map(([entityId, plannedDate, doneDate, problems, rectified], i): Visit => ({
    id: `v${i}`,
    entityId,
    cadreId: entityId === 'e3' ? 'c3' : 'c1',
    plannedDate,
    ...(doneDate === undefined ? {} : { doneDate }),
    checklist: [],
    problems: Array.from({ length: problems }, (_, k) => ({
      id: `q${i}-${k}`,
      description: '问题',
      deadline: '2027-01-31',
      steps: [],
      ...(k < rectified ? { rectifiedOn: '2027-01-25' } : {}),
    })),
    notes: '',
  }));
  return doc;
}

async function services() {
  const dir = await newDir();
  const opened = await openServices(dir, { now: () => new Date('2027-01-21T09:00:00') });
  const doc = docWithVisits();
  await opened.store.replace(doc);
  return { ...opened, doc };
}

/** The hand count of one week: visits planned in it, made in it, problems found on those made. */
function handCount(doc: DataDoc, entityIds: readonly string[], from: string, to: string) {
  const mine = doc.visits.filter((v) => entityIds.includes(v.entityId));
  const inWeek = (d: string | undefined) => d !== undefined && d >= from && d <= to;
  const made = mine.filter((v) => inWeek(v.doneDate));
  return {
    planned: mine.filter((v) => inWeek(v.plannedDate)).length,
    done: made.length,
    found: made.reduce((n, v) => n + v.problems.length, 0),
    rectified: made.reduce((n, v) => n + v.problems.filter((p) => p.rectifiedOn).length, 0),
  };
}

describe('stats:weekly', () => {
  it('equals a hand count over the library, per scope, and follows a change', async () => {
    const { handlers, doc } = await services();
    const series = await handlers['stats:weekly']({ regionId: '', from: '', to: '' });
    expect([series.from, series.to]).toEqual(['2027-01-01', '2027-12-31']);
    for (const week of series.weeks.slice(0, 5)) {
      expect(week, week.label).toMatchObject(handCount(doc, ['e1', 'e2', 'e3'], week.start, week.end));
    }
    expect(series.todayLabel).toBe('01-18');
    expect(series.month).toEqual({ planned: 5, done: 4 });
    expect(series.weeks.at(-1)).toMatchObject({ plannedCum: 5, doneCum: 4 });

    // 昭君镇 holds e1 (in its village 和胜村); 昭君镇东 is not part of it.
    const town = await handlers['stats:weekly']({ regionId: 'zjz', from: '2027-01-04', to: '2027-01-31' });
    for (const week of town.weeks) expect(week, week.label).toMatchObject(handCount(doc, ['e1'], week.start, week.end));
    const east = await handlers['stats:weekly']({ regionId: 'zjzd', from: '2027-01-04', to: '2027-01-31' });
    expect(east.weeks[0]).toMatchObject({ planned: 1, done: 1, found: 3, rectified: 1 });

    // Memoised per data version: a recorded visit shows at once.
    await handlers['visits:record']({ id: 'v2', doneDate: '2027-01-20', checklist: [], problems: [], notes: '' });
    const after = await handlers['stats:weekly']({ regionId: '', from: '', to: '' });
    expect(after.weeks.at(-1)).toMatchObject({ plannedCum: 5, doneCum: 5 });
    expect(after.month).toEqual({ planned: 5, done: 5 });
  });

  it('refuses an unknown region and a reversed or overlong range in Chinese', async () => {
    const { handlers } = await services();
    expect(await dispatch(handlers, 'stats:weekly', { regionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('区划') },
    });
    expect(await dispatch(handlers, 'stats:weekly', { from: '2027-02-01', to: '2027-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('开始日期不能晚于结束日期') },
    });
    expect(await dispatch(handlers, 'stats:weekly', { from: '2020-01-01', to: '2027-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('不能超过 5 年') },
    });
  });
});

describe('drill-down filters', () => {
  it('lists the visits of a week in a scope, and the open problems found then', async () => {
    const { handlers } = await services();
    const week = { year: 2027, cadreId: '', entityId: '', from: '2027-01-04', to: '2027-01-10' };
    const ids = async (regionId: string) => (await handlers['visits:list']({ ...week, regionId })).map((v) => v.id).sort();
    // v0 was planned in 2026 but made this week; v3 and v4 planned and made in it.
    expect(await ids('')).toEqual(['v0', 'v3', 'v4']);
    expect(await ids('zjz')).toEqual(['v0']);
    expect(await ids('dls')).toEqual(['v0', 'v3', 'v4']);
    const open = async (regionId: string, from = '2027-01-04', to = '2027-01-10') =>
      (await handlers['visits:openProblems']({ regionId, from, to })).map((p) => p.problem.id).sort();
    expect(await open('')).toEqual(['q0-1', 'q4-1', 'q4-2']);
    expect(await open('zjzd')).toEqual(['q4-1', 'q4-2']);
    expect(await open('', '', '')).toEqual(['q0-1', 'q1-0', 'q4-1', 'q4-2']);
  });

  it('lists the cadres whose load lies in a band', async () => {
    const { handlers } = await services();
    const names = async (minLoad: number, maxLoad?: number, regionId = '') =>
      (
        await handlers['cadres:query']({
          text: '',
          regionId,
          levels: [],
          active: 'any',
          minLoad,
          ...(maxLoad === undefined ? {} : { maxLoad }),
        })
      ).rows
        .map((r) => r.name)
        .sort();
    expect(await names(0, 0)).toEqual(['李娜']);
    expect(await names(1)).toEqual(['张伟', '王强'].sort());
    expect(await names(1, undefined, 'zjz')).toEqual(['张伟']);
    expect(await names(2)).toEqual([]);
    const bands = await handlers['stats:loads']({ regionId: 'dls' });
    expect(bands.map((b) => [b.level, b.counts])).toEqual([
      ['township', { idle: 0, light: 2, near: 0, over: 0 }],
      ['village', { idle: 1, light: 0, near: 0, over: 0 }],
    ]);
  });
});
