import { z } from 'zod';
import { CadreInputSchema, CadreLevelSchema, type Cadre } from '../../domain/schemas';
import { ById, LIST_WINDOW, type QueryResult, listSort } from './common';
import type { AssignmentView } from './assign';

export const CADRE_SORT_FIELDS = ['name', 'level', 'unit', 'position', 'regionPath', 'phone', 'entityCount', 'active'] as const;

export const CadreQuerySchema = z
  .object({
    text: z.string().max(100).default(''),
    regionId: z.string().default(''),
    /** 主体 currently guaranteed, both ends included (a dashboard load band); absent = no bound. */
    minLoad: z.number().int().min(0).optional(),
    maxLoad: z.number().int().min(0).optional(),
    levels: z.array(CadreLevelSchema).default([]),
    active: z.enum(['any', 'yes', 'no']).default('any'),
    /** 在岗 cadres without a signed 承诺书 for this year (the 首页概览 承诺书未签 drill-down). */
    unsignedYear: z.number().int().min(2000).max(2100).optional(),
    sort: listSort(CADRE_SORT_FIELDS),
    ...LIST_WINDOW,
  })
  .strict();

export type CadreQuery = z.input<typeof CadreQuerySchema>;

export type CadreSort = NonNullable<CadreQuery['sort']>;

/** A cadre query as the handler gets it (defaults filled in). */
export type CadreFilter = z.output<typeof CadreQuerySchema>;

export interface CadreRow {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly position: string;
  readonly level: Cadre['level'];
  readonly regionPath: string;
  readonly phone: string;
  readonly active: boolean;
  readonly entityCount: number;
}

export interface CadreDetail {
  readonly cadre: Cadre;
  readonly regionPath: string;
  readonly current: readonly AssignmentView[];
  readonly history: readonly AssignmentView[];
}

/** The `cadres:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const cadresSchemas = {
  /** Filtered 干部 rows, like entities:query. */
  'cadres:query': CadreQuerySchema,
  /** One cadre with current 主体 and history. Error `not-found`. */
  'cadres:get': ById,
  /** Creates or updates a cadre. Error `invalid-argument` with fields. */
  'cadres:save': CadreInputSchema,
  /** Deletes a cadre without any 包保 record. Error `conflict` otherwise. */
  'cadres:delete': ById,
} as const;

export interface CadresResults {
  'cadres:query': QueryResult<CadreRow>;
  'cadres:get': CadreDetail;
  'cadres:save': Cadre;
  'cadres:delete': { readonly id: string };
}
