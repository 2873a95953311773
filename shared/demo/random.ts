/** Seeded random numbers for the demo generator: the same seed always gives the same library. */

/** mulberry32: tiny and fast; Math.random would make demo libraries unreproducible. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One of the options, each as likely as its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let x = this.next() * total;
    for (const [value, weight] of options) {
      x -= weight;
      if (x < 0) return value;
    }
    return this.pick(options)[0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, count));
  }

  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String(Math.floor(this.next() * 10));
    return text;
  }

  /** A YYYY-MM-DD day between two days, both included. */
  date(from: string, to: string): string {
    const start = dayNumber(from);
    return dayText(start + this.int(0, dayNumber(to) - start));
  }
}

// Date parsing and formatting dominate a 100,000-主体 run without these caches.
const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, string>();

function dayNumber(text: string): number {
  let n = dayNumbers.get(text);
  if (n === undefined) dayNumbers.set(text, (n = Math.round(Date.parse(`${text}T00:00:00Z`) / 86_400_000)));
  return n;
}

function dayText(n: number): string {
  let text = dayTexts.get(n);
  if (text === undefined) dayTexts.set(n, (text = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  return text;
}

/** Draws items in proportion to their weights (binary search over running totals). */
export class WeightedPicker<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[] = [];

  constructor(items: readonly T[], weights: readonly number[]) {
    this.items = items;
    let total = 0;
    for (const weight of weights) this.cumulative.push((total += weight));
  }

  pick(rng: Random): T {
    const x = rng.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    const item = this.items[lo];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}
