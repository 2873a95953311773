import { z } from 'zod';
import { IsoDateSchema } from '../domain/dates';
import { textRule } from '../domain/text';
import type { CadreLevel, Grade } from '../domain/schemas';

/** 督导 records and planning rules (docs/domain.md#督导的规则). */

export const CHECK_RESULTS = ['符合', '不符合', '不适用'] as const;
export const CheckResultSchema = z.enum(CHECK_RESULTS, { error: '检查结果应为 符合、不符合、不适用 之一' });
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** One 督导检查要点 item as checked on a visit. */
export const ChecklistResultSchema = z.object({
  item: z.string().trim().min(1, { error: '请填写检查项目' }).max(200, { error: '检查项目不能超过200个字' }).check(textRule('检查项目')),
  result: CheckResultSchema,
});
export type ChecklistResult = z.infer<typeof ChecklistResultSchema>;

/** How a visit was made (docs/domain.md#督导的规则): on site, at a 集中 meeting, or by video. */
export const VISIT_TYPES = ['现场', '集中', '视频'] as const;
export const VisitTypeSchema = z.enum(VISIT_TYPES, { error: '督导方式应为 现场、集中、视频 之一' });
export type VisitType = z.infer<typeof VisitTypeSchema>;

/**
 * One step a problem took after it was found (docs/domain.md#督导的规则 闭环): 交办 to a 网格监管人员 or a
 * 市场监管所, 整改 (what was done), 复核 that passed or 退回 (back to 整改, the note its reason),
 * and 销号. Each dated and by whom.
 */
export const PROBLEM_STEP_KINDS = ['交办', '整改', '复核通过', '退回', '销号'] as const;
export type ProblemStepKind = (typeof PROBLEM_STEP_KINDS)[number];
export const ProblemStepSchema = z.object({
  step: z.enum(PROBLEM_STEP_KINDS),
  on: IsoDateSchema,
  by: z.string().trim().max(20, { error: '经办人姓名不能超过20个字' }).check(textRule('经办人')),
  note: z.string().trim().max(500, { error: '说明不能超过500个字' }).check(textRule('说明', 'multi')).default(''),
  /** 交办: whom to, as printed (姓名（单位）or the 市场监管所). */
  to: z.string().trim().max(140, { error: '交办对象不能超过140个字' }).check(textRule('交办对象')).optional(),
  /** 交办 to a 网格监管人员: their id ('' or absent for a 市场监管所). */
  regulatorId: z.string().optional(),
});
export type ProblemStep = z.infer<typeof ProblemStepSchema>;

/** A problem found on a visit, tracked until 销号 (闭环). */
export const VisitProblemSchema = z.object({
  id: z.string().min(1),
  description: z
    .string()
    .trim()
    .min(1, { error: '请填写问题描述' })
    .max(500, { error: '问题描述不能超过500个字' })
    .check(textRule('问题描述', 'multi')),
  /** 整改期限 */
  deadline: IsoDateSchema,
  /**
   * The day of the 整改 that stands: set by 整改, cleared by 退回. Older libraries have only this
   * (no steps): such a problem reads as 整改 done, awaiting 复核 (shared/visits/problems.ts).
   */
  rectifiedOn: IsoDateSchema.optional(),
  /** The steps after 发现, in order. */
  steps: z.array(ProblemStepSchema).default([]),
});
export type VisitProblem = z.infer<typeof VisitProblemSchema>;

