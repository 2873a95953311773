import { parseIsoDate } from '../calendar/days';
import type { VisitProblem } from '../visits/types';
import { chineseDate } from '../handbook/handbook';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';
import { countyAndTownship, scopedVisits, scopeName, type ReportScope } from './scope';
import type { ReportTable } from './summary';

export type ProblemStatus = '已整改' | '整改中' | '逾期未整改';

/** One problem found on a visit of the year, with where it stands (闭环). */
export interface ProblemRow {
  readonly county: string;
  readonly township: string;
  readonly entityName: string;
  readonly cadreName: string;
  readonly foundOn: string;
  readonly problem: VisitProblem;
  readonly status: ProblemStatus;
  /** Days past the 整改期限: until today while open, until the rectified day once closed. */
  readonly daysLate: number;
}

/** Where a problem stands today, and how many days past its deadline it is (or was) closed. */
export function problemState(problem: VisitProblem, today: string): { readonly status: ProblemStatus; readonly daysLate: number } {
  const end = parseIsoDate(problem.rectifiedOn ?? today);
  const deadline = parseIsoDate(problem.deadline);
  // A day stored by an older version may not exist (2027-02-30): no lateness is counted from it.
  const daysLate = end === null || deadline === null ? 0 : Math.max(0, end - deadline);
  if (problem.rectifiedOn !== undefined) return { status: '已整改', daysLate };
  return { status: daysLate > 0 ? '逾期未整改' : '整改中', daysLate };
}

function lateness(row: ProblemRow): string {
  if (row.daysLate === 0) return '否';
  return row.status === '已整改' ? `逾期 ${row.daysLate} 天后整改` : `已逾期 ${row.daysLate} 天`;
}

type Column = ReportColumnDef<ProblemRow & { readonly seq: number }>;

export const PROBLEM_COLUMNS: readonly Column[] = [
  { key: 'seq', label: '序号', width: 5, format: 'number', value: (r) => r.seq },
  { key: 'county', label: '旗区', width: 8, format: 'text', value: (r) => r.county },
  { key: 'township', label: '乡镇', width: 10, format: 'text', value: (r) => r.township },
  { key: 'entity', label: '主体名称', width: 22, format: 'text', value: (r) => r.entityName },
  { key: 'cadre', label: '包保干部', width: 8, format: 'text', value: (r) => r.cadreName },
  { key: 'foundOn', label: '发现日期', width: 11, format: 'date', value: (r) => ({ date: r.foundOn }) },
  { key: 'description', label: '问题描述', width: 28, format: 'text', value: (r) => r.problem.description },
  { key: 'deadline', label: '整改期限', width: 11, format: 'date', value: (r) => ({ date: r.problem.deadline }) },
  { key: 'rectifiedOn', label: '整改日期', width: 11, format: 'date', value: (r) => (r.problem.rectifiedOn ? { date: r.problem.rectifiedOn } : null) },
  { key: 'status', label: '整改状态', width: 9, format: 'text', value: (r) => r.status },
  { key: 'overdue', label: '是否逾期', width: 12, format: 'text', value: (r) => lateness(r) },
];

/** Every problem found on the scope's visits of the year, in the order they were found. */
export function problemRows(scope: ReportScope): ProblemRow[] {
  const { entities, visits } = scopedVisits(scope);
  const cadreName = new Map(scope.doc.cadres.map((c) => [c.id, c.name]));
  const rows: ProblemRow[] = [];
  for (const visit of visits) {
    const entity = entities.get(visit.entityId);
    for (const problem of visit.problems) {
      rows.push({
        ...countyAndTownship(scope.regions, entity?.regionId ?? ''),
        entityName: entity?.name ?? '',
        cadreName: cadreName.get(visit.cadreId) ?? '（已删除的干部）',
        foundOn: visit.doneDate ?? visit.plannedDate,
        problem,
        ...problemState(problem, scope.today),
      });
    }
  }
  return rows.sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.entityName.localeCompare(b.entityName, 'zh') || a.problem.id.localeCompare(b.problem.id));
}

/** 问题整改台账 (SPEC §5.4): every problem, its deadline, rectified date, status and lateness. */
export function problemLedgerReport(scope: ReportScope, columns?: readonly string[]): ReportTable {
  const rows = problemRows(scope).map((row, i) => ({ ...row, seq: i + 1 }));
  const count = (status: ProblemStatus): number => rows.filter((r) => r.status === status).length;
  const { orgName } = scope.doc.profile;
  return tableOf(
    {
      title: `${scopeName(scope)}${scope.year}年度包保督导问题整改台账`,
      subtitle: `填报单位：${orgName}　　统计日期：${chineseDate(scope.today)}　　共 ${rows.length} 个问题：已整改 ${count('已整改')} 个，整改中 ${count('整改中')} 个，逾期未整改 ${count('逾期未整改')} 个`,
    },
    pickColumns(PROBLEM_COLUMNS, columns),
    rows,
  );
}
