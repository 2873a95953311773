import type { ApiHandlers, BattleMapView } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { dispatchDates, taskStatus, type TaskState } from '@shared/battlemap/dispatch';
import { scheduleBackward, scheduleForward } from '@shared/battlemap/schedule';
import { defaultBattleTemplate, tasksFromTemplate } from '@shared/battlemap/template';
import type { BattleMap } from '@shared/battlemap/types';
import { parseIsoDate } from '@shared/calendar/days';
import type { DataDoc } from '@shared/storage/types';
import { battleMapWorkbook } from '../export/battlemap';
import { calendarNotes, calendarOf } from './calendar';
import { notFound, type HandlerContext } from './context';

type BattleMethods =
  | 'battlemap:get'
  | 'battlemap:create'
  | 'battlemap:settings'
  | 'battlemap:saveTask'
  | 'battlemap:deleteTask'
  | 'battlemap:dispatch'
  | 'battlemap:export';

/** The 作战图 as the screens show it: recomputed on every read, so it follows calendar changes. */
export function battleMapView(doc: DataDoc, today: string): BattleMapView {
  const calendar = calendarOf(doc);
  const map = doc.battleMap;
  if (!map) return { map: null, schedule: null, problems: [], dispatches: null, states: {}, calendarNotes: calendarNotes(doc, calendar) };
  const result =
    map.mode === 'backward'
      ? scheduleBackward(map.tasks, map.finalDeadline, calendar, { planStart: map.planStart, today })
      : scheduleForward(map.tasks, map.planStart, calendar, { today });
  const byId = new Map(result.schedule?.tasks.map((t) => [t.id, t]));
  const lastDispatch = [...map.dispatches].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const states: Record<string, TaskState> = {};
  for (const task of map.tasks) {
    const scheduled = byId.get(task.id);
    states[task.id] = taskStatus({ ...task, start: scheduled?.start, finish: scheduled?.finish }, today, lastDispatch, calendar);
  }
  const end = result.schedule?.finish && result.schedule.finish > map.finalDeadline ? result.schedule.finish : map.finalDeadline;
  // A plan saved by an older version may name a day that does not exist (2027-02-30): the problems
  // say so, and the 周调度 dates wait until the office corrects the plan's dates.
  const datesExist = parseIsoDate(map.planStart) !== null && parseIsoDate(end) !== null;
  return {
    map,
    schedule: result.schedule,
    problems: result.problems,
    dispatches: datesExist ? dispatchDates(map.planStart, end, map.dispatchWeekday, calendar) : null,
    states,
    calendarNotes: calendarNotes(doc, calendar),
  };
}

