import type { CadreLoad } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type CadreLevel } from '@shared/domain/schemas';

/** Cadres of one level by how full their 包保 load is against the soft cap (SPEC §3.6). */
export interface LoadBands {
  readonly level: CadreLevel;
  readonly label: string;
  readonly cap: number;
  /** No 主体. */
  readonly idle: number;
  /** 1 … half the cap. */
  readonly light: number;
  /** Above half, up to the cap. */
  readonly near: number;
  /** Above the cap. */
  readonly over: number;
}

export const LOAD_BAND_LABELS = { idle: '未包保', light: '半数以内', near: '接近上限', over: '超出上限' } as const;

/** One row per level that has cadres, 市级 first. */
export function loadBands(loads: readonly CadreLoad[]): LoadBands[] {
  const out: LoadBands[] = [];
  for (const level of REGION_LEVELS) {
    const mine = loads.filter((l) => l.level === level);
    const cap = mine[0]?.cap;
    if (cap === undefined) continue;
    const half = Math.ceil(cap / 2);
    const band = { idle: 0, light: 0, near: 0, over: 0 };
    for (const l of mine) {
      if (l.before === 0) band.idle++;
      else if (l.before <= half) band.light++;
      else if (l.before <= cap) band.near++;
      else band.over++;
    }
    out.push({ level, label: CADRE_LEVEL_LABELS[level], cap, ...band });
  }
  return out;
}
