import { RegionIndex } from '../domain/regions';
import { REGION_LEVELS, type CadreLevel } from '../domain/schemas';
import type { DataDoc } from '../storage/types';

export const LOAD_BANDS = ['idle', 'light', 'near', 'over'] as const;
export type LoadBand = (typeof LOAD_BANDS)[number];

export const LOAD_BAND_LABELS: Readonly<Record<LoadBand, string>> = {
  idle: '未包保',
  light: '半数以内',
  near: '接近上限',
  over: '超出上限',
};

/** 主体 counts of one band, both ends included; max null = no upper end. */
export interface LoadRange {
  readonly min: number;
  readonly max: number | null;
}

/** Cadres of one level by how full their 包保 load is against the soft cap (docs/domain.md#包保关系的规则). */
export interface LoadBands {
  readonly level: CadreLevel;
  readonly cap: number;
  readonly counts: Readonly<Record<LoadBand, number>>;
  /** What each band means in 主体 per cadre, for a drill-down into the cadre list. */
  readonly ranges: Readonly<Record<LoadBand, LoadRange>>;
}

/** No 主体; 1 … half the cap; above half up to the cap; above the cap. */
export function loadRanges(cap: number): Record<LoadBand, LoadRange> {
  const half = Math.ceil(cap / 2);
  return { idle: { min: 0, max: 0 }, light: { min: 1, max: half }, near: { min: half + 1, max: cap }, over: { min: cap + 1, max: null } };
}

export function inLoadRange(load: number, range: LoadRange): boolean {
  return load >= range.min && (range.max === null || load <= range.max);
}

/**
 * Every cadre of the scope (by region id; active or not, as the cadre total counts them) by
 * level and load band; one row per level that has cadres, 市级 first.
 */
export function computeLoadBands(doc: DataDoc, regionId: string): LoadBands[] {
  const regions = new RegionIndex(doc.regions);
  const load = new Map<string, number>();
  for (const a of doc.assignments) if (a.end === '') load.set(a.cadreId, (load.get(a.cadreId) ?? 0) + 1);
  const out: LoadBands[] = [];
  for (const level of REGION_LEVELS) {
    const cadres = doc.cadres.filter((c) => c.level === level && (!regionId || regions.contains(regionId, c.regionId)));
    if (cadres.length === 0) continue;
    const cap = doc.profile.loadCap[level];
    const ranges = loadRanges(cap);
    const counts = { idle: 0, light: 0, near: 0, over: 0 };
    for (const c of cadres) {
      const n = load.get(c.id) ?? 0;
      const band = LOAD_BANDS.find((b) => inLoadRange(n, ranges[b]));
      if (band) counts[band]++;
    }
    out.push({ level, cap, counts, ranges });
  }
  return out;
}
