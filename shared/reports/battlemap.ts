import type { BattleMapView } from '../api/contract';
import type { BattleTask } from '../battlemap/types';
import { addDays, dayNumber, isoDate, mondayOfDay } from '../calendar/days';
import type { Cell } from '../records/cell';
import { chineseDate } from '../handbook/handbook';
import { columnChoices, pickColumns, tableOf, type ReportColumnDef } from './columns';
import type { ReportColumn, ReportTable } from './summary';

/** Status colours, chosen to stay apart in grayscale print too (light → dark). */
export const STATUS_COLOURS = {
  未开始: 'FFD9D9D9',
  进行中: 'FF9DC3E6',
  已完成: 'FF548235',
  逾期: 'FFC00000',
  有风险: 'FFFFC000',
} as const;

export interface ColouredTable extends ReportTable {
  readonly fills: readonly (readonly (string | null)[])[];
  readonly legend: readonly { readonly label: string; readonly argb: string }[];
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** The weeks (Mondays) of the chart by the quarter their Monday falls in: 2026年第二季度 → its Mondays. */
function weeksByQuarter(mondays: readonly string[]): Map<string, string[]> {
  const quarters = new Map<string, string[]>();
  for (const monday of mondays) {
    const [year = '', month = ''] = monday.split('-');
    const name = `${year}年${QUARTER_NAMES[Math.floor((Number(month) - 1) / 3)] ?? ''}`;
    quarters.set(name, [...(quarters.get(name) ?? []), monday]);
  }
  return quarters;
}

/**
 * 作战图 (docs/domain.md#作战图表格): the task columns, then one column per week (under its month), filled over
 * the task's span; a sheet per quarter, as a year of weeks across one A3 page prints at 5 pt.
 * Empty when no 作战图 has been made.
 */
export function battleMapTables(view: BattleMapView, orgName: string, today: string): (ColouredTable & { readonly quarter: string })[] {
  const map = view.map;
  if (!map) return [];
  const tasks = [...map.tasks].sort((a, b) => a.seq - b.seq);
  const scheduled = new Map(view.schedule?.tasks.map((t) => [t.id, t]));
  const first = mondayOfDay(dayNumber(map.planStart));
  const lastDay = Math.max(dayNumber(map.finalDeadline), ...tasks.map((t) => dayNumber(scheduled.get(t.id)?.finish ?? map.finalDeadline)));
  const mondays: string[] = [];
  for (let d = first; d <= lastDay; d += 7) mondays.push(isoDate(d));

  const taskColumns: ReportColumn[] = [
    { label: '序号', width: 5, format: 'number' },
    { label: '工作任务', width: 16, format: 'text' },
    { label: '实施办法', width: 26, format: 'text' },
    { label: '工作举措', width: 26, format: 'text' },
    { label: '责任单位', width: 14, format: 'text' },
    { label: '责任人', width: 8, format: 'text' },
    { label: '工期（工作日）', width: 7, format: 'number' },
    { label: '开始', width: 11, format: 'date' },
    { label: '完成时限', width: 11, format: 'date' },
    { label: '状态', width: 7, format: 'text' },
    { label: '进度', width: 7, format: 'percent' },
  ];
  const taskCells = tasks.map((task): { cells: Cell[]; colour: string; start: string; finish: string } => {
    const s = scheduled.get(task.id);
    const state = view.states[task.id];
    const status = state?.status ?? task.status;
    return {
      cells: [
        task.seq,
        task.name,
        task.method,
        task.measures,
        task.unit,
        task.owner,
        task.durationDays,
        s ? { date: s.start } : null,
        s ? { date: s.finish } : null,
        `${status}${state?.atRisk ? '（有风险）' : ''}${s?.critical ? '★' : ''}`,
        (state?.progress ?? task.progress) / 100,
      ],
      colour: state?.atRisk ? STATUS_COLOURS.有风险 : STATUS_COLOURS[status],
      start: s?.start ?? '',
      finish: s?.finish ?? '',
    };
  });
  const span = `${chineseDate(map.planStart)}至${chineseDate(map.finalDeadline)}，${map.mode === 'backward' ? '倒排工期' : '顺排工期'}`;
  return [...weeksByQuarter(mondays)].map(([quarter, weeks]) => ({
    quarter,
    title: `${orgName}落实食品安全分层分级包保责任工作作战图（${quarter}）`,
    subtitle: `计划：${span}　　★ 关键路径　　周次列为该周星期一的日期　　制表日期：${chineseDate(today)}`,
    columns: [
      ...taskColumns,
      ...weeks.map((monday): ReportColumn => ({
        group: `${Number(monday.slice(5, 7))}月`,
        label: `${Number(monday.slice(8, 10))}日`,
        width: 4.5,
        format: 'text',
      })),
    ],
    rows: taskCells.map((t) => [...t.cells, ...weeks.map(() => null)]),
    fills: taskCells.map((t) => [
      ...taskColumns.map(() => null),
      ...weeks.map((monday) => (t.start && t.start <= addDays(monday, 6) && t.finish >= monday ? t.colour : null)),
    ]),
    legend: Object.entries(STATUS_COLOURS).map(([label, argb]) => ({ label, argb })),
  }));
}

/** One task of the 周调度进展表: its progress at each 周调度 and where it stands. */
interface DispatchRow {
  readonly task: BattleTask;
  readonly progress: readonly Cell[];
  readonly finish: string | undefined;
  readonly status: string;
  readonly note: string;
}

/** The 进展表's columns for a given list of 周调度 dates; all the date columns share one key. */
function dispatchColumns(dates: readonly string[]): ReportColumnDef<DispatchRow>[] {
  return [
    { key: 'seq', label: '序号', width: 5, format: 'number', value: (r) => r.task.seq },
    { key: 'task', label: '工作任务', width: 18, format: 'text', value: (r) => r.task.name },
    { key: 'unit', label: '责任单位', width: 14, format: 'text', value: (r) => r.task.unit },
    { key: 'owner', label: '责任人', width: 8, format: 'text', value: (r) => r.task.owner },
    { key: 'deadline', label: '完成时限', width: 11, format: 'date', value: (r) => (r.finish ? { date: r.finish } : null) },
    ...dates.map((date, i): ReportColumnDef<DispatchRow> => ({
      key: 'dispatches',
      label: `${date.slice(5)}调度`,
      width: 8,
      format: 'percent',
      value: (r) => r.progress[i] ?? '—',
    })),
    { key: 'status', label: '当前状态', width: 10, format: 'text', value: (r) => r.status },
    { key: 'note', label: '最近调度情况', width: 30, format: 'text', value: (r) => r.note },
  ];
}

/** For the column-template editor: the date columns are one choice. */
export const DISPATCH_COLUMN_CHOICES = columnChoices(dispatchColumns(['']), { dispatches: '各次周调度进度（每次一列）' });

/** 周调度进展表: each task's progress at every recorded 周调度, and the latest note. */
export function dispatchProgressTable(view: BattleMapView, orgName: string, today: string, columns?: readonly string[]): ReportTable {
  const map = view.map;
  const tasks = map ? [...map.tasks].sort((a, b) => a.seq - b.seq) : [];
  const dispatches = map ? [...map.dispatches].sort((a, b) => a.date.localeCompare(b.date)) : [];
  const scheduled = new Map(view.schedule?.tasks.map((t) => [t.id, t]));
  const rows = tasks.map((task): DispatchRow => {
    const entries = dispatches.map((d) => d.entries.find((e) => e.taskId === task.id));
    const lastNote = [...entries].reverse().find((e) => e?.note)?.note ?? '';
    const state = view.states[task.id];
    return {
      task,
      progress: entries.map((e) => (e ? e.progress / 100 : '—')),
      finish: scheduled.get(task.id)?.finish,
      status: `${state?.status ?? task.status}${state?.atRisk ? '（有风险）' : ''}`,
      // The note's own full stop gives way to the ；that joins the reason (no “。；”).
      note: state?.reason ? [lastNote.replace(/[。；;，,.\s]+$/, ''), state.reason].filter(Boolean).join('；') : lastNote,
    };
  });
  return tableOf(
    { title: `${orgName}作战图周调度进展表`, subtitle: `共 ${dispatches.length} 次周调度　　制表日期：${chineseDate(today)}` },
    pickColumns(dispatchColumns(dispatches.map((d) => d.date)), columns),
    rows,
  );
}
