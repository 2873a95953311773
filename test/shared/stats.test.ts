import { describe, expect, it } from 'vitest';
import { generateDemo } from '@shared/demo/generate';
import { CadreSchema, EntitySchema } from '@shared/domain/schemas';
import { computeBreakdown } from '@shared/stats/breakdown';
import { computeStats } from '@shared/stats/stats';
import { emptyDoc } from '@shared/storage/types';

function handMade() {
  const doc = emptyDoc(new Date('2027-01-05T00:00:00Z'));
  doc.profile.planYear = 2027;
  doc.regions = [
    { id: 'c', name: '市', level: 'city', parentId: null, code: '', kind: '' },
    { id: 'q1', name: '甲旗', level: 'county', parentId: 'c', code: '', kind: '' },
    { id: 'q2', name: '乙区', level: 'county', parentId: 'c', code: '', kind: '' },
    { id: 'z1', name: '一镇', level: 'township', parentId: 'q1', code: '', kind: '' },
    { id: 'z2', name: '二镇', level: 'township', parentId: 'q2', code: '', kind: '' },
  ];
  const ent = (id: string, regionId: string, extra: object) =>
    EntitySchema.parse({ id, name: id, grade: 'C', type: '企业', regionId, ...extra });
  doc.entities = [
    ent('a', 'z1', {
      scale: '大型',
      safetyOfficers: [{ name: '甲' }],
      director: { name: '乙' },
      duties: { dailyWeeklyMonthly: '2027-01-01', riskSystem: '2027-01-01' },
    }),
    ent('b', 'z1', { scale: '小型', safetyOfficers: [{ name: '丙' }] }),
    ent('c', 'z2', { scale: '中型', status: '注销' }),
    ent('d', 'z2', { type: '小餐饮', grade: 'D' }),
  ];
  doc.cadres = [
    CadreSchema.parse({
      id: 'k1',
      name: '干部一',
      level: 'township',
      regionId: 'z1',
      commitments: [{ year: 2027, signedOn: '2027-01-02' }],
    }),
    CadreSchema.parse({ id: 'k2', name: '干部二', level: 'township', regionId: 'z2', active: false }),
  ];
  doc.assignments = [{ id: 'x', entityId: 'a', cadreId: 'k1', start: '2027-01-02', end: '', reason: '新建', endReason: '', manual: false }];
  return doc;
}

