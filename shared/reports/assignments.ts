import type { Assignment } from '../domain/schemas';
import { chineseDate } from '../handbook/handbook';
import { assignmentColumns } from '../records/kinds/assignments';
import { lookups } from '../records/kinds/lookups';
import type { RecordContext } from '../records/types';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';
import type { ReportTable } from './summary';

interface AssignmentRow {
  readonly seq: number;
  readonly assignment: Assignment;
  readonly ctx: RecordContext;
}

/** The list's own columns (as 导出名单 writes them), numbered, with each 主体's 网格监管人员. */
export const ASSIGNMENT_REPORT_COLUMNS: readonly ReportColumnDef<AssignmentRow>[] = [
  { key: 'seq', label: '序号', width: 6, format: 'number', value: (r) => r.seq },
  ...assignmentColumns.map(({ key, label, width, format, value }): ReportColumnDef<AssignmentRow> => ({
    key,
    label,
    width,
    format,
    value: (r) => value(r.assignment, r.ctx),
  })),
  {
    key: 'regulator',
    label: '网格监管人员',
    width: 10,
    format: 'text',
    value: (r) => {
      const { entityById, regulatorById } = lookups(r.ctx);
      return regulatorById.get(entityById.get(r.assignment.entityId)?.regulatorId ?? '')?.name ?? '';
    },
  },
];

/**
 * 包保关系明细表: the current 包保关系 of `assignments` in area order (旗区, 乡镇, 村 by their
 * codes, then the 主体's name), numbered.
 */
export function assignmentReport(
  ctx: RecordContext,
  assignments: readonly Assignment[],
  head: { readonly title: string; readonly today: string },
  columns?: readonly string[],
): ReportTable {
  const { entityById } = lookups(ctx);
  const sortKey = (a: Assignment): { code: string; name: string } => {
    const entity = entityById.get(a.entityId);
    return { code: ctx.regions.get(entity?.regionId ?? '')?.code ?? '', name: entity?.name ?? '' };
  };
  const sorted = assignments
    .map((assignment) => ({ assignment, key: sortKey(assignment) }))
    .sort((a, b) => a.key.code.localeCompare(b.key.code) || a.key.name.localeCompare(b.key.name, 'zh'))
    .map(({ assignment }, i): AssignmentRow => ({ seq: i + 1, assignment, ctx }));
  return tableOf(
    { title: head.title, subtitle: `统计日期：${chineseDate(head.today)}　共 ${sorted.length} 条` },
    pickColumns(ASSIGNMENT_REPORT_COLUMNS, columns),
    sorted,
  );
}