export function battleMapHandlers(ctx: HandlerContext): Pick<ApiHandlers, BattleMethods> {
  const view = (): BattleMapView => battleMapView(ctx.doc(), ctx.today());
  const mapOf = (doc: DataDoc): BattleMap => {
    if (!doc.battleMap) throw new ApiError('not-initialized', '还没有作战图，请先“从模板新建作战图”');
    return doc.battleMap;
  };
  const checkDates = (planStart: string, finalDeadline: string): void => {
    if (finalDeadline <= planStart)
      throw new ApiError('invalid-argument', '总截止日期应晚于计划开始日期', { finalDeadline: '应晚于计划开始日期' });
  };

  return {
    'battlemap:get': async () => view(),

    'battlemap:create': async ({ planStart, finalDeadline, mode, dispatchWeekday }) => {
      checkDates(planStart, finalDeadline);
      await ctx.store.update((doc) => {
        if (doc.battleMap) throw new ApiError('conflict', '作战图已存在，不能重复新建；可以直接修改任务或日期');
        const tasks = tasksFromTemplate(defaultBattleTemplate(), (seq) => `T${String(seq).padStart(2, '0')}`);
        doc.battleMap = { mode, planStart, finalDeadline, dispatchWeekday, tasks, dispatches: [] };
        ctx.log(doc, 'battlemap:create', `从模板新建作战图（${tasks.length} 项任务，${planStart} 至 ${finalDeadline}）`);
      });
      return view();
    },

    'battlemap:settings': async (settings) => {
      checkDates(settings.planStart, settings.finalDeadline);
      await ctx.store.update((doc) => {
        const map = mapOf(doc);
        const before = { mode: map.mode, planStart: map.planStart, finalDeadline: map.finalDeadline, dispatchWeekday: map.dispatchWeekday };
        Object.assign(map, settings);
        ctx.log(
          doc,
          'battlemap:settings',
          `修改作战图：${settings.planStart} 至 ${settings.finalDeadline}，${settings.mode === 'backward' ? '倒排工期' : '顺排'}`,
          before,
          settings,
        );
      });
      return view();
    },

    'battlemap:saveTask': async (input) => {
      await ctx.store.update((doc) => {
        const map = mapOf(doc);
        const known = new Set(map.tasks.map((t) => t.id));
        const unknown = input.predecessors.filter((id) => !known.has(id) || id === input.id);
        if (unknown.length > 0)
          throw new ApiError('invalid-argument', '前置任务只能选择作战图中的其他任务', { predecessors: '请重新选择前置任务' });
        const index = input.id ? map.tasks.findIndex((t) => t.id === input.id) : -1;
        if (input.id && index < 0) throw notFound('任务');
        const before = index >= 0 ? map.tasks[index] : undefined;
        // The form sends every field: a missing 时限要求 means the office removed it.
        const task = { ...input, id: input.id ?? ctx.newId('T') };
        if (before) map.tasks[index] = task;
        else map.tasks.push(task);
        ctx.log(doc, 'battlemap:saveTask', `${before ? '修改' : '新增'}作战图任务“${task.name}”`, before, task);
      });
      return view();
    },

    'battlemap:deleteTask': async ({ id }) => {
      await ctx.store.update((doc) => {
        const map = mapOf(doc);
        const task = map.tasks.find((t) => t.id === id);
        if (!task) throw notFound('任务');
        map.tasks = map.tasks.filter((t) => t.id !== id).map((t) => ({ ...t, predecessors: t.predecessors.filter((p) => p !== id) }));
        ctx.log(doc, 'battlemap:deleteTask', `删除作战图任务“${task.name}”`, task);
      });
      return view();
    },

    'battlemap:dispatch': async ({ date, entries }) => {
      await ctx.store.update((doc) => {
        const map = mapOf(doc);
        const known = new Set(map.tasks.map((t) => t.id));
        if (entries.some((e) => !known.has(e.taskId)))
          throw new ApiError('invalid-argument', '调度记录中有不在作战图中的任务，请刷新后重试');
        map.dispatches = [...map.dispatches.filter((d) => d.date !== date), { date, entries }].sort((a, b) => a.date.localeCompare(b.date));
        // The latest recorded 周调度 is the tasks' current progress (the view reads the same one).
        const latest = map.dispatches.at(-1);
        if (latest?.date === date) {
          for (const entry of entries) {
            const task = map.tasks.find((t) => t.id === entry.taskId);
            if (task) {
              task.progress = entry.progress;
              task.status = entry.progress >= 100 ? '已完成' : entry.progress > 0 ? '进行中' : task.status;
            }
          }
        }
        ctx.log(doc, 'battlemap:dispatch', `记录 ${date} 周调度（${entries.length} 项任务）`, undefined, { date, entries });
      });
      return view();
    },

    'battlemap:export': async () => {
      const doc = ctx.doc();
      const current = battleMapView(doc, ctx.today());
      if (!current.map)
        throw new ApiError(
          'invalid-argument',
          '尚未建立作战图，没有可导出的内容：请先在“作战图”页面新建作战图（设定开始日期和最终完成时限）后再导出',
        );
      if (!current.dispatches) {
        const why = current.problems.map((p) => p.message).join('；');
        throw new ApiError('invalid-argument', `作战图的日期有误，无法排出周次：${why}。请先在作战图设置中改正日期后再导出`);
      }
      const workbook = await battleMapWorkbook(current, doc.profile.orgName, ctx.today());
      return { fileName: `作战图-${ctx.today()}.xlsx`, contentBase64: workbook.toString('base64') };
    },
  };
}
