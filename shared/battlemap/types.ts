import { z } from 'zod';
import { IsoDateSchema } from '../domain/dates';
import { textRule, type TextLines } from '../domain/text';

/** 作战图 records (docs/domain.md#作战图与周调度的规则): the tasks, the plan around them and the 周调度 records. */

export const BATTLE_STATUSES = ['未开始', '进行中', '已完成', '逾期'] as const;
export const BattleStatusSchema = z.enum(BATTLE_STATUSES, { error: '状态应为 未开始、进行中、已完成、逾期 之一' });
export type BattleStatus = z.infer<typeof BattleStatusSchema>;

const text = (label: string, max: number, lines: TextLines = 'single') =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .check(textRule(label, lines))
    .default('');

const ProgressSchema = z
  .number()
  .int({ error: '进度应为 0 到 100 的整数' })
  .min(0, { error: '进度应为 0 到 100 的整数' })
  .max(100, { error: '进度应为 0 到 100 的整数' });

export const BattleTaskSchema = z.object({
  id: z.string().min(1),
  /** 序号 as printed on the chart. */
  seq: z.number().int().min(1, { error: '序号应为正整数' }),
  /** 工作任务 */
  name: z.string().trim().min(1, { error: '请填写工作任务' }).max(100, { error: '工作任务不能超过100个字' }).check(textRule('工作任务')),
  /** 实施办法 */
  method: text('实施办法', 1000, 'multi'),
  /** 工作举措 */
  measures: text('工作举措', 1000, 'multi'),
  /** 责任单位 */
  unit: text('责任单位', 200),
  /** 责任人 */
  owner: text('责任人', 100),
  /** Working days, holidays and 调休 counted by the calendar. */
  durationDays: z
    .number()
    .int({ error: '工期应为整数个工作日' })
    .min(1, { error: '工期至少为 1 个工作日' })
    .max(1000, { error: '工期不能超过 1000 个工作日' }),
  /** Ids of the tasks that must finish first. */
  predecessors: z.array(z.string().min(1)).default([]),
  /** This task's own 时限要求, when tighter than the plan gives it. */
  deadline: IsoDateSchema.optional(),
  /** As last recorded; 逾期 is derived by taskStatus, not typed in. */
  status: BattleStatusSchema.default('未开始'),
  progress: ProgressSchema.default(0),
  /** Computed by the last scheduling run. */
  start: IsoDateSchema.optional(),
  finish: IsoDateSchema.optional(),
});
export type BattleTask = z.infer<typeof BattleTaskSchema>;

export const DispatchEntrySchema = z.object({
  taskId: z.string().min(1),
  progress: ProgressSchema,
  note: text('调度情况', 500, 'multi'),
});
export type DispatchEntry = z.infer<typeof DispatchEntrySchema>;

/** One 周调度 meeting: the progress each task reported. */
export const DispatchRecordSchema = z.object({
  date: IsoDateSchema,
  entries: z.array(DispatchEntrySchema).default([]),
});
export type DispatchRecord = z.infer<typeof DispatchRecordSchema>;

export const SCHEDULE_MODES = ['backward', 'forward'] as const;
export type ScheduleMode = (typeof SCHEDULE_MODES)[number];

export const BattleMapSchema = z.object({
  /** 倒排工期 (backward from finalDeadline) or forward from planStart. */
  mode: z.enum(SCHEDULE_MODES).default('backward'),
  planStart: IsoDateSchema,
  finalDeadline: IsoDateSchema,
  /** 周调度 weekday, 1 = Monday … 7 = Sunday. */
  dispatchWeekday: z.number().int().min(1).max(7, { error: '调度日应为周一至周日之一' }).default(5),
  tasks: z.array(BattleTaskSchema).default([]),
  dispatches: z.array(DispatchRecordSchema).default([]),
});
export type BattleMap = z.infer<typeof BattleMapSchema>;
