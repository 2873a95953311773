import { z } from 'zod';
import { IsoDateSchema } from '../../domain/schemas';

export const NoInput = z.object({}).strict().default({});

export const ById = z.object({ id: z.string().min(1, { error: '缺少记录编号' }) }).strict();

/** A region (and below) and a date range ('' = unbounded) that narrow 督导 lists and weekly figures. */
export const ScopeRangeSchema = z
  .object({
    regionId: z.string().optional(),
    from: z.union([z.literal(''), IsoDateSchema]).optional(),
    to: z.union([z.literal(''), IsoDateSchema]).optional(),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, { error: '开始日期不能晚于结束日期，请重新选择日期范围', path: ['to'] });

export const SORT_ORDERS = ['ascend', 'descend'] as const;

export type SortOrder = (typeof SORT_ORDERS)[number];

export const listSort = <F extends readonly [string, ...string[]]>(fields: F) =>
  z
    .object({ field: z.enum(fields), order: z.enum(SORT_ORDERS) })
    .strict()
    .optional();

/**
 * The slice of a list a virtual table shows: `offset` rows skipped, at most `limit` sent (absent:
 * every row, for exports and scripts). `total` still counts every match.
 */
export const LIST_WINDOW = { offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).optional() };

/** A file handed over as base64, both ways: uploads to import, workbooks to save. */
export interface FileContent {
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface QueryResult<Row> {
  /** Every match, also when `rows` is only the window asked for. */
  readonly total: number;
  readonly rows: readonly Row[];
}
