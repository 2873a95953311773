import { z } from 'zod';
import type { ExportTemplate } from '../../domain/schemas';
import { textRule } from '../../domain/text';
import { RECORD_KINDS } from '../../records/types';
import { REPORT_TEMPLATE_KINDS } from '../../reports/kinds';
import type { FileContent } from './common';
import { EntityQuerySchema } from './entities';
import { CadreQuerySchema } from './cadres';
import { RecordKindSchema } from './import';

/** A list (RecordKind) or a 上报 report (`report:<name>`): what a column template belongs to. */
export const TemplateKindSchema = z.enum([...RECORD_KINDS, ...REPORT_TEMPLATE_KINDS], {
  error: '导出类型有误，请重新选择要导出的名单或报表',
});

export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export interface ExportColumnInfo {
  readonly key: string;
  readonly label: string;
  /** false for columns shown in exports but not read back by an import (e.g. 包保干部 of a 主体). */
  readonly importable: boolean;
}

/** The `export:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const exportSchemas = {
  /** The columns a list export can have, in default order. */
  'export:columns': z.object({ kind: TemplateKindSchema }).strict(),
  /** A list as a print-ready workbook: a template's columns, the given columns, or all. */
  'export:list': z
    .object({
      kind: RecordKindSchema,
      columns: z.array(z.string()).optional(),
      template: z.string().optional(),
      /** Only the 主体 or cadres this list filter shows (entities and cadres only). */
      entityQuery: EntityQuerySchema.optional(),
      cadreQuery: CadreQuerySchema.optional(),
      /** Mobile numbers as 138****1234, for lists that leave the office. */
      maskPhones: z.boolean().default(false),
    })
    .strict(),
  'export:templates': z.object({ kind: TemplateKindSchema }).strict(),
  /** Saves (or replaces by name) a column template; returns the kind's templates. */
  'export:saveTemplate': z
    .object({
      kind: TemplateKindSchema,
      name: z.string().trim().min(1, { error: '请填写模板名称' }).max(40).check(textRule('模板名称')),
      columns: z.array(z.string()).min(1, { error: '请至少选择一列' }),
    })
    .strict(),
  'export:deleteTemplate': z.object({ kind: TemplateKindSchema, name: z.string().min(1) }).strict(),
} as const;

export interface ExportResults {
  'export:columns': readonly ExportColumnInfo[];
  'export:list': FileContent;
  'export:templates': readonly ExportTemplate[];
  'export:saveTemplate': readonly ExportTemplate[];
  'export:deleteTemplate': readonly ExportTemplate[];
}
