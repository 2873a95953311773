import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { percentCell } from '@shared/reports/summary';
import { countText, percentText, ratioText } from '@shared/util/format';

describe('one way to write counts and rates', () => {
  it('groups thousands', () => {
    expect(countText(21893)).toBe('21,893');
    expect(countText(100000)).toBe('100,000');
    expect(countText(999)).toBe('999');
    expect(countText(0)).toBe('0');
  });

  it('groups a whole number as zh-CN does, without Intl (its first use in a page costs the first screen 50–200 ms)', () => {
    const counts = fc.sample(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })), {
      numRuns: 2_000,
      seed: 22,
    });
    const expected = counts.map((n) => n.toLocaleString('zh-CN'));
    const localeString = vi.spyOn(Number.prototype, 'toLocaleString');
    try {
      expect(counts.map(countText)).toEqual(expected);
      expect(localeString).not.toHaveBeenCalled();
    } finally {
      localeString.mockRestore();
    }
  });

  it('writes a small rate as 0.1% and an almost full one as 99.9%, the same on every screen', () => {
    expect(percentText({ done: 3, total: 85000 })).toBe('0.1%');
    expect(percentText({ done: 9999, total: 10000 })).toBe('99.9%');
    expect(percentText({ done: 0, total: 85000 })).toBe('0.0%');
    expect(percentText({ done: 332, total: 332 })).toBe('100.0%');
    expect(percentText({ done: 0, total: 0 })).toBe('—');
    expect(ratioText({ done: 1602, total: 1635 })).toBe('1,602 / 1,635 = 98.0%');
  });

  it('gives the reports a fraction that Excel’s 0.0% prints as the screens do', () => {
    // Excel rounds the stored fraction for its 0.0% format: 3/85000 would print as 0.0%, 9999/10000 as 100.0%.
    const printed = (cell: unknown): string => `${(Math.round((cell as number) * 1000) / 10).toFixed(1)}%`;
    expect(printed(percentCell({ done: 3, total: 85000 }))).toBe(percentText({ done: 3, total: 85000 }));
    expect(printed(percentCell({ done: 9999, total: 10000 }))).toBe(percentText({ done: 9999, total: 10000 }));
    // Elsewhere the cell keeps the exact fraction, for sums and checks in the sheet.
    expect(percentCell({ done: 1602, total: 1635 })).toBe(1602 / 1635);
    expect(percentCell({ done: 0, total: 0 })).toBe('—');
  });
});
