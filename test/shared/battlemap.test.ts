import { describe, expect, it } from 'vitest';
import {
  BattleMapSchema,
  BattleTaskSchema,
  defaultBattleTemplate,
  dispatchDates,
  DispatchRecordSchema,
  scheduleBackward,
  scheduleForward,
  taskStatus,
  tasksFromTemplate,
  type BattleTask,
  type SchedulableTask,
} from '../../shared/battlemap';
import { WorkCalendar } from '../../shared/calendar';

const calendar = new WorkCalendar();

function task(id: string, seq: number, durationDays: number, predecessors: string[] = [], deadline?: string): SchedulableTask {
  return { id, seq, name: id, durationDays, predecessors, progress: 0, status: '未开始', ...(deadline === undefined ? {} : { deadline }) };
}

function dates(result: ReturnType<typeof scheduleBackward>): Record<string, [string, string]> {
  return Object.fromEntries((result.schedule?.tasks ?? []).map((t) => [t.id, [t.start, t.finish]]));
}

describe('倒排工期 (backward)', () => {
  it('schedules a chain back across 国庆节 2025, using the make-up Sunday', () => {
    const result = scheduleBackward([task('A', 1, 3), task('B', 2, 2, ['A'])], '2025-10-10', calendar, { planStart: '2025-09-01' });
    expect(result.problems).toEqual([]);
    // B: 10-09 and 10-10. A ends the working day before (9-30) and needs 9-28 (Sunday, 调休), 9-29, 9-30.
    expect(dates(result)).toEqual({ A: ['2025-09-28', '2025-09-30'], B: ['2025-10-09', '2025-10-10'] });
  });

  it('moves a deadline on a holiday to the working day before', () => {
    const result = scheduleBackward([task('A', 1, 1)], '2025-10-05', calendar, { planStart: '2025-09-01' });
    expect(dates(result)).toEqual({ A: ['2025-09-30', '2025-09-30'] });
  });

  it('finds the critical path of a diamond', () => {
    // S(2) → X(5) → E(1) and S → Y(2) → E, from Monday 2025-03-03.
    const tasks = [task('S', 1, 2), task('X', 2, 5, ['S']), task('Y', 3, 2, ['S']), task('E', 4, 1, ['X', 'Y'])];
    const exact = scheduleBackward(tasks, '2025-03-12', calendar, { planStart: '2025-03-03' });
    expect(exact.problems).toEqual([]);
    const s = exact.schedule;
    expect(s?.criticalPath).toEqual(['S', 'X', 'E']);
    expect(s?.margin).toBe(0);
    expect(s?.start).toBe('2025-03-03');
    expect(s?.finish).toBe('2025-03-12');
    const y = s?.tasks.find((t) => t.id === 'Y');
    expect(y).toMatchObject({
      earliestStart: '2025-03-05',
      latestStart: '2025-03-10',
      latestFinish: '2025-03-11',
      slack: 3,
      critical: false,
    });

    // Two spare working days: the same chain is critical, with a margin of 2.
    const loose = scheduleBackward(tasks, '2025-03-14', calendar, { planStart: '2025-03-03' });
    expect(loose.schedule?.criticalPath).toEqual(['S', 'X', 'E']);
    expect(loose.schedule?.margin).toBe(2);
    expect(loose.schedule?.tasks.map((t) => t.slack)).toEqual([2, 2, 5, 2]);
  });

  it('lets a task deadline tighter than its successors’ decide its dates', () => {
    const free = [task('A', 1, 2), task('B', 2, 2, ['A']), task('C', 3, 2, ['B'])];
    expect(dates(scheduleBackward(free, '2025-06-30', calendar, { planStart: '2025-06-02' }))).toEqual({
      A: ['2025-06-23', '2025-06-24'],
      B: ['2025-06-25', '2025-06-26'],
      C: ['2025-06-27', '2025-06-30'],
    });
    const tight = [task('A', 1, 2), task('B', 2, 2, ['A'], '2025-06-13'), task('C', 3, 2, ['B'])];
    const result = scheduleBackward(tight, '2025-06-30', calendar, { planStart: '2025-06-02' });
    expect(result.problems).toEqual([]);
    expect(dates(result)).toEqual({ A: ['2025-06-10', '2025-06-11'], B: ['2025-06-12', '2025-06-13'], C: ['2025-06-27', '2025-06-30'] });
    // B's deadline now binds: A and B are the critical chain, C has slack.
    expect(result.schedule?.criticalPath).toEqual(['A', 'B']);
  });

  it('reports a plan that would have to start before the plan start, across 春节 2026', () => {
    const result = scheduleBackward([task('A', 1, 10), task('B', 2, 10, ['A'])], '2026-03-13', calendar, { planStart: '2026-03-10' });
    // B: 3-02 … 3-13. A must end on Saturday 2-28 (调休) and start 2-10, skipping 2-15 … 2-23.
    expect(dates(result)).toEqual({ A: ['2026-02-10', '2026-02-28'], B: ['2026-03-02', '2026-03-13'] });
    expect(result.problems.map((p) => p.message)).toEqual([
      '任务“A”最晚须于 2026-02-10 开始，早于计划开始日期 2026-03-10，无法按期完成：请提前开始、缩短工期或推迟截止日期',
      '任务“B”最晚须于 2026-03-02 开始，早于计划开始日期 2026-03-10，无法按期完成：请提前开始、缩短工期或推迟截止日期',
      // From 3-10, A ends 3-23 and B runs 3-24 … 4-07, past 清明 (4-04 … 4-06).
      '总截止日期 2026-03-13 无法满足：任务“B”最早 2026-04-07 才能完成',
    ]);
    expect(result.schedule?.margin).toBe(-16);
  });

  it('names a task whose own deadline cannot be met', () => {
    const result = scheduleBackward(
      [task('A', 1, 5), task('B', 2, 3, ['A'], '2025-09-05'), task('C', 3, 2, ['B'])],
      '2025-12-31',
      calendar,
      {
        planStart: '2025-09-01',
      },
    );
    expect(result.problems.filter((p) => p.kind === 'deadline-unmet')).toEqual([
      {
        kind: 'deadline-unmet',
        taskIds: ['B'],
        message: '任务“B”的截止日期 2025-09-05 无法满足：从计划开始日期 2025-09-01 起按前置任务顺序推进，最早 2025-09-10 才能完成',
      },
    ]);
    // B itself could start in time (9-03); its predecessor A could not.
    expect(result.problems.filter((p) => p.kind === 'before-plan-start').map((p) => p.taskIds)).toEqual([['A']]);
  });

  it('reports tasks whose latest start has passed but have not started', () => {
    const tasks = [{ ...task('A', 1, 5), progress: 30 }, task('B', 2, 5, ['A']), task('C', 3, 2)];
    const result = scheduleBackward(tasks, '2025-06-30', calendar, { planStart: '2025-05-06', today: '2025-06-25' });
    expect(result.problems).toEqual([
      {
        kind: 'before-today',
        taskIds: ['B'],
        message: '任务“B”最晚须于 2025-06-24 开始，今天（2025-06-25）已过该日期，任务仍未开始：请立即启动，或缩短工期、推迟截止日期',
      },
    ]);
  });

  it('refuses a cycle, naming the tasks in order', () => {
    const result = scheduleBackward(
      [task('立项', 1, 1, ['收尾']), task('实施', 2, 1, ['立项']), task('收尾', 3, 1, ['实施']), task('独立', 4, 1)],
      '2025-12-31',
      calendar,
      { planStart: '2025-06-02' },
    );
    expect(result.schedule).toBeNull();
    expect(result.problems).toEqual([
      {
        kind: 'cycle',
        taskIds: ['立项', '实施', '收尾'],
        message: '以下任务的前置关系形成循环：立项 → 实施 → 收尾 → 立项。请删去其中一个前置关系',
      },
    ]);
    const self = scheduleForward([task('自身', 1, 1, ['自身'])], '2025-06-02', calendar);
    expect(self.problems[0]?.message).toBe('以下任务的前置关系形成循环：自身 → 自身。请删去其中一个前置关系');
  });

  it('refuses an unknown predecessor, duplicate ids and bad input', () => {
    const unknown = scheduleBackward([task('A', 1, 1), task('B', 2, 1, ['A', 'zz'])], '2025-12-31', calendar, { planStart: '2025-06-02' });
    expect(unknown.schedule).toBeNull();
    expect(unknown.problems).toEqual([
      { kind: 'unknown-predecessor', taskIds: ['B'], message: '任务“B”的前置任务“zz”不存在，请在前置任务中删除或改正' },
    ]);
    const bad = scheduleBackward([task('A', 1, 0), task('A', 2, 1, [], '2025-02-30')], '2025-13-01', calendar, { planStart: '2025-06-02' });
    expect(bad.schedule).toBeNull();
    expect(bad.problems.map((p) => p.kind)).toEqual(['invalid-input', 'invalid-input', 'duplicate-id', 'invalid-input']);
    expect(bad.problems[0]?.message).toBe('总截止日期“2025-13-01”无效，应为年-月-日，如 2027-03-01');
  });
});

