import type { Ratio } from './tally';

/**
 * done / total as a percentage with one decimal, or null when there is nothing to count (no
 * 0/0 = 0%). Never rounds to 100.0 while something is still missing (99.96 → 99.9), nor to 0.0
 * once something is done: a bureau head reads "100%" as "all of them".
 */
export function percentValue({ done, total }: Ratio): number | null {
  if (total <= 0) return null;
  const value = Math.round((1000 * done) / total) / 10;
  if (done > 0 && done < total) return Math.min(99.9, Math.max(0.1, value));
  return value;
}
