import { describe, expect, it } from 'vitest';
import { RegionIndex } from '@shared/domain/regions';
import { CadreSchema, EntitySchema, ProfileSchema, type Assignment, type Region } from '@shared/domain/schemas';
import { generateDemo } from '@shared/demo/generate';
import { applyAutoAssign, reassign } from '@shared/rules/assignment-ops';
import { planAutoAssign, type AssignInput } from '@shared/rules/auto-assign';
import { checkAssignments, findViolations } from '@shared/rules/violations';
import { computeStats } from '@shared/stats/stats';
import { emptyDoc } from '@shared/storage/types';
import { region as regionNamed } from './region-fixture';

const region = (id: string, level: Region['level'], parentId: string | null): Region => regionNamed(id, id, level, parentId);
const REGIONS = [
  region('市', 'city', null),
  region('旗1', 'county', '市'),
  region('镇1', 'township', '旗1'),
  region('镇2', 'township', '旗1'),
  region('村1', 'village', '镇1'),
  region('村2', 'village', '镇1'),
  region('村3', 'village', '镇2'),
];
const entity = (id: string, grade: 'A' | 'B' | 'C' | 'D', regionId: string, status: '在营' | '注销' = '在营') =>
  EntitySchema.parse({ id, name: `主体${id}`, type: '个体工商户', grade, regionId, status });
const cadre = (id: string, level: 'city' | 'county' | 'township' | 'village', regionId: string, active = true) =>
  CadreSchema.parse({ id, name: `干部${id}`, level, regionId, active });
const link = (id: string, entityId: string, cadreId: string, manual = false): Assignment => ({
  id,
  entityId,
  cadreId,
  start: '2027-01-01',
  end: '',
  reason: '新建',
  endReason: '',
  manual,
});

function input(parts: Partial<AssignInput>, fallbacks = { villageInTownship: true, levelAbove: true }): AssignInput {
  const profile = ProfileSchema.parse({ loadCap: { city: 2, county: 2, township: 2, village: 2 }, assignFallbacks: fallbacks });
  return { entities: [], cadres: [], assignments: [], profile, regions: new RegionIndex(REGIONS), ...parts };
}
const STRICT = { villageInTownship: false, levelAbove: false };

describe('findViolations', () => {
  it('finds every kind of broken rule', () => {
    const found = findViolations(
      input({
        entities: [
          entity('e1', 'D', '村1'),
          entity('e2', 'D', '村1'),
          entity('e3', 'C', '村3'),
          entity('e4', 'D', '村2'),
          entity('e5', 'D', '村1', '注销'),
          entity('e6', 'D', '村1'),
          entity('e7', 'D', '村1'),
        ],
        cadres: [cadre('v1', 'village', '村1'), cadre('v2', 'village', '村2', false), cadre('t1', 'township', '镇1')],
        assignments: [
          link('a1', 'e2', 't1'),
          link('a2', 'e3', 't1'),
          link('a3', 'e4', 'v2'),
          link('a4', 'e5', 'v1'),
          link('a5', 'e6', 'v1'),
          link('a6', 'e6', 'v1'),
          link('a7', 'e7', 'v1'),
        ],
      }),
    );
    const summary = found.map((v) => `${v.kind}:${v.entityId || v.cadreId}`);
    expect(summary).toEqual([
      'unassigned:e1',
      'level-mismatch:e2',
      'out-of-area:e3',
      'inactive-cadre:e4',
      'closed-entity:e5',
      'multiple-cadres:e6',
      'overloaded:v1',
    ]);
    expect(found.find((v) => v.kind === 'level-mismatch')?.message).toBe('D级主体主体e2应由村级干部包保，现为乡镇级干部干部t1');
  });
});

