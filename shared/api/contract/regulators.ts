import { z } from 'zod';
import { RegulatorSchema, type Regulator } from '../../domain/schemas';
import type { GridOverview } from '../../grid/overview';
import { NoInput } from './common';

/** The `regulators:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const regulatorsSchemas = {
  'regulators:list': NoInput,
  /** 网格监管: every grid regulator with their 主体 by grade and the 包保干部 they work with. */
  'regulators:overview': NoInput,
  /** Creates or updates a grid regulator. Error `invalid-argument` with fields. */
  'regulators:save': RegulatorSchema.omit({ id: true })
    .extend({
      id: z.string().min(1).optional(),
      regionIds: z.array(z.string().min(1)).min(1, { error: '请选择负责的网格（至少一个区划）' }),
    })
    .strict(),
  /**
   * Deletes a grid regulator. While 主体 name them, `handTo` says who takes those 主体 over
   * (another regulator's id, or '' to leave them without one); absent → error `conflict`.
   */
  'regulators:delete': z.object({ id: z.string().min(1), handTo: z.string().optional() }).strict(),
  /** 按网格补全: 主体 without a grid regulator get the one whose grid holds their region. */
  'regulators:fill': NoInput,
} as const;

export interface RegulatorsResults {
  'regulators:list': readonly Regulator[];
  'regulators:overview': GridOverview;
  'regulators:save': Regulator;
  'regulators:delete': { readonly id: string; readonly handedOver: number };
  'regulators:fill': { readonly filled: number; readonly stillMissing: number };
}
