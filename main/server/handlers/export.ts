import type { ApiHandlers, ExportColumnInfo, FileContent, TemplateKind } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { chineseDate } from '@shared/handbook/handbook';
import { exportTable, RECORD_DEFINITIONS, type ExportTable } from '@shared/records';
import { maskMobiles } from '@shared/records/cell';
import { RECORD_KIND_LABELS, type RecordContext, type RecordKind } from '@shared/records/types';
import { REPORT_COLUMN_CHOICES, templateKindLabel } from '@shared/reports/definitions';
import { reportOfTemplateKind } from '@shared/reports/kinds';
import type { TableSheet } from '../export/xlsx';
import { buildDownloadWorkbook } from '../workers/workbook-pool';
import type { HandlerContext } from './context';

type ExportMethods = 'export:columns' | 'export:list' | 'export:templates' | 'export:saveTemplate' | 'export:deleteTemplate';

/** 导出: lists and reports, with their column templates. */
export function exportHandlers(ctx: HandlerContext): Pick<ApiHandlers, ExportMethods> {
  const templatesOf = (kind: TemplateKind) => ctx.doc().profile.exportTemplates.filter((t) => t.kind === kind);
  const checkColumns = (kind: TemplateKind, keys: readonly string[]): void => {
    const known = new Set(columnsOf(kind).map((c) => c.key));
    const unknown = keys.filter((key) => !known.has(key));
    if (unknown.length > 0) throw new ApiError('invalid-argument', `没有这些列：${unknown.join('、')}，请重新选择列`);
  };

  return {
    'export:columns': async ({ kind }) => columnsOf(kind),

    'export:list': async ({ kind, columns, template, entityQuery, cadreQuery, maskPhones }) => {
      const recordCtx = ctx.recordContext();
      let keys = columns;
      if (template) {
        const found = templatesOf(kind).find((t) => t.name === template);
        if (!found) throw new ApiError('not-found', `没有名为“${template}”的导出模板，请重新选择`);
        keys = found.columns;
      }
      if (keys) checkColumns(kind, keys);
      const records = filteredRecords(ctx, kind, entityQuery, cadreQuery);
      const table = exportTable(kind, recordCtx, keys, records);
      const sheet = listSheet(
        kind,
        recordCtx,
        maskPhones ? { ...table, rows: table.rows.map((row) => row.map((c) => (typeof c === 'string' ? maskMobiles(c) : c))) } : table,
      );
      const workbook = await buildDownloadWorkbook([sheet]);
      const file: FileContent = {
        fileName: `${RECORD_KIND_LABELS[kind]}名单-${recordCtx.today}.xlsx`,
        contentBase64: workbook.toString('base64'),
      };
      return file;
    },

    'export:templates': async ({ kind }) => templatesOf(kind),

    'export:saveTemplate': async ({ kind, name, columns }) => {
      checkColumns(kind, columns);
      return ctx.store.update((doc) => {
        const others = doc.profile.exportTemplates.filter((t) => !(t.kind === kind && t.name === name));
        doc.profile.exportTemplates = [...others, { kind, name, columns }];
        ctx.log(doc, 'export:saveTemplate', `保存${templateKindLabel(kind)}导出模板“${name}”（${columns.length} 列）`);
        return doc.profile.exportTemplates.filter((t) => t.kind === kind);
      });
    },

    'export:deleteTemplate': async ({ kind, name }) =>
      ctx.store.update((doc) => {
        if (!doc.profile.exportTemplates.some((t) => t.kind === kind && t.name === name)) {
          throw new ApiError('not-found', `没有名为“${name}”的导出模板`);
        }
        doc.profile.exportTemplates = doc.profile.exportTemplates.filter((t) => !(t.kind === kind && t.name === name));
        ctx.log(doc, 'export:deleteTemplate', `删除${templateKindLabel(kind)}导出模板“${name}”`);
        return doc.profile.exportTemplates.filter((t) => t.kind === kind);
      }),
  };
}

/** A list as its sheet: the office's title, the date and count, A3 when the columns need it. */
export function listSheet(kind: RecordKind, recordCtx: RecordContext, table: ExportTable): TableSheet {
  const label = RECORD_KIND_LABELS[kind];
  const width = table.columns.reduce((sum, c) => sum + c.width, 0);
  return {
    sheetName: label,
    title: `${recordCtx.doc.profile.orgName}${label}名单`,
    subtitle: `制表日期：${chineseDate(recordCtx.today)}　共 ${table.rows.length} 条${width > A3_LANDSCAPE_UNITS ? TOO_WIDE_HINT : ''}`,
    ...(width > A4_LANDSCAPE_UNITS ? { paper: 'A3' as const, orientation: 'landscape' as const } : {}),
    columns: table.columns.map((c) => ({ label: c.label, width: c.width, format: c.format })),
    rows: table.rows,
  };
}

/**
 * Column units a landscape page holds with the type printed at 8 pt or more (10 pt fitted down to
 * 80 %; LibreOffice and WPS measure a unit about 7 pt with 宋体's fallbacks): a wider list takes A3.
 * Wider than A3 holds (the whole 主体 list), the list says how to print it readably.
 */
const A4_LANDSCAPE_UNITS = 140;
const A3_LANDSCAPE_UNITS = 200;
const TOO_WIDE_HINT = '　（列数较多，整表打印字号偏小：打印前请在“导出模板”中只选需要的列）';

/** A list's columns, or a report's (none of which an import reads back). */
function columnsOf(kind: TemplateKind): ExportColumnInfo[] {
  const report = reportOfTemplateKind(kind);
  if (report) return REPORT_COLUMN_CHOICES[report].map((c) => ({ ...c, importable: false }));
  return RECORD_DEFINITIONS[kind as RecordKind].columns.map((c) => ({ key: c.key, label: c.label, importable: c.importable }));
}

/** The records a list filter shows, in list order; all of the kind without a filter. */
function filteredRecords(
  ctx: HandlerContext,
  kind: RecordKind,
  entityQuery: Parameters<ApiHandlers['entities:query']>[0] | undefined,
  cadreQuery: Parameters<ApiHandlers['cadres:query']>[0] | undefined,
): readonly unknown[] | undefined {
  const doc = ctx.doc();
  if (kind === 'entities' && entityQuery) {
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    return ctx
      .lists()
      .entities(entityQuery)
      .map((row) => byId.get(row.id));
  }
  if (kind === 'cadres' && cadreQuery) {
    const byId = new Map(doc.cadres.map((c) => [c.id, c]));
    return ctx
      .lists()
      .cadres(cadreQuery)
      .map((row) => byId.get(row.id));
  }
  return undefined;
}
