import type { WorkCalendar } from '../calendar/calendar';
import { parseIsoDate } from '../calendar/days';
import type { ProblemDays, ProblemStep, ProblemStepKind, VisitProblem } from './types';

/**
 * 问题整改 as offices run it (docs/domain.md#督导的规则): 发现 → 交办 → 整改 → 复核 (通过, or 退回 to 整改) → 销号.
 * Where a problem stands follows from its last step. A problem saved before the steps existed has
 * at most `rectifiedOn`: with it, it reads as 整改 done and awaiting 复核 (nobody recorded a 复核,
 * so it is not taken as closed); without it, as found and awaiting 交办.
 */
export const PROBLEM_STAGES = ['待交办', '待整改', '待复核', '待销号', '已销号'] as const;
export type ProblemStage = (typeof PROBLEM_STAGES)[number];

export function problemStage(problem: VisitProblem): ProblemStage {
  switch (problem.steps.at(-1)?.step) {
    case '销号':
      return '已销号';
    case '复核通过':
      return '待销号';
    case '整改':
      return '待复核';
    case '交办':
    case '退回':
      return '待整改';
    default:
      return problem.rectifiedOn === undefined ? '待交办' : '待复核';
  }
}

/** The steps each stage allows; a problem put right on the spot is recorded as 整改 without a 交办. */
const NEXT_STEPS: Readonly<Record<ProblemStage, readonly ProblemStepKind[]>> = {
  待交办: ['交办', '整改'],
  待整改: ['整改'],
  待复核: ['复核通过', '退回'],
  待销号: ['销号'],
  已销号: [],
};

/** The latest step of a kind, if the problem took one. */
export function lastStep(problem: VisitProblem, kind: ProblemStepKind): ProblemStep | undefined {
  return [...problem.steps].reverse().find((s) => s.step === kind);
}

/**
 * Why a step cannot be taken now, in Chinese (null: it can): out of order, before the visit that
 * found the problem or the step before it, after today, or a 退回 without its reason.
 */
export function stepRefusal(
  problem: VisitProblem,
  step: ProblemStep,
  foundOn: string,
  today: string,
): { readonly field: string; readonly message: string } | null {
  const stage = problemStage(problem);
  if (!NEXT_STEPS[stage].includes(step.step)) {
    const next = NEXT_STEPS[stage];
    const told = next.length === 0 ? '这个问题已销号，不能再办理' : `这个问题现在${stage}，下一步应为${next.join('或')}`;
    return { field: 'step', message: `不能${step.step}：${told}` };
  }
  if (step.on > today) return { field: 'on', message: `${step.step}日期不能晚于今天` };
  if (step.on < foundOn) return { field: 'on', message: `${step.step}日期不能早于发现问题的督导日期（${foundOn}）` };
  const previous = problem.steps.at(-1)?.on ?? problem.rectifiedOn ?? '';
  if (step.on < previous) return { field: 'on', message: `${step.step}日期不能早于上一步的日期（${previous}）` };
  if (step.step === '退回' && !step.note) return { field: 'note', message: '请填写退回的原因，整改人据此重新整改' };
  if (step.step === '交办' && !step.to) return { field: 'to', message: '请选择交办给哪位网格监管人员或哪个市场监管所' };
  return null;
}

/** Records a step (checked with stepRefusal first): 整改 sets the standing rectified day, 退回 clears it. */
export function takeStep(problem: VisitProblem, step: ProblemStep): void {
  problem.steps.push(step);
  if (step.step === '整改') problem.rectifiedOn = step.on;
  if (step.step === '退回') delete problem.rectifiedOn;
}

/** The steps whose time can run out, as the overdue lists name them. */
export const OVERDUE_STEPS = ['交办', '整改', '复核'] as const;
export type OverdueStep = (typeof OVERDUE_STEPS)[number];

export interface ProblemTiming {
  readonly stage: ProblemStage;
  /** 交办 due: N working days after 发现 (null once 交办 or past it). */
  readonly assignDue: string | null;
  /** 复核 due: N working days after the standing 整改 (null unless awaiting 复核). */
  readonly reviewDue: string | null;
  /**
   * Days past the 整改期限: until today while not rectified, until the rectified day after (so the
   * ledger still says a late 整改 was late).
   */
  readonly rectifyDaysLate: number;
  /** The steps overdue today, each with how late: working days for 交办 and 复核, days for 整改. */
  readonly overdue: Readonly<Partial<Record<OverdueStep, number>>>;
}

/** Where a problem found on `foundOn` stands today, and which of its steps are overdue. */
export function problemTiming(
  problem: VisitProblem,
  foundOn: string,
  today: string,
  calendar: WorkCalendar,
  days: ProblemDays,
): ProblemTiming {
  const stage = problemStage(problem);
  const overdue: Partial<Record<OverdueStep, number>> = {};
  // A day stored by an older version may not exist (2027-02-30): no lateness is counted from it.
  const valid = (date: string): boolean => parseIsoDate(date) !== null;
  const assignDue = stage === '待交办' && valid(foundOn) ? calendar.addWorkingDays(foundOn, days.assign) : null;
  if (assignDue !== null && today > assignDue) overdue.交办 = calendar.workingDayDiff(assignDue, today);
  const rectifiedOn = stage === '待交办' || stage === '待整改' ? undefined : problem.rectifiedOn;
  const end = parseIsoDate(rectifiedOn ?? today);
  const deadline = parseIsoDate(problem.deadline);
  const rectifyDaysLate = end === null || deadline === null ? 0 : Math.max(0, end - deadline);
  if ((stage === '待交办' || stage === '待整改') && rectifyDaysLate > 0) overdue.整改 = rectifyDaysLate;
  const reviewDue =
    stage === '待复核' && rectifiedOn !== undefined && valid(rectifiedOn) ? calendar.addWorkingDays(rectifiedOn, days.review) : null;
  if (reviewDue !== null && today > reviewDue) overdue.复核 = calendar.workingDayDiff(reviewDue, today);
  return { stage, assignDue, reviewDue, rectifyDaysLate, overdue };
}

/** “交办逾期 2 个工作日；整改逾期 5 天” — what is late today, '' when nothing is. */
export function overdueText(overdue: ProblemTiming['overdue']): string {
  return OVERDUE_STEPS.filter((step) => overdue[step] !== undefined)
    .map((step) => `${step}逾期 ${overdue[step]} ${step === '整改' ? '天' : '个工作日'}`)
    .join('；');
}
