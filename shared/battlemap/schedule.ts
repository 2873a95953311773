import type { WorkCalendar } from '../calendar/calendar';
import { parseIsoDate, yearOfDay } from '../calendar/days';
import type { BattleTask, ScheduleMode } from './types';

/** What scheduling reads from a task. */
export type SchedulableTask = Pick<
  BattleTask,
  'id' | 'seq' | 'name' | 'durationDays' | 'predecessors' | 'deadline' | 'progress' | 'status'
>;

export interface ScheduledTask {
  readonly id: string;
  /** The plan: the latest dates when scheduling backward (倒排工期), the earliest when forward. */
  readonly start: string;
  readonly finish: string;
  /** Earliest dates: every task as soon as the plan start and its predecessors allow. */
  readonly earliestStart: string;
  readonly earliestFinish: string;
  /** Latest dates that still meet the final deadline (forward: the projected finish) and every task deadline. */
  readonly latestStart: string;
  readonly latestFinish: string;
  /** Working days between earliest and latest start; negative when the plan cannot be met. */
  readonly slack: number;
  /** On the critical path: its slack is the plan's smallest (see Schedule.margin). */
  readonly critical: boolean;
}

export interface Schedule {
  readonly mode: ScheduleMode;
  /** In the order the tasks were given. */
  readonly tasks: readonly ScheduledTask[];
  /** Ids of the critical tasks, predecessors first. */
  readonly criticalPath: readonly string[];
  /** First start and last finish of the plan; '' when there are no tasks. */
  readonly start: string;
  readonly finish: string;
  /**
   * The smallest slack of any task: the working days the critical path can slip before a
   * deadline is missed (0 when it is met exactly, negative when it cannot be met).
   */
  readonly margin: number;
  /** Calendar notes for the years the plan spans (provisional holidays). */
  readonly notes: readonly string[];
}

export type ScheduleProblemKind =
  'invalid-input' | 'duplicate-id' | 'unknown-predecessor' | 'cycle' | 'before-plan-start' | 'before-today' | 'deadline-unmet';

export interface ScheduleProblem {
  readonly kind: ScheduleProblemKind;
  /** The tasks at fault (empty for a bad plan date). */
  readonly taskIds: readonly string[];
  /** Chinese, naming the tasks and saying what to do. */
  readonly message: string;
}

/**
 * schedule is null when the tasks cannot be scheduled at all (bad dates, unknown or circular
 * predecessors); otherwise it is given even when problems say the plan cannot be met, so the
 * chart can show where it breaks.
 */
export interface ScheduleResult {
  readonly schedule: Schedule | null;
  readonly problems: readonly ScheduleProblem[];
}

export interface BackwardOptions {
  /** Nothing may start before this day; it also anchors the earliest schedule, hence the slack. */
  readonly planStart: string;
  /** Tasks not yet started whose latest start has passed are reported. */
  readonly today?: string;
}

export interface ForwardOptions {
  /** Tasks not yet started whose planned start has passed are reported. */
  readonly today?: string;
}

/**
 * 倒排工期 (docs/domain.md#作战图与周调度的规则): every task's latest finish is the earlier of its own deadline and the
 * working day before its earliest-starting successor's latest start (for tasks nobody waits on:
 * the final deadline); its latest start lies durationDays − 1 working days before. A deadline on
 * a rest day moves to the working day before it. The earliest schedule from planStart gives the
 * slack and the critical path.
 */
