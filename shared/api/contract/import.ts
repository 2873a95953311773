import { z } from 'zod';
import type { ColumnMapping } from '../../records/header';
import type { IgnoredColumn, ImportCounts, PlannedRow, SheetPlan } from '../../records/import-plan';
import { RECORD_KINDS } from '../../records/types';
import type { FileContent } from './common';

export const RecordKindSchema = z.enum(RECORD_KINDS, { error: '导入导出类型应为 entities、cadres、regulators、regions、assignments 之一' });

export type { RecordKind } from '../../records/types';

export interface ImportPreview {
  readonly previewId: string;
  readonly kind: z.infer<typeof RecordKindSchema>;
  readonly fileName: string;
  readonly sheetName: string;
  /** 1-based row of the header in the sheet. */
  readonly headerRow: number;
  readonly columns: readonly ColumnMapping[];
  /** The fields a column can be mapped to, for the mapping editor. */
  readonly fields: readonly { readonly key: string; readonly label: string; readonly required: boolean }[];
  readonly counts: ImportCounts;
  readonly rows: readonly PlannedRow[];
  /** Every sheet read (workbooks with one sheet per 旗区, 乡镇 or 村), with where its area came from. */
  readonly sheets: readonly SheetPlan[];
  /** Sheets not read, and why. */
  readonly skippedSheets: readonly { readonly sheet: string; readonly reason: string }[];
  /** Columns not imported, and why. */
  readonly ignored: readonly IgnoredColumn[];
  /** The fields no column gives. */
  readonly missing: readonly { readonly key: string; readonly label: string }[];
  /** What blank cells do to an updated record: keep its stored value (default), or clear it. */
  readonly blankCells: 'keep' | 'clear';
  /** Why this preview cannot be committed yet (e.g. the name column is not mapped). */
  readonly problem: string | null;
}

/** How far a preview in the making has got: the file being read, then its rows being checked. */
export interface ImportProgress {
  readonly stage: 'reading' | 'checking';
  /** Data rows checked so far (0 while reading). */
  readonly done: number;
  /** Data rows below the header (0 until the file is read to its end). */
  readonly total: number;
}

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly skipped: number;
}

/** The `import:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const importSchemas = {
  /**
   * Reads a file into a preview without changing any data: header row, column mapping, and each
   * row's outcome with reasons. `mapping` overrides column names (header → field key, '' ignores).
   * Error `invalid-argument` with one Chinese message for a file that cannot be read.
   * `previewId` (optional, chosen by the caller) lets `import:progress` follow the preview and
   * `import:cancel` stop it before it returns; error `conflict` when it was stopped so.
   */
  'import:preview': z
    .object({
      kind: RecordKindSchema,
      fileName: z.string().min(1).max(260),
      contentBase64: z.string().max(30 * 1024 * 1024, { error: '文件过大，超过 20 MB 的导入上限' }),
      mapping: z.record(z.string(), z.string()).default({}),
      previewId: z.string().min(1).max(100).optional(),
      /** Blank cells of an updated record: keep the stored value (default) or 清空 it. */
      blankCells: z.enum(['keep', 'clear']).optional(),
    })
    .strict(),
  /** How far the preview with this id has got; null when none is being made (not yet started, or returned). */
  'import:progress': z.object({ previewId: z.string().min(1) }).strict(),
  /**
   * Writes a previewed import in one atomic change; with `saveMapping` the column names the user
   * chose are remembered in the same write. Error `conflict` if the data changed since.
   */
  'import:commit': z.object({ previewId: z.string().min(1), saveMapping: z.boolean().default(false) }).strict(),
  /** Forgets a preview, or stops one still being made; nothing was written. */
  'import:cancel': z.object({ previewId: z.string().min(1) }).strict(),
  /** The rejected rows as a workbook: original columns plus 行号 and 原因, to fix and re-import. */
  'import:errorReport': z.object({ previewId: z.string().min(1) }).strict(),
  /** Remembers column names for the next import of this kind (header → field key, '' ignores). */
  'import:saveMapping': z.object({ kind: RecordKindSchema, mapping: z.record(z.string(), z.string()) }).strict(),
} as const;

export interface ImportResults {
  'import:preview': ImportPreview;
  'import:progress': ImportProgress | null;
  'import:commit': ImportResult;
  'import:cancel': { readonly previewId: string };
  'import:errorReport': FileContent;
  'import:saveMapping': { readonly saved: number };
}
