import { describe, expect, it } from 'vitest';
import { CadreSchema, EntitySchema } from '@shared/domain/schemas';
import { computeLoadBands, loadRanges } from '@shared/stats/loads';
import { percentValue } from '@shared/stats/percent';
import { computeWeekly } from '@shared/stats/weekly';
import { emptyDoc, type DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';

/**
 * One 旗 with 乡镇 一镇 and 一镇东 (a name that starts with the other's) and a second 旗 holding
 * another 一镇 (the same name): scoping by path prefix or by name would mix them up.
 */
function handMade(): DataDoc {
  const doc = emptyDoc(new Date('2027-01-05T00:00:00Z'));
  doc.profile.planYear = 2027;
  doc.profile.loadCap = { city: 5, county: 5, township: 4, village: 25 };
  doc.regions = [
    { id: 'c', name: '市', level: 'city', parentId: null, code: '', kind: '' },
    { id: 'q1', name: '甲旗', level: 'county', parentId: 'c', code: '', kind: '' },
    { id: 'q2', name: '乙区', level: 'county', parentId: 'c', code: '', kind: '' },
    { id: 'z1', name: '一镇', level: 'township', parentId: 'q1', code: '', kind: '' },
    { id: 'z1e', name: '一镇东', level: 'township', parentId: 'q1', code: '', kind: '' },
    { id: 'z2', name: '一镇', level: 'township', parentId: 'q2', code: '', kind: '' },
  ];
  const ent = (id: string, regionId: string) => EntitySchema.parse({ id, name: id, grade: 'C', type: '企业', regionId });
  doc.entities = [ent('a', 'z1'), ent('b', 'z1e'), ent('d', 'z2')];
  const cadre = (id: string, regionId: string, level = 'township') => CadreSchema.parse({ id, name: id, level, regionId });
  doc.cadres = [cadre('k1', 'z1'), cadre('k2', 'z1'), cadre('k3', 'z1e'), cadre('k4', 'z2'), cadre('k5', 'q1', 'county')];
  const assign = (n: number, cadreId: string) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${cadreId}-${i}`,
      entityId: `x${i}`,
      cadreId,
      start: '2027-01-02',
      end: '',
      reason: '新建' as const,
      endReason: '' as const,
      manual: false,
    }));
  // k1: 0 (idle); k2: 2 (half of 4: light); k3: 3 (near); k4: 5 (over the cap of 4); k5 county: 1 (light).
  doc.assignments = [...assign(2, 'k2'), ...assign(3, 'k3'), ...assign(5, 'k4'), ...assign(1, 'k5')];
  // An assignment that has ended does not count.
  doc.assignments.push({
    id: 'old',
    entityId: 'a',
    cadreId: 'k1',
    start: '2026-01-02',
    end: '2026-06-01',
    reason: '新建',
    endReason: '调整',
    manual: false,
  });
  return doc;
}

let seq = 0;
function visit(entityId: string, plannedDate: string, doneDate?: string, problems: readonly (string | undefined)[] = []): Visit {
  seq++;
  return {
    id: `v${seq}`,
    entityId,
    cadreId: 'k1',
    plannedDate,
    ...(doneDate === undefined ? {} : { doneDate }),
    checklist: [],
    problems: problems.map((rectifiedOn, i) => ({
      id: `p${seq}-${i}`,
      description: '问题',
      deadline: '2027-02-01',
      steps: [],
      ...(rectifiedOn === undefined ? {} : { rectifiedOn }),
    })),
    notes: '',
  };
}

const ALL = { regionId: '', from: '', to: '' };

describe('weekly 督导 series', () => {
  it('counts weeks across a year boundary, planned and made per week and cumulated', () => {
    const doc = handMade();
    doc.visits = [
      visit('a', '2026-12-30', '2027-01-02', ['2027-01-04', undefined]),
      visit('a', '2027-01-05'),
      visit('b', '2026-12-22', '2027-01-08', [undefined]),
      visit('d', '2026-12-01'), // before the range
    ];
    const series = computeWeekly(doc, { regionId: '', from: '2026-12-21', to: '2027-01-10' }, '2027-01-06');
    expect(series.weeks.map((w) => w.label)).toEqual(['26-12-21', '26-12-28', '27-01-04']);
    expect(series.weeks.map((w) => [w.planned, w.done, w.plannedCum, w.doneCum])).toEqual([
      [1, 0, 1, 0],
      [1, 1, 2, 1],
      [1, 1, 3, 2],
    ]);
    expect(series.weeks.map((w) => [w.found, w.rectified])).toEqual([
      [0, 0],
      [2, 1],
      [1, 0],
    ]);
    expect(series.todayLabel).toBe('27-01-04');
    expect(series.weeks[2]).toMatchObject({ start: '2027-01-04', end: '2027-01-10' });
  });

  it('clips the first and last week to the range and leaves today unmarked outside it', () => {
    const doc = handMade();
    doc.visits = [visit('a', '2026-12-30'), visit('a', '2027-01-01'), visit('a', '2027-01-11')];
    const series = computeWeekly(doc, { regionId: '', from: '2027-01-01', to: '2027-01-10' }, '2027-03-01');
    // 2027-01-01 is a Friday: the first week is its Friday to Sunday.
    expect(series.weeks.map((w) => [w.label, w.start, w.end, w.planned])).toEqual([
      ['01-01', '2027-01-01', '2027-01-03', 1],
      ['01-04', '2027-01-04', '2027-01-10', 0],
    ]);
    expect(series.todayLabel).toBeNull();
  });

  it('defaults to the plan year and counts this month whatever the range', () => {
    const doc = handMade();
    doc.visits = [
      visit('a', '2027-03-02', '2027-03-03'),
      visit('b', '2027-03-20'),
      visit('d', '2027-02-27', '2027-03-01'),
      visit('a', '2027-05-01'),
    ];
    const year = computeWeekly(doc, ALL, '2027-03-10');
    expect([year.from, year.to, year.weeks.length]).toEqual(['2027-01-01', '2027-12-31', 53]);
    expect(year.weeks.at(-1)).toMatchObject({ plannedCum: 4, doneCum: 2 });
    expect(year.month).toEqual({ planned: 2, done: 2 });
    const april = computeWeekly(doc, { regionId: '', from: '2027-04-01', to: '2027-04-30' }, '2027-03-10');
    expect(april.month).toEqual(year.month);
    expect(april.weeks.every((w) => w.planned === 0 && w.done === 0 && w.found === 0)).toBe(true);
  });

  it('scopes by region id: a 乡镇 takes in neither a longer name nor a namesake elsewhere', () => {
    const doc = handMade();
    doc.visits = [
      visit('a', '2027-01-05', '2027-01-05', [undefined]),
      visit('b', '2027-01-05', '2027-01-06', [undefined, undefined]),
      visit('d', '2027-01-05'),
      visit('gone', '2027-01-05'),
    ];
    const planned = (regionId: string) => computeWeekly(doc, { regionId, from: '2027-01-04', to: '2027-01-10' }, '2027-01-06').weeks[0]!;
    expect(planned('z1')).toMatchObject({ planned: 1, done: 1, found: 1 });
    expect(planned('z1e')).toMatchObject({ planned: 1, done: 1, found: 2 });
    expect(planned('q1')).toMatchObject({ planned: 2, done: 2, found: 3 });
    expect(planned('z2')).toMatchObject({ planned: 1, done: 0, found: 0 });
    // A visit whose 主体 was deleted belongs to no scope, not even the whole library (as in stats).
    expect(planned('')).toMatchObject({ planned: 3 });
  });

  it('gives zero weeks, not NaN, for an empty library', () => {
    const series = computeWeekly(
      emptyDoc(new Date('2027-01-05T00:00:00Z')),
      { regionId: '', from: '2027-01-04', to: '2027-01-17' },
      '2027-01-05',
    );
    expect(series.weeks).toHaveLength(2);
    expect(series.weeks.every((w) => w.plannedCum === 0 && w.doneCum === 0 && w.found === 0)).toBe(true);
    expect(series.month).toEqual({ planned: 0, done: 0 });
  });
});

describe('cadre load bands', () => {
  it('splits the cap into bands that touch and do not overlap', () => {
    expect(loadRanges(4)).toEqual({
      idle: { min: 0, max: 0 },
      light: { min: 1, max: 2 },
      near: { min: 3, max: 4 },
      over: { min: 5, max: null },
    });
    expect(loadRanges(5)).toMatchObject({ light: { min: 1, max: 3 }, near: { min: 4, max: 5 } });
  });

  it('counts the cadres of a scope per level and band, by region id', () => {
    const doc = handMade();
    const bands = (regionId: string) => computeLoadBands(doc, regionId).map((b) => [b.level, b.cap, b.counts]);
    expect(bands('')).toEqual([
      ['county', 5, { idle: 0, light: 1, near: 0, over: 0 }],
      ['township', 4, { idle: 1, light: 1, near: 1, over: 1 }],
    ]);
    expect(bands('z1')).toEqual([['township', 4, { idle: 1, light: 1, near: 0, over: 0 }]]);
    expect(bands('z1e')).toEqual([['township', 4, { idle: 0, light: 0, near: 1, over: 0 }]]);
    expect(bands('q2')).toEqual([['township', 4, { idle: 0, light: 0, near: 0, over: 1 }]]);
    doc.cadres = [];
    expect(computeLoadBands(doc, '')).toEqual([]);
  });
});

describe('percentages', () => {
  it('rounds to one decimal, never to 100% with one missing nor to 0% with one done, and has none for 0/0', () => {
    expect(percentValue({ done: 1602, total: 1635 })).toBe(98);
    expect(percentValue({ done: 633, total: 653 })).toBe(96.9);
    expect(percentValue({ done: 9999, total: 10000 })).toBe(99.9);
    expect(percentValue({ done: 1, total: 10000 })).toBe(0.1);
    expect(percentValue({ done: 332, total: 332 })).toBe(100);
    expect(percentValue({ done: 0, total: 5 })).toBe(0);
    expect(percentValue({ done: 0, total: 0 })).toBeNull();
  });
});