describe('statistics', () => {
  it('computes the seed indicators with their denominators', () => {
    const stats = computeStats(handMade());
    expect(stats.entities).toEqual({ total: 4, byGrade: { A: 0, B: 0, C: 3, D: 1 }, enterprises: 3, largeEnterprises: 1 });
    expect(stats.coverage).toMatchObject({ assigned: 1, unassigned: 2 });
    // 企业 not 注销: a and b. A 总监 is required of a (大型) only; c (中型) is 注销.
    expect(stats.duties).toEqual({
      dailyWeeklyMonthly: { done: 1, total: 2 },
      riskSystem: { done: 1, total: 2 },
      safetyOfficer: { done: 2, total: 2 },
      safetyDirector: { done: 1, total: 1 },
      commitment: { done: 0, total: 2 },
    });
    expect(stats.cadres).toMatchObject({ total: 2, active: 1, commitmentSigned: { done: 1, total: 1 } });
  });

  it('follows the scope and gives zero denominators, not NaN, for an empty one', () => {
    const doc = handMade();
    expect(computeStats(doc, { regionId: 'q2' }).entities.total).toBe(2);
    expect(computeStats(doc, { regionId: 'q2' }).duties.safetyDirector).toEqual({ done: 0, total: 0 });
    expect(computeStats(doc, { regionId: 'z1' }).coverage).toMatchObject({ assigned: 1, unassigned: 1 });
  });

  it('counts the plan year problems, and the open ones of every year as the 问题整改台账 lists them', () => {
    const doc = handMade();
    const problem = (id: string, rectifiedOn?: string) => ({
      id,
      description: id,
      deadline: '2026-12-31',
      steps: [],
      ...(rectifiedOn ? { rectifiedOn } : {}),
    });
    const visit = (id: string, entityId: string, doneDate: string, problems: ReturnType<typeof problem>[]) => ({
      id,
      entityId,
      cadreId: 'k1',
      plannedDate: doneDate,
      doneDate,
      checklist: [],
      problems,
      notes: '',
    });
    doc.visits = [
      // Found last year, still open: the clerk still has to chase it.
      visit('v2026', 'a', '2026-11-20', [problem('old-open'), problem('old-closed', '2026-12-01')]),
      visit('v2027', 'a', '2027-01-04', [problem('new-open'), problem('new-closed', '2027-01-05')]),
      visit('v2027-z2', 'd', '2027-01-04', [problem('other-region')]),
      // A deleted 主体's visit stays in the whole library's ledger.
      visit('v-gone', 'gone', '2027-01-04', [problem('gone')]),
    ];
    // A problem rectified before the 复核 step existed awaits 复核: open in byStage, though counted 已整改.
    expect(computeStats(doc).problems).toEqual({
      open: 2,
      closed: 1,
      openAllYears: 4,
      byStage: { toAssign: 4, toRectify: 0, toReview: 2, toClose: 0 },
    });
    expect(computeStats(doc, { regionId: 'q1' }).problems).toEqual({
      open: 1,
      closed: 1,
      openAllYears: 2,
      byStage: { toAssign: 2, toRectify: 0, toReview: 2, toClose: 0 },
    });
  });

  it('counts completion per quarter and per cadre level for the year asked, leaving out what 停业 and 注销 主体 still owed', () => {
    const doc = handMade();
    doc.entities.push(EntitySchema.parse({ id: 'p', name: 'p', grade: 'D', type: '小餐饮', regionId: 'z1', status: '停业' }));
    doc.cadres.push(CadreSchema.parse({ id: 'v1', name: '干部三', level: 'village', regionId: 'z1' }));
    const visit = (id: string, entityId: string, cadreId: string, plannedDate: string, doneDate?: string) => ({
      id,
      entityId,
      cadreId,
      plannedDate,
      ...(doneDate ? { doneDate } : {}),
      checklist: [],
      problems: [],
      notes: '',
    });
    doc.visits = [
      visit('1', 'a', 'k1', '2026-02-10', '2026-02-11'),
      visit('2', 'a', 'k1', '2026-05-10'),
      // Planned in Q3, made in Q4: it counts where it was made.
      visit('3', 'b', 'k1', '2026-09-20', '2026-10-08'),
      visit('4', 'd', 'v1', '2026-12-01'),
      // 停业 and 注销: the visit still owed is not due; one already made counts.
      visit('5', 'p', 'v1', '2026-03-01'),
      visit('6', 'c', 'k1', '2026-06-01'),
      visit('7', 'p', 'v1', '2026-01-20', '2026-01-21'),
      // Another year.
      visit('8', 'a', 'k1', '2027-02-01'),
    ];
    const stats = computeStats(doc, { year: 2026 });
    expect(stats.visits.byQuarter).toEqual([
      { planned: 2, done: 2 },
      { planned: 1, done: 0 },
      { planned: 0, done: 0 },
      { planned: 2, done: 1 },
    ]);
    expect(stats.visits.byLevel.township).toEqual([
      { planned: 1, done: 1 },
      { planned: 1, done: 0 },
      { planned: 0, done: 0 },
      { planned: 1, done: 1 },
    ]);
    expect(stats.visits.byLevel.village).toEqual([
      { planned: 1, done: 1 },
      { planned: 0, done: 0 },
      { planned: 0, done: 0 },
      { planned: 1, done: 0 },
    ]);
    // By region: the scope.
    expect(computeStats(doc, { year: 2026, regionId: 'q2' }).visits.byQuarter.map((q) => q.planned)).toEqual([0, 0, 0, 1]);
    // Without a year: the plan year.
    expect(computeStats(doc).visits.byQuarter.map((q) => q.planned)).toEqual([1, 0, 0, 0]);
  });

  it('breaks the figures down per 旗区 and per 乡镇, adding up to the total', () => {
    const doc = handMade();
    const perCounty = computeBreakdown(doc);
    expect(perCounty.rowLevel).toBe('county');
    expect(perCounty.rows.map((r) => `${r.name}:${r.entities}:${r.coverage.done}/${r.coverage.total}`)).toEqual([
      '甲旗:2:1/2',
      '乙区:2:0/1',
    ]);
    expect(perCounty.total).toMatchObject({ name: '合计', entities: 4, coverage: { done: 1, total: 3 } });
    expect(computeBreakdown(doc, 'q1').rows.map((r) => r.name)).toEqual(['一镇']);
  });

  it('matches stats at city scale', () => {
    const doc = generateDemo('city', 1, new Date('2027-01-05T00:00:00Z'));
    const stats = computeStats(doc);
    const breakdown = computeBreakdown(doc);
    expect(breakdown.rows).toHaveLength(9);
    expect(breakdown.total.entities).toBe(stats.entities.total);
    expect(breakdown.total.duties).toEqual(stats.duties);
    expect(breakdown.rows.reduce((n, r) => n + r.entities, 0)).toBe(21_893);
    expect(breakdown.total.coverage).toEqual({ done: stats.coverage.assigned, total: stats.coverage.assigned + stats.coverage.unassigned });
  });
});
