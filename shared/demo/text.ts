/** Small helpers of the demo generator: Chinese numerals, shares that add up, names not used twice. */

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1–99 in Chinese numerals (二, 十二, 三十五), for 分店, 中学 and 社. */
export function cnNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10 === 0 ? '' : CN_DIGITS.charAt(n % 10);
  if (tens === 0) return CN_DIGITS.charAt(n);
  return `${tens === 1 ? '' : CN_DIGITS.charAt(tens)}十${ones}`;
}

/** Integer shares of `total` in proportion to `weights` that add up to exactly `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** As `apportion`, but every share gets at least `floor` first (when the total allows). */
export function apportionWithFloor(total: number, weights: readonly number[], floor: number): number[] {
  const base = Math.min(floor, Math.floor(total / Math.max(1, weights.length)));
  return apportion(total - base * weights.length, weights).map((n) => n + base);
}

/** Retries `make` until the name is new; then numbers a branch (…二分店) as a last resort. */
export function uniqueName(used: Set<string>, make: () => string, variant: (base: string, n: number) => string): string {
  let name = make();
  for (let tries = 0; used.has(name) && tries < 20; tries++) name = make();
  const base = name;
  for (let n = 2; used.has(name); n++) name = variant(base, n);
  used.add(name);
  return name;
}

export function branchName(base: string, n: number): string {
  if (base.endsWith('公司')) return `${base}第${cnNumber(n)}分公司`;
  if (base.endsWith('食堂')) return `${base.slice(0, -2)}第${cnNumber(n)}食堂`;
  return `${base}${cnNumber(n)}分店`;
}

/** 交通街道 → 交通, 罕台镇 → 罕台, 展旦召苏木 → 展旦召. */
export function shortName(name: string): string {
  const short = name.replace(/(街道|苏木|社区|嘎查|镇|乡|村|区|旗|县|市)$/, '');
  return short === '' ? name : short;
}