describe('planAutoAssign', () => {
  it('picks the least loaded cadre of the right level in the area, ties by id, and says why', () => {
    const plan = planAutoAssign(
      input({
        entities: [entity('e1', 'D', '村1'), entity('e2', 'D', '村1'), entity('e3', 'D', '村1'), entity('e4', 'C', '村3')],
        cadres: [
          cadre('v2', 'village', '村1'),
          cadre('v1', 'village', '村1'),
          cadre('t2', 'township', '镇2'),
          cadre('t1', 'township', '镇1'),
        ],
        assignments: [link('a1', 'e3', 'v2')],
      }),
      { mode: 'unassigned', keepManual: true, reset: false },
    );
    expect(plan.proposals.map((p) => `${p.entityId}→${p.toCadreId}`)).toEqual(['e4→t2', 'e1→v1', 'e2→v1']);
    expect(plan.proposals[1]?.reason).toBe(
      'D级主体应由村级干部包保；干部v1负责旗1 / 镇1 / 村1，是该区域 2 名村级干部中当前包保最少的（0 户）',
    );
    expect(plan.proposals[0]?.reason).toContain('是该区域唯一的乡镇级干部');
    expect(plan.unresolved).toEqual([]);
  });

  it('prefers cadres below the soft cap, and assigns beyond it only when every candidate is full', () => {
    const plan = planAutoAssign(
      input({
        entities: ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => entity(id, 'D', '村1')),
        cadres: [cadre('v1', 'village', '村1'), cadre('v2', 'village', '村1')],
      }),
      { mode: 'unassigned', keepManual: true, reset: false },
    );
    expect(plan.proposals.map((p) => p.toCadreId)).toEqual(['v1', 'v2', 'v1', 'v2', 'v1']);
    expect(plan.proposals[4]?.reason).toContain('均已达到上限 2 户');
    expect(plan.loads.get('v1')).toEqual({ before: 0, after: 3 });
  });

  it('lists 主体 with no legal candidate and the reason, forcing nothing', () => {
    const plan = planAutoAssign(
      input(
        {
          entities: [entity('e1', 'D', '镇1'), entity('e2', 'D', '村3'), entity('e3', 'D', '村2')],
          cadres: [cadre('v1', 'village', '村1'), cadre('v2', 'village', '村2', false)],
        },
        STRICT,
      ),
      { mode: 'unassigned', keepManual: true, reset: false },
    );
    expect(plan.proposals).toEqual([]);
    expect(plan.unresolved.map((u) => u.why)).toEqual([
      '主体只登记到乡镇（镇1），没有村级干部的包保区域包含它：请补充所属村',
      '旗1 / 镇2 / 村3没有村级干部，请先增配干部',
      '旗1 / 镇1 / 村2的村级干部均已不在岗，请增配或调整干部',
    ]);
  });

  it('fixes violating 主体 but keeps manual choices unless told otherwise', () => {
    const parts = {
      entities: [entity('e1', 'D', '村1'), entity('e2', 'D', '村1'), entity('e3', 'D', '村1', '注销'), entity('e4', 'D', '村1')],
      cadres: [cadre('v1', 'village', '村1'), cadre('t1', 'township', '镇1'), cadre('v9', 'village', '村1', false)],
      assignments: [
        link('a1', 'e1', 't1'),
        link('a2', 'e2', 't1', true),
        link('a3', 'e3', 'v1'),
        link('a4', 'e4', 'v9'),
        link('a5', 'e4', 'v1'),
      ],
    };
    const kept = planAutoAssign(input(parts), { mode: 'violating', keepManual: true, reset: false });
    expect(kept.proposals.map((p) => `${p.entityId}:${p.fromCadreId}→${p.toCadreId}`)).toEqual(['e1:t1→v1']);
    expect(kept.releases.map((r) => `${r.assignmentId}:${r.reason}`)).toEqual([
      'a3:主体已注销，解除包保',
      'a4:同一主体只保留一名包保干部',
      'a1:调整给符合规则的干部',
    ]);
    const all = planAutoAssign(input(parts), { mode: 'violating', keepManual: false, reset: false });
    expect(all.proposals.map((p) => p.entityId)).toEqual(['e1', 'e2']);
  });
});

describe('fallback rules (包保全覆盖)', () => {
  const parts = {
    // e1 only known to 镇1; e2 in 村3 and e3 only known to 镇2, where no 村级 cadre serves.
    entities: [entity('e1', 'D', '镇1'), entity('e2', 'D', '村3'), entity('e3', 'D', '镇2'), entity('e4', 'C', '村1')],
    cadres: [cadre('v1', 'village', '村1'), cadre('v2', 'village', '村2'), cadre('t2', 'township', '镇2'), cadre('k1', 'county', '旗1')],
    assignments: [link('a1', 'e4', 'v1')],
  };

  it('gives a 主体 the strict rule cannot serve to the cadre a fallback allows, and says which rule', () => {
    const plan = planAutoAssign(input(parts), { mode: 'unassigned', keepManual: true, reset: false });
    expect(plan.proposals.map((p) => `${p.entityId}→${p.toCadreId}:${p.fallback}`)).toEqual([
      'e1→v2:villageInTownship',
      'e2→t2:levelAbove',
      'e3→t2:levelAbove',
    ]);
    expect(plan.proposals[0]?.reason).toBe(
      '兜底规则：主体只登记到乡镇（镇1），由该乡镇所辖村（社区）的村级干部包保；干部v2负责旗1 / 镇1 / 村2，是该区域 2 名村级干部中当前包保最少的（0 户）',
    );
    expect(plan.proposals[1]?.reason).toBe(
      '兜底规则：旗1 / 镇2 / 村3没有在岗的村级干部，由上一级干部包保；干部t2负责旗1 / 镇2，是该区域唯一的乡镇级干部',
    );
    expect(plan.unresolved).toEqual([]);
  });

  it('does not count a fallback 包保 as a violation, counts it in stats, and still finds the real ones', () => {
    const assignments = [...parts.assignments, link('a2', 'e1', 'v2'), link('a3', 'e2', 't2'), link('a4', 'e3', 'k1')];
    const checked = checkAssignments(input({ ...parts, assignments }));
    // e4 (C级) held by a 村级 cadre and e3 held by a 旗区级 cadre while a 乡镇级 one serves it: no fallback allows either.
    expect(checked.violations.map((v) => `${v.kind}:${v.entityId}`)).toEqual(['level-mismatch:e3', 'level-mismatch:e4']);
    expect(checked.fallbacks).toEqual({ villageInTownship: 1, levelAbove: 1 });
    const strict = checkAssignments(input({ ...parts, assignments }, STRICT));
    expect(strict.violations.map((v) => `${v.kind}:${v.entityId}`)).toEqual([
      'out-of-area:e1',
      'level-mismatch:e2',
      'level-mismatch:e3',
      'level-mismatch:e4',
    ]);
    expect(strict.fallbacks).toEqual({ villageInTownship: 0, levelAbove: 0 });

    const doc = {
      ...emptyDoc(new Date('2027-01-05T00:00:00Z')),
      regions: REGIONS,
      entities: parts.entities,
      cadres: parts.cadres,
      assignments,
      profile: input({}).profile,
    };
    expect(computeStats(doc).coverage.fallbacks).toEqual({ villageInTownship: 1, levelAbove: 1 });
  });

  it('leaves a 主体 unassigned only where no cadre at all serves it', () => {
    const plan = planAutoAssign(input({ entities: [entity('e1', 'D', '村3')], cadres: [cadre('v1', 'village', '村1')] }), {
      mode: 'unassigned',
      keepManual: true,
      reset: false,
    });
    expect(plan.unresolved.map((u) => u.entityId)).toEqual(['e1']);
  });
});

