import { z } from 'zod';
import { IsoDateSchema } from '../../domain/schemas';
import { textRule } from '../../domain/text';
import { PROBLEM_STEP_KINDS, type VisitProblem } from '../../visits/types';
import { OVERDUE_STEPS, PROBLEM_STAGES, type ProblemTiming } from '../../visits/problems';

/** A problem in the 问题整改台账: where it was found, where it stands and what is overdue. */
export interface ProblemView extends ProblemTiming {
  readonly visitId: string;
  readonly entityId: string;
  readonly entityName: string;
  readonly regionPath: string;
  readonly cadreId: string;
  readonly cadreName: string;
  readonly foundOn: string;
  readonly problem: VisitProblem;
  /** The 主体's 网格监管人员, whom a 交办 goes to unless another is chosen; null when it has none. */
  readonly regulator: { readonly id: string; readonly name: string; readonly unit: string } | null;
}

/** The `problems:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const problemsSchemas = {
  /**
   * The 问题整改台账: every problem of every year (optionally of 主体 in a region, found in a date
   * range), at one stage or overdue at one step, earliest 整改期限 first.
   */
  'problems:list': z
    .object({
      regionId: z.string().optional(),
      from: z.union([z.literal(''), IsoDateSchema]).optional(),
      to: z.union([z.literal(''), IsoDateSchema]).optional(),
      stage: z.enum(PROBLEM_STAGES, { error: '环节应为 待交办、待整改、待复核、待销号、已销号 之一' }).optional(),
      overdue: z.enum(OVERDUE_STEPS, { error: '逾期环节应为 交办、整改、复核 之一' }).optional(),
      /** Only problems not yet 销号 (the ledger until 已销号 is chosen): past years are then not read whole. */
      open: z.boolean().optional(),
    })
    .strict()
    .default({}),
  /**
   * Moves a problem one step (发现 → 交办 → 整改 → 复核通过 / 退回 → 销号), dated (today unless `on`)
   * and by whom (the 操作人 of 设置 unless `by`). 交办 goes to `regulatorId`, or to `to` (a 市场监管所), or else to
   * the 主体's 网格监管人员; 退回 needs its reason in `note`.
   */
  'problems:step': z
    .object({
      visitId: z.string().min(1),
      problemId: z.string().min(1),
      step: z.enum(PROBLEM_STEP_KINDS, { error: '办理步骤应为 交办、整改、复核通过、退回、销号 之一' }),
      /** Today unless given. */
      on: IsoDateSchema.optional(),
      by: z.string().trim().max(20, { error: '经办人姓名不能超过20个字' }).check(textRule('经办人')).optional(),
      note: z.string().trim().max(500, { error: '说明不能超过500个字' }).check(textRule('说明', 'multi')).default(''),
      regulatorId: z.string().optional(),
      to: z.string().trim().max(100, { error: '交办对象不能超过100个字' }).check(textRule('交办对象')).optional(),
    })
    .strict(),
} as const;

export interface ProblemsResults {
  'problems:list': readonly ProblemView[];
  'problems:step': ProblemView;
}
