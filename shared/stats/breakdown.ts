import { RegionIndex } from '../domain/regions';
import type { CadreLevel, Grade, Region, RegionLevel } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import { inPlanYear, Tally, type DutyRatios, type Ratio } from './tally';

export interface BreakdownRow {
  readonly regionId: string;
  readonly name: string;
  readonly entities: number;
  readonly byGrade: Readonly<Record<Grade, number>>;
  readonly enterprises: number;
  readonly largeEnterprises: number;
  /** assigned / (assigned + unassigned) over 主体 not 注销. */
  readonly coverage: Ratio;
  readonly duties: DutyRatios;
  readonly cadres: number;
  readonly cadresByLevel: Readonly<Record<CadreLevel, number>>;
  readonly commitmentSigned: Ratio;
  readonly visits: {
    readonly planned: number;
    readonly done: number;
    readonly problems: number;
    readonly rectified: number;
    readonly overdue: number;
  };
  /** 网格监管人员: each counted once, in the row of the first of their regions in the scope. */
  readonly regulators: number;
}

export interface Breakdown {
  readonly scope: { readonly regionId: string; readonly name: string; readonly level: RegionLevel } | null;
  /** The level of the rows: 旗区 under a city, 乡镇 under a 旗区, 村 under a 乡镇. */
  readonly rowLevel: RegionLevel | null;
  readonly rows: readonly BreakdownRow[];
  /**
   * 本级: what is registered on the scope node itself (the 市本级 cadres, say), in no row; null
   * when there is none. With it the rows add up to the total.
   */
  readonly own: BreakdownRow | null;
  /** Everything in the scope, including 主体 and cadres registered on the scope node itself. */
  readonly total: BreakdownRow;
}

const CHILD_LEVEL: Readonly<Record<RegionLevel, RegionLevel | null>> = {
  city: 'county',
  county: 'township',
  township: 'village',
  village: null,
};

/**
 * The programme's figures per region one level below the scope (the whole library: per 旗区),
 * in one pass over 主体 and cadres. The 统计表 and the dashboard's per-region charts use it.
 * `today` dates the overdue problems ('' counts none).
 */
export function computeBreakdown(doc: DataDoc, scopeRegionId = '', year = doc.profile.planYear, today = ''): Breakdown {
  const regions = new RegionIndex(doc.regions);
  const roots = regions.roots();
  const scope: Region | undefined = scopeRegionId ? regions.get(scopeRegionId) : roots.length === 1 ? roots[0] : undefined;
  const rowLevel: RegionLevel | null = scope ? CHILD_LEVEL[scope.level] : 'city';
  const rowRegions = scope ? doc.regions.filter((r) => r.level === rowLevel && regions.contains(scope.id, r.id)) : roots;

  const tallies = new Map(rowRegions.map((r) => [r.id, new Tally(doc.profile, year)]));
  const own = new Tally(doc.profile, year);
  const total = new Tally(doc.profile, year);
  const rowOf = (regionId: string): Tally => (rowLevel ? tallies.get(regions.atLevel(regionId, rowLevel)?.id ?? '') : undefined) ?? own;
  const inScope = (regionId: string): boolean => !scope || regions.contains(scope.id, regionId);

  const assigned = new Set(doc.assignments.filter((a) => a.end === '').map((a) => a.entityId));
  for (const e of doc.entities) {
    if (!inScope(e.regionId)) continue;
    total.addEntity(e, assigned.has(e.id));
    rowOf(e.regionId).addEntity(e, assigned.has(e.id));
  }
  for (const c of doc.cadres) {
    if (!inScope(c.regionId)) continue;
    total.addCadre(c);
    rowOf(c.regionId).addCadre(c);
  }
  const entityRegion = new Map(doc.entities.map((e) => [e.id, e.regionId]));
  for (const v of doc.visits) {
    const regionId = entityRegion.get(v.entityId);
    if (regionId === undefined || !inScope(regionId) || !inPlanYear(v, year)) continue;
    total.addVisit(v, today);
    rowOf(regionId).addVisit(v, today);
  }
  // As `stats` counts them: a regulator with no regions answers for every scope.
  const regulators = new Map<Tally, number>();
  for (const r of doc.regulators) {
    const first = r.regionIds.find(inScope);
    if (r.regionIds.length > 0 && first === undefined) continue;
    const t = first === undefined ? own : rowOf(first);
    regulators.set(t, (regulators.get(t) ?? 0) + 1);
    regulators.set(total, (regulators.get(total) ?? 0) + 1);
  }

  const row = (regionId: string, name: string, t: Tally): BreakdownRow => ({
    regionId,
    name,
    entities: t.entities,
    byGrade: t.byGrade,
    enterprises: t.enterprises,
    largeEnterprises: t.largeEnterprises,
    coverage: { done: t.assigned, total: t.assigned + t.unassigned },
    duties: t.duties(),
    cadres: t.cadres,
    cadresByLevel: t.cadresByLevel,
    commitmentSigned: { done: t.commitmentSigned, total: t.activeCadres },
    visits: { ...t.visits },
    regulators: regulators.get(t) ?? 0,
  });
  const ownUsed = own.entities + own.cadres + own.visits.planned + (regulators.get(own) ?? 0) > 0;
  return {
    scope: scope ? { regionId: scope.id, name: scope.name, level: scope.level } : null,
    rowLevel,
    rows: rowRegions.map((r) => row(r.id, r.name, tallies.get(r.id) ?? total)),
    own: ownUsed ? row(scope?.id ?? '', `${scope?.name ?? ''}本级`, own) : null,
    total: row(scope?.id ?? '', '合计', total),
  };
}
