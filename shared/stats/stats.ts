import { requiresDirector } from '../domain/director';
import { RegionIndex } from '../domain/regions';
import { GRADES, REGION_LEVELS, type Grade, type RegionLevel } from '../domain/schemas';
import { findViolations, VIOLATION_KINDS, type ViolationKind } from '../rules/violations';
import type { DataDoc } from '../storage/types';

export interface Ratio {
  readonly done: number;
  readonly total: number;
}

/** The programme's figures; the keys are the stable `stats --json` contract of SPEC §6. */
export interface Stats {
  readonly entities: {
    readonly total: number;
    readonly byGrade: Readonly<Record<Grade, number>>;
    readonly enterprises: number;
    readonly largeEnterprises: number;
  };
  readonly cadres: {
    readonly total: number;
    readonly active: number;
    readonly byLevel: Readonly<Record<RegionLevel, number>>;
    readonly commitmentSigned: Ratio;
  };
  readonly regulators: { readonly total: number };
  readonly regions: { readonly county: number; readonly township: number; readonly village: number };
  readonly coverage: {
    readonly assigned: number;
    readonly unassigned: number;
    /** Broken rules other than "unassigned" (SPEC §3.6). */
    readonly violations: number;
    readonly byKind: Readonly<Record<ViolationKind, number>>;
  };
  /** Each over the 企业 (not 注销) it applies to; safetyDirector over those that require one. */
  readonly duties: {
    readonly dailyWeeklyMonthly: Ratio;
    readonly riskSystem: Ratio;
    readonly safetyOfficer: Ratio;
    readonly safetyDirector: Ratio;
    readonly commitment: Ratio;
  };
  /** 督导 visits and their problems arrive with the visit plan; until then there are none. */
  readonly visits: { readonly planned: number; readonly done: number };
  readonly problems: { readonly open: number; readonly closed: number };
}

function zeroRecord<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Figures for the whole library, or for one region and everything below it. */
export function computeStats(doc: DataDoc, scope: { regionId?: string } = {}): Stats {
  const regions = new RegionIndex(doc.regions);
  const inScope = (regionId: string): boolean => !scope.regionId || regions.contains(scope.regionId, regionId);
  const entities = doc.entities.filter((e) => inScope(e.regionId));
  const cadres = doc.cadres.filter((c) => inScope(c.regionId));

  const byGrade = zeroRecord(GRADES);
  let enterprises = 0;
  let largeEnterprises = 0;
  const duty = { dailyWeeklyMonthly: 0, riskSystem: 0, safetyOfficer: 0, directorDone: 0, directorTotal: 0, commitment: 0 };
  let dutyTotal = 0;
  for (const e of entities) {
    byGrade[e.grade]++;
    if (e.type !== '企业') continue;
    enterprises++;
    if (e.scale === '大型') largeEnterprises++;
    if (e.status === '注销') continue;
    dutyTotal++;
    if (e.duties.dailyWeeklyMonthly) duty.dailyWeeklyMonthly++;
    if (e.duties.riskSystem) duty.riskSystem++;
    if (e.duties.commitment) duty.commitment++;
    if (e.safetyOfficers.length > 0) duty.safetyOfficer++;
    if (requiresDirector(e, doc.profile.directorRule)) {
      duty.directorTotal++;
      if (e.director) duty.directorDone++;
    }
  }

  const byLevel = zeroRecord(REGION_LEVELS);
  let active = 0;
  let signed = 0;
  for (const c of cadres) {
    byLevel[c.level]++;
    if (!c.active) continue;
    active++;
    if (c.commitments.some((k) => k.year === doc.profile.planYear)) signed++;
  }

  const scopedEntityIds = new Set(entities.map((e) => e.id));
  const assignments = doc.assignments.filter((a) => scopedEntityIds.has(a.entityId));
  const assignedIds = new Set(assignments.filter((a) => a.end === '').map((a) => a.entityId));
  let assigned = 0;
  let unassigned = 0;
  for (const e of entities) {
    if (e.status === '注销') continue;
    if (assignedIds.has(e.id)) assigned++;
    else unassigned++;
  }
  const violations = findViolations({ entities, cadres: doc.cadres, assignments, profile: doc.profile, regions });
  const byKind = zeroRecord(VIOLATION_KINDS);
  for (const v of violations) byKind[v.kind]++;

  const regionCounts = { county: 0, township: 0, village: 0 };
  for (const r of doc.regions) {
    if (r.level !== 'city' && inScope(r.id)) regionCounts[r.level]++;
  }

  return {
    entities: { total: entities.length, byGrade, enterprises, largeEnterprises },
    cadres: { total: cadres.length, active, byLevel, commitmentSigned: { done: signed, total: active } },
    regulators: { total: doc.regulators.filter((r) => r.regionIds.length === 0 || r.regionIds.some(inScope)).length },
    regions: regionCounts,
    coverage: { assigned, unassigned, violations: violations.length - byKind.unassigned, byKind },
    duties: {
      dailyWeeklyMonthly: { done: duty.dailyWeeklyMonthly, total: dutyTotal },
      riskSystem: { done: duty.riskSystem, total: dutyTotal },
      safetyOfficer: { done: duty.safetyOfficer, total: dutyTotal },
      safetyDirector: { done: duty.directorDone, total: duty.directorTotal },
      commitment: { done: duty.commitment, total: dutyTotal },
    },
    visits: { planned: 0, done: 0 },
    problems: { open: 0, closed: 0 },
  };
}
