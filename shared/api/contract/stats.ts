import { z } from 'zod';
import { CadreLevelSchema } from '../../domain/schemas';
import type { CadreQuarterRow } from '../../stats/cadre-quarters';
import type { Stats } from '../../stats/stats';
import type { Breakdown } from '../../stats/breakdown';
import type { LoadBands } from '../../stats/loads';
import type { WeeklySeries } from '../../stats/weekly';
import { ScopeRangeSchema } from './common';

/** The `stats:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const statsSchemas = {
  /** The programme's figures (docs/domain.md#统计口径), for the library or one region and below. */
  /** `year`: whose 督导 and 承诺书 count (the plan year when absent). */
  'stats:get': z
    .object({ regionId: z.string().default(''), year: z.number().int().min(2000).max(2100).optional() })
    .strict()
    .default({ regionId: '' }),
  /** The figures per region one level below the scope (per 旗区 for the whole city), with a 合计. */
  'stats:breakdown': z
    .object({ regionId: z.string().default('') })
    .strict()
    .default({ regionId: '' }),
  /** 督导 completion per quarter by cadre (planned/done over the visits due), of a region and below and one level. */
  'stats:cadreQuarters': z
    .object({
      regionId: z.string().default(''),
      level: CadreLevelSchema.optional(),
      /** The plan year when absent. */
      year: z.number().int().min(2000).max(2100).optional(),
    })
    .strict(),
  /** The 督导 charts per week of a date range (the plan year when none), with this month's figures. */
  'stats:weekly': ScopeRangeSchema.default({}),
  /** Cadres of the scope per level and load band against the soft cap. */
  'stats:loads': z
    .object({ regionId: z.string().default('') })
    .strict()
    .default({ regionId: '' }),
} as const;

export interface StatsResults {
  'stats:get': Stats;
  'stats:cadreQuarters': { readonly year: number; readonly rows: readonly CadreQuarterRow[] };
  'stats:breakdown': Breakdown;
  'stats:weekly': WeeklySeries;
  'stats:loads': readonly LoadBands[];
}
