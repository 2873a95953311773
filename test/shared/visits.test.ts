import { describe, expect, it } from 'vitest';
import { mondayOfDay, parseIsoDate, WorkCalendar } from '../../shared/calendar';
import { generateDemo } from '../../shared/demo/generate';
import type { Assignment, Cadre, Entity, Grade } from '../../shared/domain/schemas';
import {
  DEFAULT_VISIT_RULES,
  openProblems,
  planVisits,
  VisitRulesSchema,
  VisitSchema,
  type Visit,
  type VisitDraft,
  type VisitPlanInput,
} from '../../shared/visits';

const calendar = new WorkCalendar();

function entity(id: string, grade: Grade = 'D', status: Entity['status'] = '在营'): Entity {
  return { id, grade, status } as Entity;
}
function cadre(id: string, active = true): Cadre {
  return { id, active } as Cadre;
}
function assignment(entityId: string, cadreId: string, start = '2025-01-01', end = ''): Assignment {
  return { id: `a-${entityId}-${cadreId}`, entityId, cadreId, start, end, reason: '新建', endReason: '', manual: false };
}
function visit(entityId: string, cadreId: string, plannedDate: string, doneDate?: string): Visit {
  return {
    id: `v-${entityId}-${plannedDate}`,
    entityId,
    cadreId,
    plannedDate,
    ...(doneDate ? { doneDate } : {}),
    checklist: [],
    problems: [],
    notes: '',
  };
}

function input(over: Partial<VisitPlanInput>): VisitPlanInput {
  return { year: 2026, assignments: [], entities: [], cadres: [], calendar, rules: DEFAULT_VISIT_RULES, existing: [], ...over };
}

/** Visits per (cadre, Monday). */
function weekLoads(visits: readonly VisitDraft[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const v of visits) {
    const key = `${v.cadreId}|${mondayOfDay(parseIsoDate(v.plannedDate) ?? 0)}`;
    loads.set(key, (loads.get(key) ?? 0) + 1);
  }
  return loads;
}

const QUARTERS: ReadonlyArray<readonly [string, string]> = [
  ['2026-01-01', '2026-03-31'],
  ['2026-04-01', '2026-06-30'],
  ['2026-07-01', '2026-09-30'],
  ['2026-10-01', '2026-12-31'],
];

describe('city-scale plan (docs/domain.md#示范数据与规模)', () => {
  const doc = generateDemo('city', 1, new Date('2026-01-05T00:00:00Z'));
  const entityById = new Map(doc.entities.map((e) => [e.id, e]));
  // 停业 and 注销 主体 are not due.
  const current = doc.assignments.filter((a) => a.end === '' && entityById.get(a.entityId)?.status === '在营');
  const planInput = input({ assignments: doc.assignments, entities: doc.entities, cadres: doc.cadres, existing: [] });
  const started = performance.now();
  const plan = planVisits(planInput);
  const elapsed = performance.now() - started;

  it('gives every current assignment one visit per quarter, on working days, from its start', () => {
    console.log(`planVisits: ${current.length} assignments → ${plan.visits.length} visits in ${elapsed.toFixed(0)} ms`);
    expect(current.length).toBeGreaterThan(20_000);
    expect(plan.visits).toHaveLength(current.length * 4);
    const byPair = new Map<string, VisitDraft[]>();
    for (const v of plan.visits) byPair.set(`${v.entityId}|${v.cadreId}`, [...(byPair.get(`${v.entityId}|${v.cadreId}`) ?? []), v]);
    for (const a of current) {
      const mine = byPair.get(`${a.entityId}|${a.cadreId}`) ?? [];
      expect(mine.map((v) => v.period)).toEqual([0, 1, 2, 3]);
      for (const v of mine) {
        const [from, to] = QUARTERS[v.period] ?? ['', ''];
        expect(
          v.plannedDate >= from && v.plannedDate <= to && v.plannedDate >= a.start,
          `${v.plannedDate} in Q${v.period + 1} from ${a.start}`,
        ).toBe(true);
      }
    }
    for (const v of plan.visits) if (!calendar.isWorkingDay(v.plannedDate)) throw new Error(`${v.plannedDate} is not a working day`);
  });

  it('keeps every cadre within the weekly cap and spreads the days', () => {
    expect(plan.overCap).toEqual([]);
    expect(Math.max(...weekLoads(plan.visits).values())).toBeLessThanOrEqual(DEFAULT_VISIT_RULES.weeklyCapPerCadre);
    // Not everyone on the first Monday: the busiest day of Q1 holds a small share of its visits.
    const q1 = plan.visits.filter((v) => v.period === 0);
    const perDay = new Map<string, number>();
    for (const v of q1) perDay.set(v.plannedDate, (perDay.get(v.plannedDate) ?? 0) + 1);
    expect(perDay.size).toBe(calendar.workingDaysBetween('2026-01-01', '2026-03-31'));
    expect(Math.max(...perDay.values())).toBeLessThan(q1.length / 20);
  });

  it('says which assignments it could not plan', () => {
    expect(plan.notes.some((n) => n.includes('已注销主体仍有包保关系'))).toBe(true);
  });

  it('is deterministic, whatever the input order', () => {
    const again = planVisits({ ...planInput, assignments: [...doc.assignments].reverse(), entities: [...doc.entities].reverse() });
    expect(again.visits).toEqual(plan.visits);
  });
});

