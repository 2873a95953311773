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

/** For charts: the percentage as a number, or null when there is no denominator (no point drawn). */
export function percentValue({ done, total }: Ratio): number | null {
  if (total <= 0) return null;
  const value = Math.round((1000 * done) / total) / 10;
  if (done > 0 && done < total) return Math.min(99.9, Math.max(0.1, value));
  return value;
}
