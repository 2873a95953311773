import type { ApiHandlers } from '@shared/api/contract';
import { JobRunner } from '../jobs';
import { appHandlers } from './app';
import { assignmentHandlers } from './assign';
import { backupHandlers } from './backup';
import { battleMapHandlers } from './battlemap';
import { calendarHandlers } from './calendar';
import { cadreHandlers } from './cadres';
import { HandlerContext, type HandlerDeps } from './context';
import { entityHandlers } from './entities';
import { handbookHandlers } from './handbook';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { inspectionHandlers } from './inspections';
import { jobHandlers } from './jobs';
import { letterHandlers } from './letters';
import { packageHandlers } from './package';
import { profileHandlers } from './profile';
import { logHandlers } from './log';
import { regionHandlers } from './regions';
import { regulatorHandlers } from './regulators';
import { statsHandlers } from './stats';
import { reportHandlers } from './report';
import { visitHandlers } from './visits';
import { problemHandlers } from './problems';
import { yearHandlers } from './year';
import { entityChangeHandlers } from './entity-changes';
import { readingYearsFirst } from './years';

/** The one handler table behind IPC, the web harness and the CLI. */
export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const ctx = new HandlerContext(deps);
  const app = appHandlers(ctx);
  const entities = entityHandlers(ctx);
  const cadres = cadreHandlers(ctx);
  const log = logHandlers(ctx);
  const calendar = calendarHandlers(ctx);
  const profile = profileHandlers(ctx);
  const regulators = regulatorHandlers(ctx);
  const regions = regionHandlers(ctx);
  const stats = statsHandlers(ctx);
  const imports = importHandlers(ctx);
  const exports = exportHandlers(ctx);
  const assignments = assignmentHandlers(ctx);
  const backups = backupHandlers(ctx);
  const reports = reportHandlers(ctx);
  const battleMap = battleMapHandlers(ctx);
  const visits = visitHandlers(ctx);
  const inspections = inspectionHandlers(ctx);
  const problems = problemHandlers(ctx);
  const year = yearHandlers(ctx);
  const entityChanges = entityChangeHandlers(ctx);
  // One runner per process: one heavy background job at a time, whoever asks.
  const runner = new JobRunner();
  const handbooks = handbookHandlers(ctx, runner);
  const jobs = jobHandlers(runner);
  const letters = letterHandlers(ctx);
  const packages = packageHandlers(ctx);
  const seen = new Set<string>();
  for (const name of [
    app,
    entities,
    cadres,
    log,
    regions,
    regulators,
    stats,
    imports,
    exports,
    assignments,
    backups,
    reports,
    battleMap,
    calendar,
    profile,
    visits,
    problems,
    inspections,
    handbooks,
    letters,
    packages,
    year,
    entityChanges,
    jobs,
  ].flatMap(Object.keys)) {
    if (seen.has(name)) throw new Error(`API method ${name} is registered twice`);
    seen.add(name);
  }
  // Spelled out so the compiler checks that every method of the contract has a handler.
  return readingYearsFirst(ctx, {
    ...app,
    ...entities,
    ...cadres,
    ...log,
    ...regions,
    ...regulators,
    ...stats,
    ...imports,
    ...exports,
    ...assignments,
    ...backups,
    ...reports,
    ...battleMap,
    ...calendar,
    ...profile,
    ...visits,
    ...problems,
    ...inspections,
    ...handbooks,
    ...letters,
    ...packages,
    ...year,
    ...entityChanges,
    ...jobs,
  });
}