export function scheduleBackward(
  tasks: readonly SchedulableTask[],
  finalDeadline: string,
  calendar: WorkCalendar,
  options: BackwardOptions,
): ScheduleResult {
  const dateProblems = [
    checkDate(finalDeadline, '总截止日期'),
    checkDate(options.planStart, '计划开始日期'),
    options.today === undefined ? null : checkDate(options.today, '今天的日期'),
  ].filter((p): p is ScheduleProblem => p !== null);
  const graph = buildGraph(tasks);
  if (dateProblems.length > 0 || !graph.ok) return { schedule: null, problems: [...dateProblems, ...(graph.ok ? [] : graph.problems)] };

  const planStart = calendar.workingDayOnOrAfter(options.planStart);
  const times = computeTimes(graph.order, graph.successors, calendar, planStart, calendar.workingDayOnOrBefore(finalDeadline));
  const problems: ScheduleProblem[] = [];
  for (const task of bySeq(tasks)) {
    const t = times.get(task.id);
    if (!t) continue;
    const name = label(task);
    if (t.latestStart < planStart) {
      problems.push({
        kind: 'before-plan-start',
        taskIds: [task.id],
        message: `任务“${name}”最晚须于 ${t.latestStart} 开始，早于计划开始日期 ${options.planStart}，无法按期完成：请提前开始、缩短工期或推迟截止日期`,
      });
    } else if (options.today !== undefined && t.latestStart < options.today && !isStarted(task)) {
      problems.push({
        kind: 'before-today',
        taskIds: [task.id],
        message: `任务“${name}”最晚须于 ${t.latestStart} 开始，今天（${options.today}）已过该日期，任务仍未开始：请立即启动，或缩短工期、推迟截止日期`,
      });
    }
    if (t.earliestFinish <= t.latestFinish) continue;
    if (t.bound === 'own') {
      problems.push({
        kind: 'deadline-unmet',
        taskIds: [task.id],
        message: `任务“${name}”的截止日期 ${task.deadline ?? ''} 无法满足：从计划开始日期 ${options.planStart} 起按前置任务顺序推进，最早 ${t.earliestFinish} 才能完成`,
      });
    } else if (t.bound === 'final') {
      problems.push({
        kind: 'deadline-unmet',
        taskIds: [task.id],
        message: `总截止日期 ${finalDeadline} 无法满足：任务“${name}”最早 ${t.earliestFinish} 才能完成`,
      });
    }
  }
  return { schedule: toSchedule('backward', tasks, graph.order, times, calendar), problems };
}

/**
 * Forward scheduling from a start date: every task as early as its predecessors allow. Latest
 * dates (for slack and the critical path) run back from the projected finish and the task
 * deadlines; a task finishing after its own deadline is reported.
 */
export function scheduleForward(
  tasks: readonly SchedulableTask[],
  start: string,
  calendar: WorkCalendar,
  options: ForwardOptions = {},
): ScheduleResult {
  const dateProblems = [checkDate(start, '开始日期'), options.today === undefined ? null : checkDate(options.today, '今天的日期')].filter(
    (p): p is ScheduleProblem => p !== null,
  );
  const graph = buildGraph(tasks);
  if (dateProblems.length > 0 || !graph.ok) return { schedule: null, problems: [...dateProblems, ...(graph.ok ? [] : graph.problems)] };

  const times = computeTimes(graph.order, graph.successors, calendar, calendar.workingDayOnOrAfter(start), null);
  const problems: ScheduleProblem[] = [];
  for (const task of bySeq(tasks)) {
    const t = times.get(task.id);
    if (!t) continue;
    const name = label(task);
    if (task.deadline !== undefined && t.earliestFinish > calendar.workingDayOnOrBefore(task.deadline)) {
      problems.push({
        kind: 'deadline-unmet',
        taskIds: [task.id],
        message: `任务“${name}”最早 ${t.earliestFinish} 才能完成，晚于其截止日期 ${task.deadline}：请提前开始、缩短工期或调整截止日期`,
      });
    }
    if (options.today !== undefined && t.earliestStart < options.today && !isStarted(task)) {
      problems.push({
        kind: 'before-today',
        taskIds: [task.id],
        message: `任务“${name}”按计划应于 ${t.earliestStart} 开始，今天（${options.today}）仍未开始：请尽快启动或重新排期`,
      });
    }
  }
  return { schedule: toSchedule('forward', tasks, graph.order, times, calendar), problems };
}

// ---- graph ---------------------------------------------------------------------------------

type Graph =
  | { readonly ok: true; readonly order: readonly SchedulableTask[]; readonly successors: ReadonlyMap<string, readonly SchedulableTask[]> }
  | { readonly ok: false; readonly problems: readonly ScheduleProblem[] };