describe('forward scheduling', () => {
  it('runs a chain forward over 国庆节 2025', () => {
    const result = scheduleForward([task('A', 1, 3), task('B', 2, 2, ['A'])], '2025-09-26', calendar);
    expect(result.problems).toEqual([]);
    // A: Friday 9-26, Sunday 9-28 (调休), Monday 9-29. B: 9-30 and, after the holiday, 10-09.
    expect(dates(result)).toEqual({ A: ['2025-09-26', '2025-09-29'], B: ['2025-09-30', '2025-10-09'] });
    expect(result.schedule?.criticalPath).toEqual(['A', 'B']);
  });

  it('reports a task that finishes after its own deadline', () => {
    const result = scheduleForward([task('A', 1, 5, [], '2025-10-03')], '2025-09-29', calendar);
    expect(result.problems).toEqual([
      {
        kind: 'deadline-unmet',
        taskIds: ['A'],
        message: '任务“A”最早 2025-10-11 才能完成，晚于其截止日期 2025-10-03：请提前开始、缩短工期或调整截止日期',
      },
    ]);
  });
});

describe('default template', () => {
  const tasks = tasksFromTemplate(defaultBattleTemplate(), (seq) => `bt-${seq}`);

  it('is valid, in the phases of docs/domain.md#作战图与周调度的规则, with working predecessor links', () => {
    expect(tasks).toHaveLength(12);
    for (const t of tasks) expect(BattleTaskSchema.parse(t)).toEqual(t);
    expect(tasks.map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(tasks[0]?.name).toContain('动员部署');
    expect(tasks.at(-1)?.name).toContain('总结评估');
    for (const t of tasks) {
      expect(t.method.length).toBeGreaterThan(10);
      expect(t.measures.length).toBeGreaterThan(10);
      expect(t.unit).not.toBe('');
    }
  });

  it('takes 112 working days along its critical path', () => {
    const forward = scheduleForward(tasks, '2026-03-02', calendar);
    expect(forward.problems).toEqual([]);
    expect(forward.schedule?.finish).toBe(calendar.addWorkingDays('2026-03-02', 111));
    expect(forward.schedule?.criticalPath).toEqual(['bt-1', 'bt-2', 'bt-3', 'bt-5', 'bt-6', 'bt-7', 'bt-9', 'bt-11', 'bt-12']);
    const backward = scheduleBackward(tasks, '2026-09-30', calendar, { planStart: '2026-03-02' });
    expect(backward.problems).toEqual([]);
    expect(backward.schedule?.finish).toBe('2026-09-30');
    expect(backward.schedule?.margin).toBe(calendar.workingDayDiff(forward.schedule?.finish ?? '', '2026-09-30'));
  });

  it('notes a provisional calendar year in the plan', () => {
    const result = scheduleBackward(tasks, '2027-06-30', calendar, { planStart: '2027-01-04' });
    expect(result.schedule?.notes).toEqual([expect.stringContaining('2027 年的放假安排尚未发布')]);
  });

  it('fits the battle map schema', () => {
    const map = BattleMapSchema.parse({ planStart: '2026-03-02', finalDeadline: '2026-09-30', tasks });
    expect(map.mode).toBe('backward');
    expect(map.dispatchWeekday).toBe(5);
  });
});

describe('周调度', () => {
  it('moves a dispatch off 国庆节 to the previous working day of the week', () => {
    const plan = dispatchDates('2025-09-22', '2025-10-19', 5, calendar);
    expect(plan.dates).toEqual([
      { date: '2025-09-26', weekStart: '2025-09-22', note: '' },
      { date: '2025-09-30', weekStart: '2025-09-29', note: '2025-10-03（周五）为国庆节假期，提前至 2025-09-30' },
      { date: '2025-10-10', weekStart: '2025-10-06', note: '' },
      { date: '2025-10-17', weekStart: '2025-10-13', note: '' },
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('skips a week that is all holiday and moves a Monday holiday later in its week', () => {
    const plan = dispatchDates('2026-02-09', '2026-03-01', 1, calendar);
    expect(plan.dates).toEqual([
      { date: '2026-02-09', weekStart: '2026-02-09', note: '' },
      { date: '2026-02-24', weekStart: '2026-02-23', note: '2026-02-23（周一）为春节假期且本周此前无工作日，顺延至 2026-02-24' },
    ]);
    expect(plan.notes).toEqual(['2026-02-16 至 2026-02-22 整周放假（春节），本周不安排调度']);
  });

  it('keeps only weeks whose dispatch day lies in the range', () => {
    expect(dispatchDates('2025-06-04', '2025-06-12', 3, calendar).dates.map((d) => d.date)).toEqual(['2025-06-04', '2025-06-11']);
    expect(() => dispatchDates('2025-06-04', '2025-06-12', 8, calendar)).toThrow(RangeError);
  });

  it('validates dispatch records', () => {
    expect(DispatchRecordSchema.parse({ date: '2025-06-06', entries: [{ taskId: 'bt-1', progress: 40 }] })).toEqual({
      date: '2025-06-06',
      entries: [{ taskId: 'bt-1', progress: 40, note: '' }],
    });
    expect(DispatchRecordSchema.safeParse({ date: '2025-06-06', entries: [{ taskId: 'bt-1', progress: 140 }] }).success).toBe(false);
  });
});

describe('task status', () => {
  // 10 working days: 2025-09-22 … 2025-10-10 with 国庆节 inside (9-22 … 9-30 is 8 incl. Sunday 9-28, then 10-09, 10-10).
  const base: BattleTask = BattleTaskSchema.parse({
    id: 't',
    seq: 1,
    name: '摸底',
    durationDays: 10,
    start: '2025-09-22',
    finish: '2025-10-10',
  });

  it('derives 已完成, 逾期, 进行中 and 未开始', () => {
    expect(taskStatus({ ...base, progress: 100 }, '2025-10-20', undefined, calendar)).toMatchObject({ status: '已完成', atRisk: false });
    expect(taskStatus({ ...base, progress: 90 }, '2025-10-11', undefined, calendar)).toEqual({
      status: '逾期',
      progress: 90,
      atRisk: false,
      reason: '已超过完成期限 2025-10-10，进度 90%',
    });
    expect(taskStatus({ ...base, progress: 10 }, '2025-09-23', undefined, calendar)).toMatchObject({ status: '进行中', atRisk: false });
    expect(taskStatus(base, '2025-09-20', undefined, calendar)).toMatchObject({ status: '未开始', atRisk: false });
  });

  it('takes progress from the last dispatch', () => {
    const dispatch = { date: '2025-09-26', entries: [{ taskId: 't', progress: 100, note: '' }] };
    expect(taskStatus(base, '2025-09-26', dispatch, calendar)).toMatchObject({ status: '已完成', progress: 100 });
  });

  it('flags a task behind its straight-line progress, or not started after its start', () => {
    // On Friday 9-26, 4 of 10 working days have passed: expected 40 %.
    expect(taskStatus({ ...base, progress: 15 }, '2025-09-26', undefined, calendar)).toEqual({
      status: '进行中',
      progress: 15,
      atRisk: true,
      reason: '按工期应完成约 40%，实际 15%',
    });
    expect(taskStatus({ ...base, progress: 25 }, '2025-09-26', undefined, calendar).atRisk).toBe(false);
    // On 9-30, 7 of 10 have passed (Sunday 9-28 counted) and only 3 remain.
    expect(taskStatus({ ...base, progress: 45 }, '2025-09-30', undefined, calendar).reason).toBe(
      '按工期应完成约 70%，实际 45%；距完成期限仅剩 3 个工作日，按计划工效还需约 6 个工作日',
    );
    expect(taskStatus(base, '2025-09-24', undefined, calendar)).toMatchObject({
      status: '未开始',
      atRisk: true,
      reason: '计划 2025-09-22 开始，至今仍无进度',
    });
  });

  it('flags a task near its finish with more work left than days', () => {
    // On 10-09 two working days remain (10-09, 10-10); 30 % of 10 days is 3.
    expect(taskStatus({ ...base, progress: 70 }, '2025-10-09', undefined, calendar)).toMatchObject({
      atRisk: true,
      reason: '距完成期限仅剩 2 个工作日，按计划工效还需约 3 个工作日',
    });
  });
});