describe('periods and regeneration', () => {
  it('spreads 12, 2, 3 and 5 visits a year over equal periods', () => {
    const entities = [entity('m', 'A'), entity('h', 'B'), entity('t', 'C'), entity('f', 'D')];
    const rules = { ...DEFAULT_VISIT_RULES, perYearByGrade: { A: 12, B: 2, C: 3, D: 5 } };
    const plan = planVisits(input({ entities, cadres: [cadre('c')], assignments: entities.map((e) => assignment(e.id, 'c')), rules }));
    const of = (id: string): string[] => plan.visits.filter((v) => v.entityId === id).map((v) => v.plannedDate);
    expect(of('m').map((d) => d.slice(0, 7))).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(of('h').map((d) => d <= '2026-06-30')).toEqual([true, false]);
    const thirds = of('t');
    expect([thirds[0]! <= '2026-04-30', thirds[1]! >= '2026-05-01' && thirds[1]! <= '2026-08-31', thirds[2]! >= '2026-09-01']).toEqual([
      true,
      true,
      true,
    ]);
    // 5 does not divide 12: the 365 days split into 73-day periods.
    const fifths = of('f');
    expect(fifths).toHaveLength(5);
    fifths.forEach((d, k) => {
      const day = (parseIsoDate(d) ?? 0) - (parseIsoDate('2026-01-01') ?? 0);
      expect(day >= k * 73 && day < (k + 1) * 73).toBe(true);
    });
  });

  it('keeps done visits: a done visit fills its quarter, planned ones are replaced', () => {
    const base = input({ entities: [entity('e', 'A')], cadres: [cadre('c'), cadre('old')], assignments: [assignment('e', 'c')] });
    const existing = [
      visit('e', 'old', '2026-05-06', '2026-05-08'),
      visit('e', 'c', '2026-08-03'),
      visit('e', 'c', '2025-11-03', '2025-11-03'),
    ];
    const plan = planVisits({ ...base, existing });
    expect(plan.visits.map((v) => v.period)).toEqual([0, 2, 3]);
    expect(plan.filledByDone).toBe(1);
    expect(plan.notes).toContain('1 个督导周期已有完成的督导记录，保留原记录，不再安排');
    // The dates of the other quarters do not move when a visit is done.
    const fresh = planVisits(base);
    expect(plan.visits).toEqual(fresh.visits.filter((v) => v.period !== 1));
  });

  it('plans nothing before an assignment began', () => {
    const plan = planVisits(input({ entities: [entity('e')], cadres: [cadre('c')], assignments: [assignment('e', 'c', '2026-05-15')] }));
    expect(plan.visits.map((v) => v.period)).toEqual([1, 2, 3]);
    expect(plan.visits[0]!.plannedDate >= '2026-05-15').toBe(true);
    expect(plan.notes).toContain('1 个督导周期在包保关系建立之前已结束，未安排（应由原包保干部完成）');
  });

  it('ignores ended assignments and notes inactive cadres', () => {
    const plan = planVisits(
      input({
        entities: [entity('e1'), entity('e2')],
        cadres: [cadre('c1'), cadre('c2', false)],
        assignments: [assignment('e1', 'c1', '2025-01-01', '2025-12-01'), assignment('e2', 'c2')],
      }),
    );
    expect(new Set(plan.visits.map((v) => v.entityId))).toEqual(new Set(['e2']));
    expect(plan.notes).toContain('1 名已停用的干部仍有包保主体，督导仍按其安排，请先调整包保关系');
  });
});