describe('auto-assignment at city scale', () => {
  it('after a reset, covers at least 99.9 % (each fallback explained), and no two current cadres anywhere', () => {
    const doc = generateDemo('city', 3, new Date('2027-01-05T00:00:00Z'));
    const regions = new RegionIndex(doc.regions);
    const plan = planAutoAssign({ ...doc, regions }, { mode: 'violating', keepManual: false, reset: true });
    let n = 0;
    applyAutoAssign(doc, plan, { today: '2027-03-01', newId: (p) => `${p}-${++n}` });

    const current = doc.assignments.filter((a) => a.end === '');
    const perEntity = new Map<string, number>();
    for (const a of current) perEntity.set(a.entityId, (perEntity.get(a.entityId) ?? 0) + 1);
    expect(Math.max(...perEntity.values())).toBe(1);

    const cadres = new Map(doc.cadres.map((c) => [c.id, c]));
    const entities = new Map(doc.entities.map((e) => [e.id, e]));
    const byFallback = new Set(plan.proposals.filter((p) => p.fallback).map((p) => p.entityId));
    expect(plan.proposals.filter((p) => p.fallback).every((p) => p.reason.startsWith('兜底规则：'))).toBe(true);
    for (const a of current) {
      const e = entities.get(a.entityId);
      const c = cadres.get(a.cadreId);
      expect(c?.active).toBe(true);
      if (byFallback.has(a.entityId)) continue;
      expect(c?.level).toBe(doc.profile.gradeLevel[e?.grade ?? 'A']);
      expect(regions.contains(c?.regionId ?? '', e?.regionId ?? '')).toBe(true);
    }

    const stats = computeStats(doc);
    expect(stats.coverage.unassigned).toBe(plan.unresolved.length);
    expect(stats.coverage.unassigned / (stats.coverage.assigned + stats.coverage.unassigned)).toBeLessThanOrEqual(0.001);
    expect(stats.coverage.fallbacks.villageInTownship + stats.coverage.fallbacks.levelAbove).toBe(byFallback.size);
    // What remains overloaded has no other candidate with room: no legal fix exists.
    const remaining = findViolations({ ...doc, regions });
    expect(remaining.filter((v) => v.kind !== 'unassigned' && v.kind !== 'overloaded')).toEqual([]);
    for (const v of remaining.filter((x) => x.kind === 'overloaded')) {
      const c = cadres.get(v.cadreId);
      const others = doc.cadres.filter((o) => o.id !== c?.id && o.active && o.level === c?.level && o.regionId === c?.regionId);
      expect(others.every((o) => current.filter((a) => a.cadreId === o.id).length >= doc.profile.loadCap[o.level])).toBe(true);
    }
    // History: every ended assignment keeps its dates and reason.
    expect(doc.assignments.filter((a) => a.end !== '').every((a) => a.endReason !== '')).toBe(true);
  });
});

describe('reassign', () => {
  it('ends the old 包保 with the reason and starts a manual one, keeping history', () => {
    const doc = emptyDoc(new Date('2027-01-01T00:00:00Z'));
    doc.assignments = [link('a1', 'e1', 'v1'), link('a2', 'e2', 'v2')];
    const moved = reassign(doc, { today: '2027-05-01', newId: (p) => `${p}-new` }, ['e1', 'e2'], 'v2', '2027-05-01', '干部变动');
    expect(moved).toBe(1);
    expect(doc.assignments).toEqual([
      { ...link('a1', 'e1', 'v1'), end: '2027-05-01', endReason: '干部变动' },
      link('a2', 'e2', 'v2'),
      { id: 'A-new', entityId: 'e1', cadreId: 'v2', start: '2027-05-01', end: '', reason: '干部变动', endReason: '', manual: true },
    ]);
  });
});
