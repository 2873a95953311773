import type { WorkCalendar } from '../calendar/calendar';
import { dayNumber, isoDate, mondayOfDay, weekdayName } from '../calendar/days';
import type { BattleStatus, BattleTask, DispatchRecord } from './types';

export interface DispatchSlot {
  readonly date: string;
  /** Monday of the week the dispatch belongs to. */
  readonly weekStart: string;
  /** Why the dispatch is not on the configured weekday; '' when it is. */
  readonly note: string;
}

export interface DispatchPlan {
  readonly dates: readonly DispatchSlot[];
  /** Weeks without a dispatch (all days off) and calendar notes, in Chinese. */
  readonly notes: readonly string[];
}

/**
 * 周调度 dates (docs/domain.md#作战图与周调度的规则): one per week (Monday–Sunday) whose configured weekday (1 = Monday …
 * 7 = Sunday) lies in from…to. When that day is not a working day the dispatch moves to the
 * previous working day of the same week; when there is none before it (a Monday holiday), to the
 * next working day of the week, since last week already had its dispatch; a week with no working
 * day at all is skipped with a note.
 */
export function dispatchDates(from: string, to: string, weekday: number, calendar: WorkCalendar): DispatchPlan {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError('调度日应为 1（周一）至 7（周日）之间的整数');
  const first = dayNumber(from);
  const last = dayNumber(to);
  const dates: DispatchSlot[] = [];
  const notes: string[] = [];
  const working = (day: number): boolean => calendar.isWorkingDay(isoDate(day));
  for (let monday = mondayOfDay(first); monday <= last; monday += 7) {
    const target = monday + weekday - 1;
    if (target < first || target > last) continue;
    const weekStart = isoDate(monday);
    if (working(target)) {
      dates.push({ date: isoDate(target), weekStart, note: '' });
      continue;
    }
    const why = `${isoDate(target)}（${weekdayName(weekday)}）${restName(calendar, target)}`;
    let moved: number | null = null;
    for (let day = target - 1; day >= Math.max(monday, first) && moved === null; day--) if (working(day)) moved = day;
    if (moved !== null) {
      dates.push({ date: isoDate(moved), weekStart, note: `${why}，提前至 ${isoDate(moved)}` });
      continue;
    }
    for (let day = target + 1; day <= Math.min(monday + 6, last) && moved === null; day++) if (working(day)) moved = day;
    if (moved !== null) {
      dates.push({ date: isoDate(moved), weekStart, note: `${why}且本周此前无工作日，顺延至 ${isoDate(moved)}` });
      continue;
    }
    notes.push(`${weekStart} 至 ${isoDate(monday + 6)} 整周放假${festival(calendar, target)}，本周不安排调度`);
  }
  return { dates, notes };
}

function restName(calendar: WorkCalendar, day: number): string {
  const name = calendar.holidayName(isoDate(day));
  return name ? `为${name}假期` : '为休息日';
}

function festival(calendar: WorkCalendar, day: number): string {
  const name = calendar.holidayName(isoDate(day));
  return name ? `（${name}）` : '';
}

export interface TaskState {
  readonly status: BattleStatus;
  /** From the last dispatch when it reported on the task, else the task's own figure. */
  readonly progress: number;
  /** Not done and not yet overdue, but slipping (see taskStatus). */
  readonly atRisk: boolean;
  /** Why it is overdue or at risk, in Chinese; '' otherwise. */
  readonly reason: string;
}

export interface RiskOptions {
  /** Percentage points behind the straight-line expectation that count as at risk. */
  readonly behindBy: number;
  /** In the last this many working days, at risk when the work left needs more days than remain. */
  readonly finalDays: number;
}

export const DEFAULT_RISK: RiskOptions = { behindBy: 20, finalDays: 3 };

/**
 * A task's status on a day. 已完成 at 100 % (or when marked done); 逾期 when its finish has passed;
 * 进行中 once progress is reported (or it is marked so); else 未开始. At risk, for tasks neither
 * done nor overdue: its start has passed with no progress; or progress trails the straight line
 * from start to finish (over working days) by more than `behindBy` points; or, in its last
 * `finalDays` working days, the work left at the planned rate needs more days than remain.
 */
export function taskStatus(
  task: Pick<BattleTask, 'id' | 'progress' | 'status' | 'start' | 'finish'>,
  today: string,
  lastDispatch: DispatchRecord | undefined,
  calendar: WorkCalendar,
  options: RiskOptions = DEFAULT_RISK,
): TaskState {
  const progress = lastDispatch?.entries.find((e) => e.taskId === task.id)?.progress ?? task.progress;
  if (progress >= 100 || task.status === '已完成') return { status: '已完成', progress, atRisk: false, reason: '' };
  const { start, finish } = task;
  if (finish !== undefined && today > finish) {
    return { status: '逾期', progress, atRisk: false, reason: `已超过完成期限 ${finish}，进度 ${progress}%` };
  }
  const status: BattleStatus = progress > 0 || task.status === '进行中' ? '进行中' : '未开始';
  const reasons: string[] = [];
  if (start !== undefined && finish !== undefined && today >= start) {
    const total = calendar.workingDaysBetween(start, finish);
    const elapsed = Math.min(total, calendar.workingDaysBetween(start, calendar.previousWorkingDay(today)));
    const expected = total > 0 ? Math.round((100 * elapsed) / total) : 0;
    const remaining = calendar.workingDaysBetween(today, finish);
    const needed = Math.ceil(((100 - progress) * total) / 100);
    if (progress === 0 && elapsed > 0) reasons.push(`计划 ${start} 开始，至今仍无进度`);
    else if (expected - progress > options.behindBy) reasons.push(`按工期应完成约 ${expected}%，实际 ${progress}%`);
    if (remaining <= options.finalDays && needed > remaining)
      reasons.push(`距完成期限仅剩 ${remaining} 个工作日，按计划工效还需约 ${needed} 个工作日`);
  }
  return { status, progress, atRisk: reasons.length > 0, reason: reasons.join('；') };
}
