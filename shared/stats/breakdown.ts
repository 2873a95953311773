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
  readonly visits: { readonly planned: number; readonly done: number; readonly problems: number; readonly rectified: number };
}

export interface Breakdown {
  readonly scope: { readonly regionId: string; readonly name: string; readonly level: RegionLevel } | null;
  /** The level of the rows: 旗区 under a city, 乡镇 under a 旗区, 村 under a 乡镇. */
  readonly rowLevel: RegionLevel | null;
  readonly rows: readonly BreakdownRow[];
  /** Everything in the scope, including 主体 and cadres registered on the scope node itself. */
  readonly total: BreakdownRow;
}

const CHILD_LEVEL: Readonly<Record<RegionLevel, RegionLevel | null>> = { city: 'county', county: 'township', township: 'village', village: null };

/**
 * The programme's figures per region one level below the scope (the whole library: per 旗区),
 * in one pass over 主体 and cadres. The 统计表 and the dashboard's per-region charts use it.
 */
export function computeBreakdown(doc: DataDoc, scopeRegionId = '', year = doc.profile.planYear): Breakdown {
  const regions = new RegionIndex(doc.regions);
  const roots = regions.roots();
  const scope: Region | undefined = scopeRegionId ? regions.get(scopeRegionId) : roots.length === 1 ? roots[0] : undefined;
  const rowLevel: RegionLevel | null = scope ? CHILD_LEVEL[scope.level] : 'city';
  const rowRegions = scope ? doc.regions.filter((r) => r.level === rowLevel && regions.contains(scope.id, r.id)) : roots;

  const tallies = new Map(rowRegions.map((r) => [r.id, new Tally(doc.profile, year)]));
  const total = new Tally(doc.profile, year);
  const rowOf = (regionId: string): Tally | undefined => (rowLevel ? tallies.get(regions.atLevel(regionId, rowLevel)?.id ?? '') : undefined);
  const inScope = (regionId: string): boolean => !scope || regions.contains(scope.id, regionId);

  const assigned = new Set(doc.assignments.filter((a) => a.end === '').map((a) => a.entityId));
  for (const e of doc.entities) {
    if (!inScope(e.regionId)) continue;
    total.addEntity(e, assigned.has(e.id));
    rowOf(e.regionId)?.addEntity(e, assigned.has(e.id));
  }
  for (const c of doc.cadres) {
    if (!inScope(c.regionId)) continue;
    total.addCadre(c);
    rowOf(c.regionId)?.addCadre(c);
  }
  const entityRegion = new Map(doc.entities.map((e) => [e.id, e.regionId]));
  for (const v of doc.visits) {
    const regionId = entityRegion.get(v.entityId);
    if (regionId === undefined || !inScope(regionId) || !inPlanYear(v, year)) continue;
    total.addVisit(v);
    rowOf(regionId)?.addVisit(v);
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
  });
  return {
    scope: scope ? { regionId: scope.id, name: scope.name, level: scope.level } : null,
    rowLevel,
    rows: rowRegions.map((r) => row(r.id, r.name, tallies.get(r.id) ?? total)),
    total: row(scope?.id ?? '', '合计', total),
  };
}
