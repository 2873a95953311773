import { WorkCalendar } from '../calendar/calendar';
import type { VisitProblem } from '../visits/types';
import { lastStep, OVERDUE_STEPS, overdueText, PROBLEM_STAGES, problemTiming, type ProblemTiming } from '../visits/problems';
import { chineseDate } from '../handbook/handbook';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';
import { countyAndTownship, scopedVisits, scopeName, type ReportScope } from './scope';
import type { ReportTable } from './summary';

/** One problem found on a visit of the year, with where it stands (闭环) and what is overdue. */
export interface ProblemRow {
  readonly county: string;
  readonly township: string;
  readonly entityName: string;
  readonly cadreName: string;
  readonly foundOn: string;
  readonly problem: VisitProblem;
  readonly timing: ProblemTiming;
}

/** What is late today; once rectified, whether the 整改 came after its 期限. */
function lateness({ timing }: ProblemRow): string {
  const late = [
    overdueText(timing.overdue),
    timing.overdue.整改 === undefined && timing.rectifyDaysLate > 0 ? `逾期 ${timing.rectifyDaysLate} 天后整改` : '',
  ];
  return late.filter(Boolean).join('；') || '否';
}

/** “通过（李四）”, after any 退回: “退回 1 次，通过（李四）”; “退回（李四）：原因” while it is being put right again. */
function reviewText(problem: VisitProblem): string {
  const returns = problem.steps.filter((s) => s.step === '退回');
  const passed = lastStep(problem, '复核通过');
  const last = returns.at(-1);
  if (passed && (!last || passed.on >= last.on)) return `${returns.length > 0 ? `退回 ${returns.length} 次，` : ''}通过（${passed.by}）`;
  return last ? `退回（${last.by}）：${last.note}` : '';
}

/** The day of a step, as a date cell; blank when it was not taken (or was taken before a 退回 undid it). */
function stepDate(day: string | undefined): { readonly date: string } | null {
  return day ? { date: day } : null;
}

type Column = ReportColumnDef<ProblemRow & { readonly seq: number }>;

/** Column widths that print on A4 landscape at 8 pt or more. */
const A4_LANDSCAPE_WIDTH = 140;

export const PROBLEM_COLUMNS: readonly Column[] = [
  { key: 'seq', label: '序号', width: 5, format: 'number', value: (r) => r.seq },
  { key: 'county', label: '旗区', width: 7, format: 'text', value: (r) => r.county },
  { key: 'township', label: '乡镇', width: 8, format: 'text', value: (r) => r.township },
  { key: 'entity', label: '主体名称', width: 16, format: 'text', value: (r) => r.entityName },
  { key: 'cadre', label: '包保干部', width: 7, format: 'text', value: (r) => r.cadreName },
  { key: 'foundOn', label: '发现日期', width: 11, format: 'date', value: (r) => ({ date: r.foundOn }) },
  { key: 'description', label: '问题描述', width: 19, format: 'text', value: (r) => r.problem.description },
  { key: 'deadline', label: '整改期限', width: 11, format: 'date', value: (r) => ({ date: r.problem.deadline }) },
  { key: 'assignedOn', label: '交办日期', width: 11, format: 'date', value: (r) => stepDate(lastStep(r.problem, '交办')?.on) },
  { key: 'assignedTo', label: '交办对象', width: 13, format: 'text', value: (r) => lastStep(r.problem, '交办')?.to ?? '' },
  { key: 'rectifiedOn', label: '整改日期', width: 11, format: 'date', value: (r) => stepDate(r.problem.rectifiedOn) },
  {
    key: 'rectifyNote',
    label: '整改情况',
    width: 14,
    format: 'text',
    value: (r) => (r.problem.rectifiedOn ? (lastStep(r.problem, '整改')?.note ?? '') : ''),
  },
  {
    key: 'reviewedOn',
    label: '复核日期',
    width: 11,
    format: 'date',
    value: (r) => stepDate([...r.problem.steps].reverse().find((s) => s.step === '复核通过' || s.step === '退回')?.on),
  },
  { key: 'review', label: '复核情况', width: 12, format: 'text', value: (r) => reviewText(r.problem) },
  { key: 'closedOn', label: '销号日期', width: 11, format: 'date', value: (r) => stepDate(lastStep(r.problem, '销号')?.on) },
  { key: 'status', label: '当前环节', width: 7, format: 'text', value: (r) => r.timing.stage },
  { key: 'overdue', label: '逾期情况', width: 13, format: 'text', value: lateness },
];

/** Every problem found on the scope's visits of the year, in the order they were found. */
export function problemRows(scope: ReportScope): ProblemRow[] {
  const { entities, visits } = scopedVisits(scope);
  const cadreName = new Map(scope.doc.cadres.map((c) => [c.id, c.name]));
  const calendar = new WorkCalendar(scope.doc.calendar);
  const rows: ProblemRow[] = [];
  for (const visit of visits) {
    const entity = entities.get(visit.entityId);
    const foundOn = visit.doneDate ?? visit.plannedDate;
    for (const problem of visit.problems) {
      rows.push({
        ...countyAndTownship(scope.regions, entity?.regionId ?? ''),
        entityName: entity?.name ?? '',
        cadreName: cadreName.get(visit.cadreId) ?? '（已删除的干部）',
        foundOn,
        problem,
        timing: problemTiming(problem, foundOn, scope.today, calendar, scope.doc.profile.visitRules.problemDays),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.foundOn.localeCompare(b.foundOn) || a.entityName.localeCompare(b.entityName, 'zh') || a.problem.id.localeCompare(b.problem.id),
  );
}

/**
 * 问题整改台账 (docs/domain.md#上报报表): every problem with each step of its 闭环 (交办, 整改, 复核, 销号), where
 * it stands and what is overdue.
 */
export function problemLedgerReport(scope: ReportScope, columns?: readonly string[]): ReportTable {
  const rows = problemRows(scope).map((row, i) => ({ ...row, seq: i + 1 }));
  const stages = PROBLEM_STAGES.map((stage) => `${stage} ${rows.filter((r) => r.timing.stage === stage).length} 个`).join('，');
  const overdue = OVERDUE_STEPS.map((step) => `${step} ${rows.filter((r) => r.timing.overdue[step] !== undefined).length} 个`).join('，');
  const { orgName } = scope.doc.profile;
  const picked = pickColumns(PROBLEM_COLUMNS, columns);
  return {
    ...tableOf(
      {
        title: `${scopeName(scope)}${scope.year}年度包保督导问题整改台账`,
        subtitle: `填报单位：${orgName}　　统计日期：${chineseDate(scope.today)}　　共 ${rows.length} 个问题：${stages}；逾期未办：${overdue}`,
      },
      picked,
      rows,
    ),
    // The whole 闭环 does not fit A4 at a readable size; a template of a few columns does.
    paper: picked.reduce((width, c) => width + c.width, 0) > A4_LANDSCAPE_WIDTH ? 'A3' : 'A4',
  };
}
