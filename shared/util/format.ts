import { percentValue } from '../stats/percent';
import type { Ratio } from '../stats/tally';

/**
 * 21893 → "21,893": every count a clerk reads, on screen, in the CLI and in print. A whole number is
 * grouped here as zh-CN groups it: the first use of Intl in a page costs Chromium 50–200 ms (its locale
 * data), paid by the first screen only for its counts (docs/performance.md).
 */
export function countText(n: number): string {
  return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('zh-CN');
}

/**
 * done / total as a percentage with one decimal, "—" when there is nothing to count. The one
 * rounding rule of the app (see percentValue): 3 of 85,000 shows as 0.1%, never 0.0% or <0.1%;
 * 99.96% as 99.9%, never 100.0% while something is missing.
 */
export function percentText(ratio: Ratio): string {
  const value = percentValue(ratio);
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** "1,602 / 1,635 = 98.0%", the way the bureau reports an indicator. */
export function ratioText(ratio: Ratio): string {
  return `${countText(ratio.done)} / ${countText(ratio.total)} = ${percentText(ratio)}`;
}
