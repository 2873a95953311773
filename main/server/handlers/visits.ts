import type { ApiHandlers, ApiParsed, ApiResults, VisitRow, VisitStatus } from '@shared/api/contract';
import type { DataDoc } from '@shared/storage/types';
import { ApiError } from '@shared/api/result';
import { listWindow } from '@shared/query/lists';
import { openProblems, type OpenProblem } from '@shared/visits/records';
import { stepRefusal, takeStep } from '@shared/visits/problems';
import { planVisits } from '@shared/visits/plan';
import type { Entity } from '@shared/domain/schemas';
import type { Visit } from '@shared/visits/types';
import { calendarOf } from './calendar';
import { notFound, type HandlerContext } from './context';

type VisitMethods =
  'visits:plan' | 'visits:list' | 'visits:query' | 'visits:days' | 'visits:record' | 'visits:rectify' | 'visits:openProblems';

/**
 * The visits of a year (or, both dates set, planned or made in those days), of a region, cadre
 * and 主体 as asked, in date order (made, else planned).
 */
function scopedVisits(
  ctx: HandlerContext,
  doc: DataDoc,
  { year, cadreId, entityId, regionId = '', from = '', to = '' }: ApiParsed<'visits:list'>,
): Visit[] {
  // Only a region needs the 主体 (where each is); a whole year is read without them.
  const entities = regionId ? new Map(doc.entities.map((e) => [e.id, e])) : null;
  const prefix = `${year}-`;
  const inDays = (date: string | undefined): boolean => date !== undefined && date >= from && date <= to;
  const when =
    from && to
      ? (v: Visit) => inDays(v.plannedDate) || inDays(v.doneDate)
      : (v: Visit) => v.plannedDate.startsWith(prefix) || (v.doneDate ?? '').startsWith(prefix);
  const entityIn = inRegion(ctx, regionId);
  const dated = (v: Visit): string => v.doneDate ?? v.plannedDate;
  return (
    doc.visits
      .filter(
        (v) =>
          when(v) &&
          (!cadreId || v.cadreId === cadreId) &&
          (!entityId || v.entityId === entityId) &&
          (!entities || entityIn(entities.get(v.entityId))),
      )
      // ISO dates order as plain strings; a stable sort keeps the library's order within a day.
      .sort((a, b) => (dated(a) < dated(b) ? -1 : dated(a) > dated(b) ? 1 : 0))
  );
}

/** What a year's (or a focus's) visits are cached under for the current data version: each window of the list asks again. */
function scopeKey({
  year,
  regionId = '',
  from = '',
  to = '',
}: Pick<ApiParsed<'visits:list'>, 'year' | 'regionId' | 'from' | 'to'>): string {
  return `${year}|${regionId}|${from}|${to}`;
}

/** The visits of one cadre and one 主体 (either optional) at a status (overdue: not made and its planned day before today). */
function narrowVisits(
  visits: readonly Visit[],
  { cadreId, entityId }: { readonly cadreId: string; readonly entityId: string },
  status: VisitStatus,
  today: string,
): Visit[] {
  const atStatus = (v: Visit): boolean =>
    status === 'open'
      ? v.doneDate === undefined
      : status === 'done'
        ? v.doneDate !== undefined
        : status === 'overdue'
          ? v.doneDate === undefined && v.plannedDate < today
          : true;
  return visits.filter((v) => (!cadreId || v.cadreId === cadreId) && (!entityId || v.entityId === entityId) && atStatus(v));
}

/** A visit as the lists show it, with its 主体, region and cadre by name. */
function visitRow(ctx: HandlerContext, doc: DataDoc): (visit: Visit) => VisitRow {
  const regions = ctx.regions();
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const cadres = new Map(doc.cadres.map((c) => [c.id, c]));
  return (v) => {
    const entity = entities.get(v.entityId);
    return {
      id: v.id,
      entityId: v.entityId,
      entityName: entity?.name ?? '（已删除的主体）',
      grade: entity?.grade ?? '',
      regionPath: entity ? regions.path(entity.regionId) : '',
      cadreId: v.cadreId,
      cadreName: cadres.get(v.cadreId)?.name ?? '（已删除的干部）',
      cadreLevel: cadres.get(v.cadreId)?.level ?? '',
      plannedDate: v.plannedDate,
      doneDate: v.doneDate ?? '',
      type: v.doneDate === undefined ? '' : (v.type ?? '现场'),
      problems: v.problems.length,
      openProblems: v.problems.filter((p) => p.rectifiedOn === undefined).length,
    };
  };
}

