import { RegionIndex } from '../domain/regions';
import type { CadreLevel } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import { isDue, quarterOf, QuarterTally, type ByQuarter } from './quarters';
import { inPlanYear } from './tally';

/** One cadre's 督导 of a year: planned and done per quarter, over the visits due (docs/domain.md#督导的规则). */
export interface CadreQuarterRow {
  readonly cadreId: string;
  readonly name: string;
  readonly level: CadreLevel;
  readonly regionPath: string;
  readonly active: boolean;
  readonly quarters: ByQuarter;
  readonly planned: number;
  readonly done: number;
}

export interface CadreQuarterScope {
  readonly year: number;
  /** The cadres of this region and below ('' = all). */
  readonly regionId: string;
  readonly level?: CadreLevel | undefined;
}

/**
 * Completion per quarter by cadre: each cadre in scope with the year's visits they make, counted as
 * `stats` counts them (a 停产/停业/注销 主体's visits not yet made are not due). Cadres with no
 * visit due are listed only while 在岗. In region order, then by name.
 */
export function cadreQuarters(doc: DataDoc, scope: CadreQuarterScope): CadreQuarterRow[] {
  const regions = new RegionIndex(doc.regions);
  const cadres = doc.cadres.filter(
    (c) => (!scope.level || c.level === scope.level) && (!scope.regionId || regions.contains(scope.regionId, c.regionId)),
  );
  const tallies = new Map(cadres.map((c) => [c.id, new QuarterTally()]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  for (const v of doc.visits) {
    const tally = tallies.get(v.cadreId);
    if (!tally || !inPlanYear(v, scope.year)) continue;
    const quarter = quarterOf(v, scope.year);
    if (quarter !== null && isDue(v, entities.get(v.entityId))) tally.add(v, quarter);
  }
  const rows: CadreQuarterRow[] = [];
  for (const c of cadres) {
    const quarters = tallies.get(c.id)?.result();
    if (!quarters) continue;
    const planned = quarters.reduce((n, q) => n + q.planned, 0);
    if (planned === 0 && !c.active) continue;
    rows.push({
      cadreId: c.id,
      name: c.name,
      level: c.level,
      regionPath: regions.path(c.regionId),
      active: c.active,
      quarters,
      planned,
      done: quarters.reduce((n, q) => n + q.done, 0),
    });
  }
  return rows.sort((a, b) => a.regionPath.localeCompare(b.regionPath, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}
