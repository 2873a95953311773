import { z } from 'zod';
import { REPORT_KINDS } from '../../reports/kinds';
import type { Cell } from '../../records/cell';
import type { FileContent } from './common';

export const ReportRequest = z
  .object({
    report: z.enum(REPORT_KINDS, { error: '报表应为 summary、assignments、visits、problems、dispatch、inspections 之一' }),
    /** '' = the whole library; else a 旗区 or 乡镇 and everything below it. */
    regionId: z.string().default(''),
    /** The 督导 year; defaults to the plan year. */
    year: z.number().int().min(2000).max(2100).optional(),
    /** A saved column template of the report, or the columns by key; neither = all columns. */
    template: z.string().optional(),
    columns: z.array(z.string()).min(1, { error: '请至少选择一列' }).optional(),
  })
  .strict();

/** The first rows of a report as the export would write them, to check before exporting. */
export interface ReportPreview {
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly { readonly label: string; readonly format: 'text' | 'number' | 'percent' | 'date' }[];
  readonly rows: readonly (readonly Cell[])[];
  readonly totalRow: readonly Cell[] | null;
  /** All data rows of the report (the preview shows at most the first 50). */
  readonly rowCount: number;
}

/** The `report:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const reportSchemas = {
  /**
   * A 上报 report as a print-ready workbook (docs/domain.md#上报报表): `summary` = 包保工作情况统计表 per region
   * below `regionId` (per 旗区 for the whole city) with a 合计 row; `assignments` = 包保关系明细表;
   * `visits` = 督导记录汇总; `problems` = 问题整改台账; `dispatch` = 作战图周调度进展表; `inspections` = 督查情况表.
   */
  'report:export': ReportRequest,
  /** The same report's title, columns, first 50 rows and 合计, to check before exporting. */
  'report:preview': ReportRequest,
} as const;

export interface ReportResults {
  'report:export': FileContent;
  'report:preview': ReportPreview;
}
