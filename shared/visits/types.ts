import { z } from 'zod';
import { IsoDateSchema } from '../domain/dates';
import { textRule } from '../domain/text';
import type { Grade } from '../domain/schemas';

/** 督导 records and planning rules (SPEC §3.7). */

export const CHECK_RESULTS = ['符合', '不符合', '不适用'] as const;
export const CheckResultSchema = z.enum(CHECK_RESULTS, { error: '检查结果应为 符合、不符合、不适用 之一' });
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** One 督查清单 item as checked on a visit. */
export const ChecklistResultSchema = z.object({
  item: z.string().trim().min(1, { error: '请填写检查项目' }).max(200, { error: '检查项目不能超过200个字' }).check(textRule('检查项目')),
  result: CheckResultSchema,
});
export type ChecklistResult = z.infer<typeof ChecklistResultSchema>;

/** A problem found on a visit, tracked until rectified (闭环). */
export const VisitProblemSchema = z.object({
  id: z.string().min(1),
  description: z.string().trim().min(1, { error: '请填写问题描述' }).max(500, { error: '问题描述不能超过500个字' }).check(textRule('问题描述', 'multi')),
  /** 整改期限 */
  deadline: IsoDateSchema,
  /** The day it was found rectified; absent while open. */
  rectifiedOn: IsoDateSchema.optional(),
});
export type VisitProblem = z.infer<typeof VisitProblemSchema>;

export const VisitSchema = z.object({
  id: z.string().min(1),
  entityId: z.string().min(1),
  cadreId: z.string().min(1),
  plannedDate: IsoDateSchema,
  /** Absent until the visit is made; a done visit is never re-planned. */
  doneDate: IsoDateSchema.optional(),
  checklist: z.array(ChecklistResultSchema).default([]),
  problems: z.array(VisitProblemSchema).default([]),
  notes: z.string().trim().max(500, { error: '备注不能超过500个字' }).check(textRule('备注', 'multi')).default(''),
});
export type Visit = z.infer<typeof VisitSchema>;

const PerYearSchema = z
  .number()
  .int({ error: '每年督导次数应为整数' })
  .min(0, { error: '每年督导次数不能为负数' })
  .max(52, { error: '每年督导次数不能超过52次' });

export interface VisitRules {
  /** Visits a year per 主体 of each grade; 4 = at least once a quarter. */
  readonly perYearByGrade: Readonly<Record<Grade, number>>;
  /** Most visits one cadre is planned to make in a week (Monday–Sunday). */
  readonly weeklyCapPerCadre: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = { perYearByGrade: { A: 4, B: 4, C: 4, D: 4 }, weeklyCapPerCadre: 10 };

export const VisitRulesSchema = z.object({
  perYearByGrade: z
    .object({ A: PerYearSchema, B: PerYearSchema, C: PerYearSchema, D: PerYearSchema })
    .default({ ...DEFAULT_VISIT_RULES.perYearByGrade }),
  weeklyCapPerCadre: z
    .number()
    .int({ error: '每周督导上限应为整数' })
    .min(1, { error: '每周督导上限至少为 1 次' })
    .max(100, { error: '每周督导上限不能超过100次' })
    .default(DEFAULT_VISIT_RULES.weeklyCapPerCadre),
});
