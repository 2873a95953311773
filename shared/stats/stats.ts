import { RegionIndex } from '../domain/regions';
import type { Grade, RegionLevel } from '../domain/schemas';
import { selectInspections } from '../inspections/select';
import { unmetItems, type Inspection } from '../inspections/types';
import type { FallbackRule } from '../rules/fallback';
import { checkAssignments, scopedRuleInput, VIOLATION_KINDS, type ViolationKind } from '../rules/violations';
import type { DataDoc } from '../storage/types';
import { problemStage, type ProblemStage } from '../visits/problems';
import { isDue, levelQuarterTallies, quarterOf, QuarterTally, type ByQuarter } from './quarters';
import { inPlanYear, Tally, zeroRecord, type DutyRatios, type Ratio } from './tally';

export type { Ratio };

/** The programme's figures; the keys are the stable `stats --json` contract of docs/domain.md#统计口径. */
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
    /** Broken rules other than "unassigned" (docs/domain.md#包保关系的规则). */
    readonly violations: number;
    readonly byKind: Readonly<Record<ViolationKind, number>>;
    /** Current 包保 held under each fallback rule of the profile (allowed, not violations). */
    readonly fallbacks: Readonly<Record<FallbackRule, number>>;
  };
  /** Each over the 企业 (not 注销) it applies to; safetyDirector over those that require one. */
  readonly duties: DutyRatios;
  /**
   * 督导 of the year (the plan year unless asked for another). byQuarter: completion per quarter,
   * of the visits due (a 停业 or 注销 主体's visits not yet made are not); byLevel: the same per
   * level of the visiting cadre.
   */
  readonly visits: {
    readonly planned: number;
    readonly done: number;
    readonly byQuarter: ByQuarter;
    readonly byLevel: Readonly<Record<RegionLevel, ByQuarter>>;
  };
  /**
   * open/closed: the plan year's problems (as the reports count them); openAllYears: every problem
   * not yet rectified, whichever year found — what the 问题整改台账 lists and a clerk still chases.
   */
  readonly problems: {
    readonly open: number;
    readonly closed: number;
    readonly openAllYears: number;
    /** Every year's problems not yet 销号, by the step they wait for (as the 问题整改台账 lists them). */
    readonly byStage: ProblemsByStage;
  };
  /**
   * 督查 of the scope's cadres dated in the year: records, cadres checked at least once and items
   * found 未落实, in all and per cadre level.
   */
  readonly inspections: InspectionFigures & { readonly byLevel: Readonly<Record<RegionLevel, InspectionFigures>> };
}

export interface InspectionFigures {
  readonly records: number;
  readonly cadresChecked: number;
  readonly unmetItems: number;
}

function inspectionFigures(found: readonly { readonly inspection: Inspection }[]): InspectionFigures {
  return {
    records: found.length,
    cadresChecked: new Set(found.map(({ inspection }) => inspection.cadreId)).size,
    unmetItems: found.reduce((n, { inspection }) => n + unmetItems(inspection), 0),
  };
}

export interface ProblemsByStage {
  readonly toAssign: number;
  readonly toRectify: number;
  readonly toReview: number;
  readonly toClose: number;
}

const STAGE_KEYS: Readonly<Record<Exclude<ProblemStage, '已销号'>, keyof ProblemsByStage>> = {
  待交办: 'toAssign',
  待整改: 'toRectify',
  待复核: 'toReview',
  待销号: 'toClose',
};

/** Figures for the whole library, or for one region and everything below it; 督导 and 承诺书 of `year` (the plan year by default). */
export function computeStats(doc: DataDoc, scope: { regionId?: string; year?: number } = {}): Stats {
  const year = scope.year ?? doc.profile.planYear;
  const regions = new RegionIndex(doc.regions);
  const inScope = (regionId: string): boolean => !scope.regionId || regions.contains(scope.regionId, regionId);
  const entities = doc.entities.filter((e) => inScope(e.regionId));
  const cadres = doc.cadres.filter((c) => inScope(c.regionId));

  const entityById = new Map(entities.map((e) => [e.id, e]));
  const assignments = doc.assignments.filter((a) => entityById.has(a.entityId));
  const assignedIds = new Set(assignments.filter((a) => a.end === '').map((a) => a.entityId));
  const tally = new Tally(doc.profile, year);
  const byQuarter = new QuarterTally();
  const byLevel = levelQuarterTallies();
  const cadreLevel = new Map(doc.cadres.map((c) => [c.id, c.level]));
  for (const e of entities) tally.addEntity(e, assignedIds.has(e.id));
  for (const c of cadres) tally.addCadre(c);
  let openAllYears = 0;
  const byStage = { toAssign: 0, toRectify: 0, toReview: 0, toClose: 0 };
  for (const v of doc.visits) {
    // As the 问题整改台账 lists them: the whole library's ledger keeps a deleted 主体's problems too.
    if (scope.regionId && !entityById.has(v.entityId)) continue;
    for (const p of v.problems) {
      if (p.rectifiedOn === undefined) openAllYears++;
      const stage = problemStage(p);
      if (stage !== '已销号') byStage[STAGE_KEYS[stage]]++;
    }
    if (!entityById.has(v.entityId) || !inPlanYear(v, year)) continue;
    tally.addVisit(v);
    const quarter = quarterOf(v, year);
    if (quarter === null || !isDue(v, entityById.get(v.entityId))) continue;
    byQuarter.add(v, quarter);
    const level = cadreLevel.get(v.cadreId);
    if (level) byLevel[level].add(v, quarter);
  }
  const { violations, fallbacks } = checkAssignments(scopedRuleInput(doc, regions, scope.regionId ?? ''));
  const byKind = zeroRecord(VIOLATION_KINDS);
  for (const v of violations) byKind[v.kind]++;

  const regionCounts = { county: 0, township: 0, village: 0 };
  for (const r of doc.regions) {
    if (r.level !== 'city' && inScope(r.id)) regionCounts[r.level]++;
  }

  const inspected = selectInspections(doc, regions, { year, regionId: scope.regionId ?? '' });
  const inspectionsOf = (level: RegionLevel) => inspectionFigures(inspected.filter(({ cadre }) => cadre?.level === level));

  return {
    entities: { total: tally.entities, byGrade: tally.byGrade, enterprises: tally.enterprises, largeEnterprises: tally.largeEnterprises },
    cadres: {
      total: tally.cadres,
      active: tally.activeCadres,
      byLevel: tally.cadresByLevel,
      commitmentSigned: { done: tally.commitmentSigned, total: tally.activeCadres },
    },
    regulators: { total: doc.regulators.filter((r) => r.regionIds.length === 0 || r.regionIds.some(inScope)).length },
    regions: regionCounts,
    coverage: {
      assigned: tally.assigned,
      unassigned: tally.unassigned,
      violations: violations.length - byKind.unassigned,
      byKind,
      fallbacks,
    },
    duties: tally.duties(),
    visits: {
      planned: tally.visits.planned,
      done: tally.visits.done,
      byQuarter: byQuarter.result(),
      byLevel: {
        city: byLevel.city.result(),
        county: byLevel.county.result(),
        township: byLevel.township.result(),
        village: byLevel.village.result(),
      },
    },
    problems: { open: tally.visits.problems - tally.visits.rectified, closed: tally.visits.rectified, openAllYears, byStage },
    inspections: {
      ...inspectionFigures(inspected),
      byLevel: {
        city: inspectionsOf('city'),
        county: inspectionsOf('county'),
        township: inspectionsOf('township'),
        village: inspectionsOf('village'),
      },
    },
  };
}
