import { z } from 'zod';
import { BattleMapSchema, BattleTaskSchema } from '../battlemap/types';
import { LetterTemplateSchema, ProfileSchema } from '../domain/schemas';
import { VisitRulesSchema } from '../visits/types';

/**
 * What a 下发包 carries besides the region list (docs/domain.md#上报包与下发包): the programme's
 * settings a city sets for its 旗区. The letter's 联系人, 联系电话 and 落款单位 stay each office's
 * own, and so do a task's status and progress: the 旗区 reports those, the city does not send them.
 */
export const DownSettingsSchema = z.object({
  /** 作战图: how it is scheduled and between which days; null while the city has none. */
  battleMap: BattleMapSchema.pick({ mode: true, planStart: true, finalDeadline: true, dispatchWeekday: true }).nullable(),
  tasks: z.array(
    BattleTaskSchema.pick({
      id: true,
      seq: true,
      name: true,
      method: true,
      measures: true,
      unit: true,
      owner: true,
      durationDays: true,
      predecessors: true,
      deadline: true,
    }),
  ),
  letter: LetterTemplateSchema.pick({ title: true, greeting: true, body: true, closing: true, dutiesByLevel: true }),
  checklistByLevel: ProfileSchema.shape.checklistByLevel,
  inspectionItems: ProfileSchema.shape.inspectionItems,
  visitRules: VisitRulesSchema,
  statusDeadlines: ProfileSchema.shape.statusDeadlines,
});
export type DownSettings = z.infer<typeof DownSettingsSchema>;
export type DownTask = DownSettings['tasks'][number];

/** A 下发包 this library took in: from whom, made and taken in when, its checksum. */
export const TakenDownPackageSchema = z.object({
  unit: z.string(),
  operator: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  createdAt: z.string(),
  receivedAt: z.string(),
  sha256: z.string(),
  fileName: z.string(),
});
export type TakenDownPackage = z.infer<typeof TakenDownPackageSchema>;

/**
 * The 下发包 a 旗区's library took in: `base` is the settings of the last one, so the next tells
 * which items this library changed since (kept) and which the city changed (taken).
 */
export const DownwardSchema = z.object({
  base: DownSettingsSchema.nullable(),
  taken: z.array(TakenDownPackageSchema),
});
export type Downward = z.infer<typeof DownwardSchema>;
