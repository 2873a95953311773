import type { CadreLoad } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type CadreLevel } from '@shared/domain/schemas';

export interface LoadBucket {
  /** Axis text: '0', '1–5', '>25', '≥36'. */
  readonly label: string;
  /** Cadres whose load falls in the bucket. */
  readonly count: number;
  /** 'idle': no 主体; 'ok': within the soft cap; 'over': above it. */
  readonly band: 'idle' | 'ok' | 'over';
  /** For the tooltip: "包保 1–5 户". */
  readonly range: string;
}

export interface LoadHistogram {
  readonly level: CadreLevel;
  readonly title: string;
  readonly cap: number;
  readonly cadres: number;
  readonly overCap: number;
  readonly buckets: readonly LoadBucket[];
}

/** At most this many buckets above the cap; the last one is open-ended. */
const OVER_BUCKETS = 3;

/**
 * Cadres per load bucket, one histogram per level (the soft cap of docs/domain.md#包保关系的规则). Buckets split 1…cap into
 * about five equal ranges so the cap is always a bucket edge; loads above it get their own
 * buckets, so the chart can mark them. Levels without cadres are left out.
 */
export function loadHistograms(loads: readonly CadreLoad[]): LoadHistogram[] {
  const out: LoadHistogram[] = [];
  for (const level of REGION_LEVELS) {
    const mine = loads.filter((l) => l.level === level);
    const first = mine[0];
    if (!first) continue;
    const cap = first.cap;
    const width = Math.max(1, Math.ceil(cap / 5));
    const values = mine.map((l) => l.before);
    const count = (lo: number, hi: number) => values.filter((v) => v >= lo && v <= hi).length;
    const buckets: LoadBucket[] = [{ label: '0', count: count(0, 0), band: 'idle', range: '没有包保主体' }];
    for (let lo = 1; lo <= cap; lo += width) {
      const hi = Math.min(lo + width - 1, cap);
      buckets.push({ label: rangeLabel(lo, hi), count: count(lo, hi), band: 'ok', range: `包保 ${rangeLabel(lo, hi)} 户` });
    }
    const max = Math.max(0, ...values);
    if (max <= cap) {
      buckets.push({ label: `>${cap}`, count: 0, band: 'over', range: `包保超过 ${cap} 户` });
    } else {
      for (let lo = cap + 1, n = 1; lo <= max; lo += width, n++) {
        const hi = lo + width - 1;
        if (n === OVER_BUCKETS && hi < max) {
          buckets.push({ label: `≥${lo}`, count: count(lo, Infinity), band: 'over', range: `包保 ${lo} 户及以上` });
          break;
        }
        buckets.push({ label: rangeLabel(lo, hi), count: count(lo, hi), band: 'over', range: `包保 ${rangeLabel(lo, hi)} 户` });
      }
    }
    out.push({
      level,
      title: `${CADRE_LEVEL_LABELS[level]}干部`,
      cap,
      cadres: mine.length,
      overCap: values.filter((v) => v > cap).length,
      buckets,
    });
  }
  return out;
}

function rangeLabel(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