export const VisitSchema = z.object({
  id: z.string().min(1),
  entityId: z.string().min(1),
  cadreId: z.string().min(1),
  plannedDate: IsoDateSchema,
  /** Absent until the visit is made; a done visit is never re-planned. */
  doneDate: IsoDateSchema.optional(),
  /** How it was made, once made; absent on a planned visit and on records from before the field (made on site). */
  type: VisitTypeSchema.optional(),
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

/** The statutory holidays, as the calendar names them: what 节前督导 can be set for. */
export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

/** Extra visits in the working days before a holiday (节假日前), for 主体 of some grades. */
export interface HolidayExtras {
  /** Holiday names as the calendar gives them (春节, 国庆节 …); none = no extra visits. */
  readonly holidays: readonly string[];
  readonly grades: readonly Grade[];
  /** The extra visit falls in this many working days before the holiday's first day. */
  readonly workingDaysBefore: number;
}

export interface VisitRules {
  /** Visits a year per 主体 of each grade; 4 = at least once a quarter. */
  readonly perYearByGrade: Readonly<Record<Grade, number>>;
  /**
   * Visits a year at least, by the level of the cadre who holds the 主体 (0 = only the grade's
   * number): a 主体 gets the larger of the two, as provincial notices set both.
   */
  readonly perYearByLevel: Readonly<Record<CadreLevel, number>>;
  /** Most visits one cadre is planned to make in a week (Monday–Sunday). */
  readonly weeklyCapPerCadre: number;
  /** High-risk grades: their visits must be 现场 (集中 / 视频 are refused). */
  readonly onSiteGrades: readonly Grade[];
  readonly holidayExtras: HolidayExtras;
  /** How soon a problem is 交办 after it is found and 复核 after its 整改, in working days (local rule). */
  readonly problemDays: ProblemDays;
}

export interface ProblemDays {
  readonly assign: number;
  readonly review: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = {
  perYearByGrade: { A: 4, B: 4, C: 4, D: 4 },
  perYearByLevel: { city: 0, county: 0, township: 0, village: 0 },
  weeklyCapPerCadre: 10,
  onSiteGrades: ['A', 'B'],
  holidayExtras: { holidays: [], grades: ['A', 'B'], workingDaysBefore: 10 },
  problemDays: { assign: 3, review: 5 },
};

const ProblemDaysSchema = (step: string) =>
  z
    .number()
    .int({ error: `${step}时限应为整数` })
    .min(1, { error: `${step}时限至少为 1 个工作日` })
    .max(60, { error: `${step}时限不能超过60个工作日` });

const GradeListSchema = z
  .array(z.enum(['A', 'B', 'C', 'D'], { error: '包保等级应为 A、B、C、D 之一' }))
  .transform((grades) => [...new Set(grades)].sort());

export const VisitRulesSchema = z.object({
  perYearByGrade: z
    .object({ A: PerYearSchema, B: PerYearSchema, C: PerYearSchema, D: PerYearSchema })
    .default({ ...DEFAULT_VISIT_RULES.perYearByGrade }),
  perYearByLevel: z
    .object({ city: PerYearSchema, county: PerYearSchema, township: PerYearSchema, village: PerYearSchema })
    .default({ ...DEFAULT_VISIT_RULES.perYearByLevel }),
  weeklyCapPerCadre: z
    .number()
    .int({ error: '每周督导上限应为整数' })
    .min(1, { error: '每周督导上限至少为 1 次' })
    .max(100, { error: '每周督导上限不能超过100次' })
    .default(DEFAULT_VISIT_RULES.weeklyCapPerCadre),
  onSiteGrades: GradeListSchema.default([...DEFAULT_VISIT_RULES.onSiteGrades]),
  holidayExtras: z
    .object({
      holidays: z
        .array(z.string().trim().min(1).max(20, { error: '节日名称不能超过20个字' }))
        .max(20)
        .default([]),
      grades: GradeListSchema.default([...DEFAULT_VISIT_RULES.holidayExtras.grades]),
      workingDaysBefore: z
        .number()
        .int({ error: '节前天数应为整数' })
        .min(1, { error: '节前天数至少为 1 个工作日' })
        .max(30, { error: '节前天数不能超过30个工作日' })
        .default(DEFAULT_VISIT_RULES.holidayExtras.workingDaysBefore),
    })
    .prefault({}),
  problemDays: z
    .object({
      assign: ProblemDaysSchema('交办').default(DEFAULT_VISIT_RULES.problemDays.assign),
      review: ProblemDaysSchema('复核').default(DEFAULT_VISIT_RULES.problemDays.review),
    })
    .prefault({}),
});