/** Every problem not yet rectified (of any year), of 主体 in a region, found in a date range ('' = unbounded). */
function openProblemsIn(
  ctx: HandlerContext,
  doc: DataDoc,
  { regionId = '', from = '', to = '' }: { readonly regionId?: string; readonly from?: string; readonly to?: string },
): OpenProblem[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const entityIn = inRegion(ctx, regionId);
  return openProblems(doc.visits, ctx.today()).filter(
    (p) => (!from || p.foundOn >= from) && (!to || p.foundOn <= to) && (!regionId || entityIn(entities.get(p.entityId))),
  );
}

export function visitHandlers(ctx: HandlerContext): Pick<ApiHandlers, VisitMethods> {
  return {
    'visits:plan': async ({ year, fromToday = false }) => {
      const today = ctx.today();
      if (fromToday && year < Number(today.slice(0, 4))) {
        throw new ApiError('invalid-argument', `${year} 年已经过去，不能从今天起排；请选择今年或下一年`, { year: '已经过去' });
      }
      // 从今天起排: the plan starts today; visits before today (made or not) stay as they are.
      const from = fromToday ? today : '';
      // Replaces the year's planned visits at once: a backup first, as before an import.
      await ctx.backup('plan');
      return ctx.store.update((doc) => {
        refuseClosedYear(doc, year);
        return replacePlan(ctx, doc, year, from);
      });
    },

    'visits:list': async (scope) => {
      const doc = ctx.doc();
      return scopedVisits(ctx, doc, scope).map(visitRow(ctx, doc));
    },

    'visits:query': async ({ status, plannedDate, offset, limit, ...scope }) => {
      const doc = ctx.doc();
      const today = ctx.today();
      // The figures are the year's (or the focus's) whole: cadre, 主体 and status narrow only the list.
      const { whole, figures } = ctx.memo(`visits:query|${scopeKey(scope)}|${today}`, () => {
        const inScope = scopedVisits(ctx, doc, { ...scope, cadreId: '', entityId: '' });
        let done = 0;
        let overdue = 0;
        for (const visit of inScope) {
          if (visit.doneDate !== undefined) done++;
          else if (visit.plannedDate < today) overdue++;
        }
        const problems = openProblemsIn(ctx, doc, scope);
        const overdueProblems = problems.filter((p) => p.overdue).length;
        return { whole: inScope, figures: { planned: inScope.length, done, overdue, openProblems: problems.length, overdueProblems } };
      });
      const listed = narrowVisits(whole, scope, status, today).filter((v) => !plannedDate || v.plannedDate === plannedDate);
      const row = ctx.memo('visits:row', () => visitRow(ctx, doc));
      return { total: listed.length, rows: listWindow(listed, { offset, limit }).map(row), figures };
    },

    'visits:days': async ({ status, ...scope }) => {
      const doc = ctx.doc();
      const whole = ctx.memo(`visits:days|${scopeKey(scope)}`, () => scopedVisits(ctx, doc, { ...scope, cadreId: '', entityId: '' }));
      const days = new Map<string, { total: number; done: number }>();
      for (const visit of narrowVisits(whole, scope, status, ctx.today())) {
        let day = days.get(visit.plannedDate);
        if (!day) days.set(visit.plannedDate, (day = { total: 0, done: 0 }));
        day.total++;
        if (visit.doneDate !== undefined) day.done++;
      }
      return [...days].map(([date, day]) => ({ date, ...day })).sort((a, b) => (a.date < b.date ? -1 : 1));
    },

    'visits:record': async ({ id, doneDate, type = '现场', checklist, problems, notes }) =>
      ctx.store.update((doc) => {
        const visit = doc.visits.find((v) => v.id === id);
        if (!visit) throw notFound('督导记录');
        refuseClosedYear(doc, Number((visit.doneDate ?? visit.plannedDate).slice(0, 4)));
        refuseClosedYear(doc, Number(doneDate.slice(0, 4)));
        if (doneDate > ctx.today()) throw new ApiError('invalid-argument', '督导日期不能晚于今天', { doneDate: '不能晚于今天' });
        // Refused rather than kept as not counting: the clerk learns it at once and records the 现场 visit instead.
        const grade = doc.entities.find((e) => e.id === visit.entityId)?.grade;
        if (type !== '现场' && grade && doc.profile.visitRules.onSiteGrades.includes(grade)) {
          throw new ApiError(
            'invalid-argument',
            `${grade}级主体属高风险等级，督导须为现场督导，${type}督导不算完成：请到现场督导后再记录`,
            { type: `${grade}级主体须现场督导` },
          );
        }
        const before = structuredClone(visit);
        visit.doneDate = doneDate;
        visit.type = type;
        visit.checklist = checklist;
        // An edited record keeps what it knew: a problem already rectified stays rectified unless the edit says otherwise,
        // and keeps the steps it took (交办, 整改, 复核 …).
        const stored = new Map(visit.problems.map((p) => [p.id, p]));
        visit.problems = problems.map((p) => {
          const before = p.id === undefined ? undefined : stored.get(p.id);
          const rectifiedOn = p.rectifiedOn ?? before?.rectifiedOn;
          return { ...p, id: p.id ?? ctx.newId('Q'), ...(rectifiedOn === undefined ? {} : { rectifiedOn }), steps: before?.steps ?? [] };
        });
        visit.notes = notes;
        ctx.log(
          doc,
          'visits:record',
          `记录督导：${doc.entities.find((e) => e.id === visit.entityId)?.name ?? ''}（${doneDate}，问题 ${problems.length} 个）`,
          before,
          visit,
        );
        return visit;
      }),

    'visits:rectify': async ({ visitId, problemId, rectifiedOn }) =>
      ctx.store.update((doc) => {
        const visit = doc.visits.find((v) => v.id === visitId);
        const problem = visit?.problems.find((p) => p.id === problemId);
        if (!visit || !problem) throw notFound('问题');
        // The 整改 step of the 闭环, by the 操作人 (problems:step takes a note and a name too).
        const step = { step: '整改' as const, on: rectifiedOn, by: doc.profile.operatorName, note: '' };
        const refusal = stepRefusal(problem, step, visit.doneDate ?? visit.plannedDate, ctx.today());
        if (refusal) throw new ApiError('invalid-argument', refusal.message, { rectifiedOn: refusal.message });
        takeStep(problem, step);
        ctx.log(doc, 'visits:rectify', `问题整改完成：${problem.description}（${rectifiedOn}）`);
        return visit;
      }),

    'visits:openProblems': async (scope) => {
      const doc = ctx.doc();
      const entities = new Map(doc.entities.map((e) => [e.id, e]));
      const cadres = new Map(doc.cadres.map((c) => [c.id, c.name]));
      return openProblemsIn(ctx, doc, scope).map((p) => ({
        ...p,
        entityName: entities.get(p.entityId)?.name ?? '',
        cadreName: cadres.get(p.cadreId) ?? '',
      }));
    },
  };
}

