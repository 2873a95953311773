import { z } from 'zod';
import type { VisitsResults } from './visits';

/** What 年度切换 did. */
export interface YearOpened {
  readonly year: number;
  readonly previousYear: number;
  /** Every year now closed (read-only). */
  readonly closedYears: readonly number[];
  /** The new year's plan (planned from `from` when the year has already begun, else the whole year). */
  readonly plan: VisitsResults['visits:plan'];
  readonly from: string;
  /** 在岗 cadres without a signed 承诺书 for the new year. */
  readonly commitmentsDue: number;
}

/** The `year:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const yearSchemas = {
  /**
   * 年度切换: opens `year` as the plan year (later than the current one), closes the years before it
   * (read-only, still reportable), plans its 督导 (from today when it has begun) and says how many
   * 在岗 cadres must sign the new year's 承诺书.
   */
  'year:open': z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
} as const;

export interface YearResults {
  'year:open': YearOpened;
}