/** Checks the tasks and orders them predecessors first (by 序号 among equals). */
function buildGraph(tasks: readonly SchedulableTask[]): Graph {
  const problems: ScheduleProblem[] = [];
  const byId = new Map<string, SchedulableTask>();
  for (const task of bySeq(tasks)) {
    const name = label(task);
    if (byId.has(task.id)) {
      problems.push({
        kind: 'duplicate-id',
        taskIds: [task.id],
        message: `任务“${name}”与另一任务的编号“${task.id}”重复，请删除重复的任务`,
      });
    }
    byId.set(task.id, task);
    if (!Number.isInteger(task.durationDays) || task.durationDays < 1) {
      problems.push({ kind: 'invalid-input', taskIds: [task.id], message: `任务“${name}”的工期应为不少于 1 的整数个工作日` });
    }
    if (task.deadline !== undefined && parseIsoDate(task.deadline) === null) {
      problems.push({
        kind: 'invalid-input',
        taskIds: [task.id],
        message: `任务“${name}”的截止日期“${task.deadline}”无效，应为年-月-日，如 2027-03-01`,
      });
    }
  }
  for (const task of bySeq(tasks)) {
    for (const pred of task.predecessors) {
      if (!byId.has(pred)) {
        problems.push({
          kind: 'unknown-predecessor',
          taskIds: [task.id],
          message: `任务“${label(task)}”的前置任务“${pred}”不存在，请在前置任务中删除或改正`,
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const successors = new Map<string, SchedulableTask[]>();
  const waiting = new Map<string, number>();
  for (const task of byId.values()) {
    const preds = new Set(task.predecessors);
    waiting.set(task.id, preds.size);
    for (const pred of preds) successors.set(pred, [...(successors.get(pred) ?? []), task]);
  }
  // Kahn's algorithm; the graphs are tens of tasks, so re-sorting the ready list is fine.
  const ready = bySeq([...byId.values()].filter((t) => waiting.get(t.id) === 0));
  const order: SchedulableTask[] = [];
  while (ready.length > 0) {
    const task = ready.shift();
    if (!task) break;
    order.push(task);
    for (const next of successors.get(task.id) ?? []) {
      const left = (waiting.get(next.id) ?? 0) - 1;
      waiting.set(next.id, left);
      if (left === 0) {
        ready.push(next);
        ready.sort(compareSeq);
      }
    }
  }
  if (order.length === byId.size) return { ok: true, order, successors };

  const placed = new Set(order.map((t) => t.id));
  const stuck = bySeq([...byId.values()].filter((t) => !placed.has(t.id)));
  return {
    ok: false,
    problems: findCycles(stuck, successors).map((cycle) => ({
      kind: 'cycle',
      taskIds: [...new Set(cycle.map((t) => t.id))],
      message: `以下任务的前置关系形成循环：${cycle.map(label).join(' → ')}。请删去其中一个前置关系`,
    })),
  };
}

/** The cycles among the tasks Kahn could not place, each closed (first task repeated at the end). */
function findCycles(stuck: readonly SchedulableTask[], successors: ReadonlyMap<string, readonly SchedulableTask[]>): SchedulableTask[][] {
  const inStuck = new Set(stuck.map((t) => t.id));
  const state = new Map<string, 'open' | 'done'>();
  const path: SchedulableTask[] = [];
  const cycles: SchedulableTask[][] = [];
  const visit = (task: SchedulableTask): void => {
    state.set(task.id, 'open');
    path.push(task);
    for (const next of successors.get(task.id) ?? []) {
      if (!inStuck.has(next.id)) continue;
      const seen = state.get(next.id);
      if (seen === 'open') cycles.push([...path.slice(path.findIndex((t) => t.id === next.id)), next]);
      else if (seen === undefined) visit(next);
    }
    path.pop();
    state.set(task.id, 'done');
  };
  for (const task of stuck) if (!state.has(task.id)) visit(task);
  return cycles;
}

// ---- times ---------------------------------------------------------------------------------

interface Times {
  readonly earliestStart: string;
  readonly earliestFinish: string;
  readonly latestStart: string;
  readonly latestFinish: string;
  /** What fixed the latest finish: the task's own deadline, the final deadline, or a successor. */
  readonly bound: 'own' | 'final' | 'successor';
}

/**
 * Earliest times forward from `start`, latest times backward from `finish` (null: the projected
 * finish, i.e. the latest earliest finish). Dates are working days, compared as text.
 */
function computeTimes(
  order: readonly SchedulableTask[],
  successors: ReadonlyMap<string, readonly SchedulableTask[]>,
  calendar: WorkCalendar,
  start: string,
  finish: string | null,
): Map<string, Times> {
  const early = new Map<string, { start: string; finish: string }>();
  for (const task of order) {
    let es = start;
    for (const pred of task.predecessors) {
      const p = early.get(pred);
      if (p) es = max(es, calendar.nextWorkingDay(p.finish));
    }
    early.set(task.id, { start: es, finish: calendar.addWorkingDays(es, task.durationDays - 1) });
  }
  const end = finish ?? [...early.values()].reduce((latest, e) => max(latest, e.finish), start);

  const times = new Map<string, Times>();
  for (const task of [...order].reverse()) {
    const next = successors.get(task.id) ?? [];
    let bound: Times['bound'] = next.length === 0 ? 'final' : 'successor';
    let lf = end;
    for (const s of next) {
      const t = times.get(s.id);
      if (t) lf = min(lf, calendar.previousWorkingDay(t.latestStart));
    }
    if (task.deadline !== undefined) {
      const own = calendar.workingDayOnOrBefore(task.deadline);
      if (own <= lf) {
        lf = own;
        bound = 'own';
      }
    }
    const e = early.get(task.id);
    if (!e) continue;
    times.set(task.id, {
      earliestStart: e.start,
      earliestFinish: e.finish,
      latestStart: calendar.addWorkingDays(lf, -(task.durationDays - 1)),
      latestFinish: lf,
      bound,
    });
  }
  return times;
}

function toSchedule(
  mode: ScheduleMode,
  tasks: readonly SchedulableTask[],
  order: readonly SchedulableTask[],
  times: ReadonlyMap<string, Times>,
  calendar: WorkCalendar,
): Schedule {
  const slack = new Map<string, number>();
  for (const [id, t] of times) slack.set(id, calendar.workingDayDiff(t.earliestStart, t.latestStart));
  const margin = slack.size > 0 ? Math.min(...slack.values()) : 0;
  const scheduled: ScheduledTask[] = [];
  for (const task of tasks) {
    const t = times.get(task.id);
    if (!t) continue;
    const backward = mode === 'backward';
    scheduled.push({
      id: task.id,
      start: backward ? t.latestStart : t.earliestStart,
      finish: backward ? t.latestFinish : t.earliestFinish,
      earliestStart: t.earliestStart,
      earliestFinish: t.earliestFinish,
      latestStart: t.latestStart,
      latestFinish: t.latestFinish,
      slack: slack.get(task.id) ?? 0,
      critical: slack.get(task.id) === margin,
    });
  }
  const start = scheduled.reduce((a, t) => min(a, t.start), scheduled[0]?.start ?? '');
  const finish = scheduled.reduce((a, t) => max(a, t.finish), scheduled[0]?.finish ?? '');
  const notes: string[] = [];
  if (start && finish) {
    for (let year = yearOfDay(parseIsoDate(start) ?? 0); year <= yearOfDay(parseIsoDate(finish) ?? 0); year++) {
      const note = calendar.yearNote(year);
      if (note) notes.push(note);
    }
  }
  return {
    mode,
    tasks: scheduled,
    criticalPath: order.filter((t) => slack.get(t.id) === margin).map((t) => t.id),
    start,
    finish,
    margin,
    notes,
  };
}

// ---- helpers -------------------------------------------------------------------------------

function checkDate(text: string, what: string): ScheduleProblem | null {
  return parseIsoDate(text) === null
    ? { kind: 'invalid-input', taskIds: [], message: `${what}“${text}”无效，应为年-月-日，如 2027-03-01` }
    : null;
}

function isStarted(task: SchedulableTask): boolean {
  return task.progress > 0 || task.status === '进行中' || task.status === '已完成';
}

function label(task: SchedulableTask): string {
  return task.name.trim() || `序号 ${task.seq}`;
}

function compareSeq(a: SchedulableTask, b: SchedulableTask): number {
  return a.seq - b.seq || a.id.localeCompare(b.id);
}

function bySeq(tasks: readonly SchedulableTask[]): SchedulableTask[] {
  return [...tasks].sort(compareSeq);
}

function max(a: string, b: string): string {
  return a > b ? a : b;
}

function min(a: string, b: string): string {
  return a < b ? a : b;
}
