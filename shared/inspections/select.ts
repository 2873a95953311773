import type { RegionIndex } from '../domain/regions';
import type { Cadre } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import type { Inspection } from './types';

export interface InspectionFilter {
  /** One cadre's records; '' = every cadre. */
  readonly cadreId?: string;
  /** Records dated in this year; absent = every year. */
  readonly year?: number;
  /** Cadres serving this region or one below it; '' = the whole library. */
  readonly regionId?: string;
}

/**
 * The 督查 records a list, a report or the figures cover, newest first, each with its cadre
 * (undefined only in a hand-edited file, which the integrity check reports).
 */
export function selectInspections(
  doc: Pick<DataDoc, 'cadres' | 'inspections'>,
  regions: RegionIndex,
  { cadreId = '', year, regionId = '' }: InspectionFilter,
): { readonly inspection: Inspection; readonly cadre: Cadre | undefined }[] {
  const cadres = new Map(doc.cadres.map((c) => [c.id, c]));
  const prefix = year === undefined ? '' : `${year}-`;
  return doc.inspections
    .filter((i) => (!cadreId || i.cadreId === cadreId) && i.date.startsWith(prefix))
    .map((inspection) => ({ inspection, cadre: cadres.get(inspection.cadreId) }))
    .filter(({ cadre }) => !regionId || (cadre !== undefined && regions.contains(regionId, cadre.regionId)))
    .sort((a, b) => b.inspection.date.localeCompare(a.inspection.date) || a.inspection.id.localeCompare(b.inspection.id));
}
