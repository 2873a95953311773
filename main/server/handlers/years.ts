import type { ApiHandlers, ApiMethod, ApiParsed } from '@shared/api/contract';
import type { DataDoc, YearsNeeded } from '@shared/storage/types';
import type { HandlerContext } from './context';

/**
 * Which visits each method uses, so that the years the library was opened without are read first
 * (docs/architecture.md#data-files: the plan year's and this year's are read at open). A method not
 * named here reads every year before it runs: a handler never sees part of the history unless it is
 * listed here as needing only that part. A year's figures count the visits planned or made in it
 * (inPlanYear), so a year asks for those, wherever they are filed.
 */
type Need<M extends ApiMethod> = (input: ApiParsed<M>, doc: DataDoc, today: string) => YearsNeeded;

const NONE: YearsNeeded = {};
const none = (): YearsNeeded => NONE;
const ofYear = (year: number | undefined, doc: DataDoc): { years: number[] } => ({ years: [year ?? doc.profile.planYear] });

/**
 * A change of one visit: the whole year it is filed under (the store reads every year when it has
 * not read the visit at all: it may be filed in any), so that the save writes that year and its head.
 */
const visit = (id: string): YearsNeeded => ({ visits: [id] });

/** The years from one date to another (a focus or a chart's range), or only `year`'s when none is set. */
function yearsOf(from: string | undefined, to: string | undefined, fallback: number): number[] {
  if (!from || !to) return [fallback];
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) years.push(year);
  return years;
}

const NEEDS: { readonly [M in ApiMethod]?: Need<M> } = {
  // What does not use the visits at all.
  'app:info': none,
  'app:createBlank': none,
  'app:loadDemo': none,
  'entities:query': none,
  'entities:get': none,
  'entities:save': none,
  'entities:delete': none,
  'cadres:query': none,
  'cadres:get': none,
  'cadres:save': none,
  'cadres:delete': none,
  'regions:list': none,
  'regions:save': none,
  'regions:delete': none,
  'regulators:list': none,
  'regulators:overview': none,
  'regulators:save': none,
  'regulators:delete': none,
  'regulators:fill': none,
  'profile:get': none,
  'profile:save': none,
  'log:list': none,
  'log:names': none,
  'jobs:current': none,
  'jobs:get': none,
  'jobs:cancel': none,
  // An import takes in 主体, cadres, regulators, regions or 包保关系 (shared/records), never visits.
  'import:preview': none,
  'import:commit': none,
  'import:errorReport': none,
  'import:saveMapping': none,
  'import:progress': none,
  'import:cancel': none,
  'calendar:save': none,
  'calendar:saveNotice': none,
  'calendar:readNotice': none,
  'calendar:removeNotice': none,
  'inspections:list': none,
  'inspections:save': none,
  'inspections:delete': none,
  // The 作战图 (首页概览 reads it at each opening): its tasks and the calendar.
  'battlemap:get': none,
  'battlemap:create': none,
  'battlemap:settings': none,
  'battlemap:saveTask': none,
  'battlemap:deleteTask': none,
  'battlemap:dispatch': none,
  'battlemap:export': none,
  // 包保关系 and its changes: the 主体, 干部 and their 包保 only. The integrity notice beside the
  // violations counts duplicate 督导 ids among the years read (at open: the plan year and this year).
  'assign:violations': none,
  'assign:loads': none,
  'assign:preview': none,
  'assign:apply': none,
  'assign:reassign': none,
  'assign:release': none,
  'assign:replaceCadre': none,
  'entityChanges:list': none,
  'entityChanges:report': none,
  // A list of 主体, 干部, 包保关系… as a workbook: master records only.
  'export:list': none,
  'export:columns': none,
  'export:templates': none,
  'export:saveTemplate': none,
  'export:deleteTemplate': none,
  // A backup copies the files themselves.
  'backup:list': none,
  'backup:create': none,
  'backup:download': none,
  'stats:loads': none,
  // One year's visits (planned or made in it).
  'stats:breakdown': (_input, doc) => ofYear(undefined, doc),
  'stats:cadreQuarters': ({ year }, doc) => ofYear(year, doc),
  'report:preview': ({ year }, doc) => ofYear(year, doc),
  'report:export': ({ year }, doc) => ofYear(year, doc),
  'handbook:view': (_input, doc) => ofYear(undefined, doc),
  'handbook:export': ({ year }, doc) => ofYear(year, doc),
  'handbook:exportAll': ({ year }, doc) => ofYear(year, doc),
  'letters:get': ({ year }, doc) => ofYear(year, doc),
  'package:export': ({ year }, doc) => ofYear(year, doc),
  'visits:plan': ({ year }) => ({ years: [year] }),
  'visits:record': ({ id }) => visit(id),
  'visits:rectify': ({ visitId }) => visit(visitId),
  'problems:step': ({ visitId }) => visit(visitId),
  'visits:list': ({ year, from, to }) => ({ years: yearsOf(from, to, year) }),
  'visits:days': ({ year, from, to }) => ({ years: yearsOf(from, to, year) }),
  // With every problem of any year not yet 销号 (历年未整改, the ledger's stages): the past years'
  // are carried by their files' heads, so those years are not read whole for them.
  'visits:query': ({ year, from, to }) => ({ years: yearsOf(from, to, year), unfinishedProblems: true }),
  'visits:openProblems': () => ({ unfinishedProblems: true }),
  'stats:get': ({ year }, doc) => ({ ...ofYear(year, doc), unfinishedProblems: true }),
  // The 问题整改台账 not yet 销号, at a stage before 销号, or overdue at a step (only such problems are):
  // those problems alone; the whole ledger, or its 已销号, every year.
  'problems:list': ({ stage, overdue, open }) =>
    open === true || (stage !== undefined && stage !== '已销号') || overdue !== undefined ? { unfinishedProblems: true } : 'all',
  // The charts' range (the plan year when none) and this month's figures.
  'stats:weekly': ({ from, to }, doc, today) => ({ years: [...yearsOf(from, to, doc.profile.planYear), Number(today.slice(0, 4))] }),
};

/** The handler table with each method reading the years it needs first (NEEDS; every year when not named). */
export function readingYearsFirst(ctx: HandlerContext, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Partial<Record<ApiMethod, unknown>> = {};
  for (const method of Object.keys(handlers) as ApiMethod[]) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const need = NEEDS[method] as Need<ApiMethod> | undefined;
    wrapped[method] = async (input: unknown) => {
      const doc = ctx.store.read();
      if (doc) await ctx.store.ensureYears(need ? need(input as ApiParsed<ApiMethod>, doc, ctx.today()) : 'all');
      return handler(input);
    };
  }
  return wrapped as ApiHandlers;
}