/**
 * The year's 督导 plan put into the library: done visits stay, and every visit not yet made in the
 * year (from `from` on when 从今天起排, '' = the whole year) is replaced by the new plan.
 */
export function replacePlan(ctx: HandlerContext, doc: DataDoc, year: number, from: string): ApiResults['visits:plan'] {
  const inYear = (v: Visit): boolean => v.plannedDate.startsWith(`${year}-`) || (v.doneDate ?? '').startsWith(`${year}-`);
  const existing = doc.visits.filter(inYear);
  const plan = planVisits({
    year,
    assignments: doc.assignments.filter((a) => a.end === ''),
    entities: doc.entities,
    cadres: doc.cadres,
    calendar: calendarOf(doc),
    rules: doc.profile.visitRules,
    existing,
    ...(from ? { from } : {}),
  });
  const kept = doc.visits.filter((v) => !inYear(v) || v.doneDate !== undefined || v.plannedDate < from);
  const planned: Visit[] = plan.visits.map((d) => ({
    id: ctx.newId('V'),
    entityId: d.entityId,
    cadreId: d.cadreId,
    plannedDate: d.plannedDate,
    checklist: [],
    problems: [],
    notes: '',
  }));
  doc.visits = [...kept, ...planned];
  const keptDone = existing.filter((v) => v.doneDate !== undefined).length;
  ctx.log(
    doc,
    'visits:plan',
    `生成 ${year} 年督导计划${from ? `（从 ${from} 起排）` : ''}：计划 ${planned.length} 次，保留已完成 ${keptDone} 次`,
  );
  return { planned: planned.length, keptDone, overCapWeeks: plan.overCap.length, notes: plan.notes };
}

/** A year closed by 年度切换 is read-only: its visits are neither planned again nor edited (its reports still work). */
export function refuseClosedYear(doc: DataDoc, year: number): void {
  if (doc.profile.closedYears.includes(year)) {
    throw new ApiError('conflict', `${year} 年度已在年度切换时关闭，该年的督导计划和记录只能查看、导出报表，不能再修改`);
  }
}

/** Whether a 主体 lies in a region or below it (by id, as the statistics scope it); a deleted one never does. */
export function inRegion(ctx: HandlerContext, regionId: string): (entity: Entity | undefined) => boolean {
  const regions = ctx.regions();
  if (regionId && !regions.get(regionId)) throw notFound('区划');
  return (entity) => entity !== undefined && regions.contains(regionId, entity.regionId);
}
