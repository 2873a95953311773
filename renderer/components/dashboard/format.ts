import { percentValue } from '@shared/stats/percent';
import type { Ratio } from '@shared/stats/stats';

/** 21893 → "21,893", as in the header counts. */
export function count(n: number): string {
  return n.toLocaleString('zh-CN');
}

/**
 * done / total as a percentage with one decimal; "—" when there is nothing to count. Never
 * rounds to 100.0% while something is still missing (99.96% shows as 99.9%), nor to 0.0% once
 * something is done.
 */
export function percent(ratio: Ratio): string {
  const value = percentValue(ratio);
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** "1,602 / 1,635 = 98.0%", the way the bureau reports a duty indicator. */
export function ratioText(ratio: Ratio): string {
  return `${count(ratio.done)} / ${count(ratio.total)} = ${percent(ratio)}`;
}