describe('frequency settings', () => {
  it("takes the larger of the grade's and the cadre level's number, and leaves 停业 主体 out", () => {
    const entities = [entity('a', 'A'), entity('d', 'D'), entity('p', 'D', '停业')];
    const cadres = [{ id: 'city', active: true, level: 'city' } as Cadre, { id: 'vil', active: true, level: 'village' } as Cadre];
    const rules = { ...DEFAULT_VISIT_RULES, perYearByLevel: { city: 12, county: 0, township: 0, village: 2 } };
    const plan = planVisits(
      input({ entities, cadres, assignments: [assignment('a', 'city'), assignment('d', 'vil'), assignment('p', 'vil')], rules }),
    );
    const count = (id: string): number => plan.visits.filter((v) => v.entityId === id).length;
    expect([count('a'), count('d'), count('p')]).toEqual([12, 4, 0]);
    expect(plan.notes).toContain('1 个停业主体本年度不在督导范围内，未安排督导（恢复经营后重新生成计划）');
  });

  it('adds one visit in the working days before each named holiday, for the named grades', () => {
    const entities = [entity('a', 'A'), entity('d', 'D')];
    const rules = {
      ...DEFAULT_VISIT_RULES,
      holidayExtras: { holidays: ['春节', '国庆节', '元旦', '端午'], grades: ['A' as const], workingDaysBefore: 5 },
    };
    const plan = planVisits(input({ entities, cadres: [cadre('c')], assignments: entities.map((e) => assignment(e.id, 'c')), rules }));
    const extras = plan.visits.filter((v) => v.holiday !== '');
    expect(extras.map((v) => `${v.entityId}:${v.holiday}`)).toEqual(['a:春节', 'a:国庆节']);
    expect(plan.visits.filter((v) => v.entityId === 'd')).toHaveLength(4);
    const before = (first: string): string[] => {
      const days = [calendar.previousWorkingDay(first)];
      while (days.length < 5) days.push(calendar.previousWorkingDay(days[days.length - 1]!));
      return days;
    };
    expect(before('2026-02-15')).toContain(extras[0]!.plannedDate);
    expect(before('2026-10-01')).toContain(extras[1]!.plannedDate);
    // 元旦 begins the year, so nothing before it falls in 2026; 端午 is not a name the calendar gives.
    expect(plan.notes.filter((n) => n.includes('未安排节前督导'))).toEqual([
      '2026 年日历中没有“元旦”假期（或节前没有工作日），未安排节前督导',
      '2026 年日历中没有“端午”假期（或节前没有工作日），未安排节前督导',
    ]);
  });
});

describe('weekly cap', () => {
  const entities = Array.from({ length: 30 }, (_, i) => entity(`e${String(i).padStart(2, '0')}`));
  const base = input({ entities, cadres: [cadre('c')], assignments: entities.map((e) => assignment(e.id, 'c')) });

  it('spreads a heavy cadre so no week exceeds the cap when that is possible', () => {
    const plan = planVisits({ ...base, rules: { ...DEFAULT_VISIT_RULES, weeklyCapPerCadre: 3 } });
    expect(plan.visits).toHaveLength(120);
    expect(plan.overCap).toEqual([]);
    expect(Math.max(...weekLoads(plan.visits).values())).toBeLessThanOrEqual(3);
  });

  it('reports the weeks over the cap when no legal plan exists', () => {
    // 30 visits a quarter, 1 a week, ~13 weeks: impossible.
    const plan = planVisits({ ...base, rules: { ...DEFAULT_VISIT_RULES, weeklyCapPerCadre: 1 } });
    expect(plan.visits).toHaveLength(120);
    expect(plan.overCap.length).toBeGreaterThan(0);
    for (const o of plan.overCap) expect(o.count).toBeGreaterThan(1);
    expect(plan.notes).toContain('1 名干部包保主体过多，部分周的督导超过每周 1 次的上限：请调整包保关系或提高上限');
  });

  it('plans a provisional year on its working days and carries the calendar note', () => {
    const plan = planVisits({ ...base, year: 2027 });
    for (const v of plan.visits) expect(calendar.isWorkingDay(v.plannedDate)).toBe(true);
    expect(plan.visits.some((v) => v.plannedDate >= '2027-02-05' && v.plannedDate <= '2027-02-10')).toBe(false);
    expect(plan.notes[0]).toMatch(/^2027 年的放假安排尚未发布/);
  });
});

describe('visit records', () => {
  const visits: Visit[] = [
    VisitSchema.parse({
      id: 'v1',
      entityId: 'e1',
      cadreId: 'c1',
      plannedDate: '2026-03-02',
      doneDate: '2026-03-03',
      checklist: [
        { item: '食品安全员在岗', result: '符合' },
        { item: '每日检查记录', result: '不符合' },
      ],
      problems: [
        { id: 'p1', description: '未按日填写检查记录', deadline: '2026-03-17' },
        { id: 'p2', description: '过期食品未下架', deadline: '2026-03-05', rectifiedOn: '2026-03-04' },
      ],
    }),
    VisitSchema.parse({ id: 'v2', entityId: 'e2', cadreId: 'c1', plannedDate: '2026-03-10' }),
    VisitSchema.parse({
      id: 'v3',
      entityId: 'e3',
      cadreId: 'c1',
      plannedDate: '2026-04-10',
      problems: [{ id: 'p3', description: '证照未公示', deadline: '2026-03-30' }],
    }),
  ];

  it('validates records and rules', () => {
    expect(VisitSchema.safeParse({ ...visits[0], checklist: [{ item: '台账', result: '合格' }] }).success).toBe(false);
    expect(VisitRulesSchema.parse({})).toEqual(DEFAULT_VISIT_RULES);
    expect(VisitRulesSchema.safeParse({ weeklyCapPerCadre: 0 }).success).toBe(false);
  });

  it('tracks open problems to closure', () => {
    const open = openProblems(visits, '2026-03-20');
    expect(open.map((o) => [o.problem.id, o.overdue])).toEqual([
      ['p1', true],
      ['p3', false],
    ]);
  });
});
