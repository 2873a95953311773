import type { ApiHandlers, ApiParsed, ProblemView } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { problemTiming, stepRefusal, takeStep } from '@shared/visits/problems';
import type { ProblemStep, Visit, VisitProblem } from '@shared/visits/types';
import type { DataDoc } from '@shared/storage/types';
import { calendarOf } from './calendar';
import { notFound, type HandlerContext } from './context';
import { inRegion } from './visits';

type ProblemMethods = 'problems:list' | 'problems:step';

/** 问题整改 to 销号 (docs/domain.md#督导的规则): the ledger with each problem's stage and overdue steps, and one step at a time. */
export function problemHandlers(ctx: HandlerContext): Pick<ApiHandlers, ProblemMethods> {
  /** How the ledger shows the problems of a library, as of today. */
  const viewer = (doc: DataDoc): ((visit: Visit, problem: VisitProblem) => ProblemView) => {
    const today = ctx.today();
    const calendar = calendarOf(doc);
    const regions = ctx.lists().regions;
    const entities = new Map(doc.entities.map((e) => [e.id, e]));
    const cadres = new Map(doc.cadres.map((c) => [c.id, c.name]));
    const regulators = new Map(doc.regulators.map((r) => [r.id, r]));
    return (visit, problem) => {
      const entity = entities.get(visit.entityId);
      const regulator = regulators.get(entity?.regulatorId ?? '');
      const foundOn = visit.doneDate ?? visit.plannedDate;
      return {
        visitId: visit.id,
        entityId: visit.entityId,
        entityName: entity?.name ?? '（已删除的主体）',
        regionPath: entity ? regions.path(entity.regionId) : '',
        cadreId: visit.cadreId,
        cadreName: cadres.get(visit.cadreId) ?? '（已删除的干部）',
        foundOn,
        problem,
        regulator: regulator ? { id: regulator.id, name: regulator.name, unit: regulator.unit } : null,
        ...problemTiming(problem, foundOn, today, calendar, doc.profile.visitRules.problemDays),
      };
    };
  };

  return {
    'problems:list': async ({ regionId = '', from = '', to = '', stage, overdue, open = false }) => {
      const doc = ctx.doc();
      const entityIn = inRegion(ctx, regionId);
      const entities = new Map(doc.entities.map((e) => [e.id, e]));
      const view = viewer(doc);
      const rows: ProblemView[] = [];
      for (const visit of doc.visits) {
        if (visit.problems.length === 0) continue;
        const foundOn = visit.doneDate ?? visit.plannedDate;
        if ((from && foundOn < from) || (to && foundOn > to) || (regionId && !entityIn(entities.get(visit.entityId)))) continue;
        for (const problem of visit.problems) {
          const row = view(visit, problem);
          if ((!stage || row.stage === stage) && (!overdue || row.overdue[overdue] !== undefined) && (!open || row.stage !== '已销号'))
            rows.push(row);
        }
      }
      return rows.sort(
        (a, b) =>
          a.problem.deadline.localeCompare(b.problem.deadline) ||
          a.visitId.localeCompare(b.visitId) ||
          a.problem.id.localeCompare(b.problem.id),
      );
    },

    'problems:step': async (input) =>
      ctx.store.update((doc) => {
        const visit = doc.visits.find((v) => v.id === input.visitId);
        const problem = visit?.problems.find((p) => p.id === input.problemId);
        if (!visit || !problem) throw notFound('问题');
        const step = stepOf(doc, visit, input, ctx.today());
        const foundOn = visit.doneDate ?? visit.plannedDate;
        const refusal = stepRefusal(problem, step, foundOn, ctx.today());
        if (refusal) throw new ApiError('invalid-argument', refusal.message, { [refusal.field]: refusal.message });
        takeStep(problem, step);
        const entityName = doc.entities.find((e) => e.id === visit.entityId)?.name ?? '';
        const to = step.to ? `给${step.to}` : '';
        const note = step.note ? `：${step.note}` : '';
        ctx.log(
          doc,
          'problems:step',
          `问题${step.step}${to}（${entityName}：${problem.description}，${step.on}，经办人 ${step.by}）${note}`,
        );
        return viewer(doc)(visit, problem);
      }),
  };
}

/** The step as recorded: by the 操作人 unless named; a 交办 with its addressee worked out. */
function stepOf(doc: DataDoc, visit: Visit, input: ApiParsed<'problems:step'>, today: string): ProblemStep {
  const by = input.by || doc.profile.operatorName;
  const base = { step: input.step, on: input.on ?? today, by, note: input.note };
  if (input.step !== '交办') return base;
  if (input.to && !input.regulatorId) return { ...base, to: input.to, regulatorId: '' };
  const regulatorId = input.regulatorId || (doc.entities.find((e) => e.id === visit.entityId)?.regulatorId ?? '');
  const regulator = doc.regulators.find((r) => r.id === regulatorId);
  if (input.regulatorId && !regulator) throw notFound('网格监管人员');
  if (!regulator) {
    const message = '这个主体没有网格监管人员：请选择交办给哪位网格监管人员，或填写交办的市场监管所';
    throw new ApiError('invalid-argument', message, { to: message });
  }
  return { ...base, to: regulator.unit ? `${regulator.name}（${regulator.unit}）` : regulator.name, regulatorId: regulator.id };
}
