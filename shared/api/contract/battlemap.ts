import { z } from 'zod';
import { IsoDateSchema } from '../../domain/schemas';
import { BattleTaskSchema, DispatchEntrySchema, type BattleMap } from '../../battlemap/types';
import type { Schedule, ScheduleProblem } from '../../battlemap/schedule';
import type { DispatchPlan, TaskState } from '../../battlemap/dispatch';
import { ById, type FileContent, NoInput } from './common';

export interface BattleMapView {
  /** null until the office creates its 作战图. */
  readonly map: BattleMap | null;
  /** The schedule as computed now over the working-day calendar; null when the task graph is broken. */
  readonly schedule: Schedule | null;
  readonly problems: readonly ScheduleProblem[];
  /** 周调度 dates from the plan start to the final deadline. */
  readonly dispatches: DispatchPlan | null;
  /** Per task: derived status, progress from the last 周调度, at risk and why. */
  readonly states: Readonly<Record<string, TaskState>>;
  /** Calendar notes, e.g. a year whose official holiday notice is not built in yet. */
  readonly calendarNotes: readonly string[];
}

/** The `battlemap:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const battlemapSchemas = {
  /** The 作战图 with its schedule recomputed over the working-day calendar, statuses and 周调度 dates. */
  'battlemap:get': NoInput,
  /** Starts the 作战图 from the shipped template (docs/domain.md#作战图与周调度的规则). Error `conflict` when one exists. */
  'battlemap:create': z
    .object({
      planStart: IsoDateSchema,
      finalDeadline: IsoDateSchema,
      mode: z.enum(['backward', 'forward']).default('backward'),
      dispatchWeekday: z.number().int().min(1).max(7).default(5),
    })
    .strict(),
  /** Changes the plan's dates, scheduling mode or 周调度 weekday. */
  'battlemap:settings': z
    .object({
      planStart: IsoDateSchema,
      finalDeadline: IsoDateSchema,
      mode: z.enum(['backward', 'forward']),
      dispatchWeekday: z.number().int().min(1).max(7),
    })
    .strict(),
  /** Adds (no id) or changes a task. */
  'battlemap:saveTask': BattleTaskSchema.omit({ id: true, start: true, finish: true }).extend({ id: z.string().min(1).optional() }),
  /** Removes a task and every reference to it as a predecessor. */
  'battlemap:deleteTask': ById,
  /** Records (or replaces) the 周调度 of a date: each task's progress and a note. */
  'battlemap:dispatch': z
    .object({ date: IsoDateSchema, entries: z.array(DispatchEntrySchema).min(1, { error: '请至少填写一项任务的进展' }) })
    .strict(),
  /** The 作战图 as an A3 landscape workbook, with the 周调度进展表 as a second sheet. */
  'battlemap:export': NoInput,
} as const;

export interface BattlemapResults {
  'battlemap:get': BattleMapView;
  'battlemap:create': BattleMapView;
  'battlemap:settings': BattleMapView;
  'battlemap:saveTask': BattleMapView;
  'battlemap:deleteTask': BattleMapView;
  'battlemap:dispatch': BattleMapView;
  'battlemap:export': FileContent;
}
