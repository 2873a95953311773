import type { RegionIndex } from '../domain/regions';
import type { Entity } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import { inPlanYear } from '../stats/tally';
import type { Visit } from '../visits/types';

/** What every 上报 report is cut by: a region (and all below it) and a 督导 year. */
export interface ReportScope {
  readonly doc: DataDoc;
  readonly regions: RegionIndex;
  /** '' = the whole library. */
  readonly regionId: string;
  readonly year: number;
  readonly today: string;
}

/** The 主体 of the scope by id, and the scope's visits of the year. */
export function scopedVisits(scope: ReportScope): { readonly entities: ReadonlyMap<string, Entity>; readonly visits: readonly Visit[] } {
  const { doc, regions, regionId, year } = scope;
  const entities = new Map(doc.entities.filter((e) => !regionId || regions.contains(regionId, e.regionId)).map((e) => [e.id, e]));
  return { entities, visits: doc.visits.filter((v) => entities.has(v.entityId) && inPlanYear(v, year)) };
}

/** 旗区 and 乡镇 names of a region, '' where it lies above that level. */
export function countyAndTownship(regions: RegionIndex, regionId: string): { readonly county: string; readonly township: string } {
  return { county: regions.atLevel(regionId, 'county')?.name ?? '', township: regions.atLevel(regionId, 'township')?.name ?? '' };
}

/** “达拉特旗” for a region scope, the organisation for the whole library: the start of a title. */
export function scopeName(scope: ReportScope): string {
  return scope.regionId ? (scope.regions.get(scope.regionId)?.name ?? '') : scope.doc.profile.orgName;
}
