/**
 * The one API contract: method name → input schema and result type, one file per method prefix in
 * contract/ (answered by the handler file of the same name in main/server/handlers/). The IPC
 * handlers, the web harness and the CLI all dispatch through it, and every input is parsed with its
 * schema before a handler runs.
 */
import type { z } from 'zod';
import { appSchemas, type AppResults } from './contract/app';
import { regionsSchemas, type RegionsResults } from './contract/regions';
import { entitiesSchemas, type EntitiesResults } from './contract/entities';
import { cadresSchemas, type CadresResults } from './contract/cadres';
import { regulatorsSchemas, type RegulatorsResults } from './contract/regulators';
import { statsSchemas, type StatsResults } from './contract/stats';
import { entityChangesSchemas, type EntityChangesResults } from './contract/entity-changes';
import { logSchemas, type LogResults } from './contract/log';
import { importSchemas, type ImportResults } from './contract/import';
import { exportSchemas, type ExportResults } from './contract/export';
import { backupSchemas, type BackupResults } from './contract/backup';
import { reportSchemas, type ReportResults } from './contract/report';
import { battlemapSchemas, type BattlemapResults } from './contract/battlemap';
import { calendarSchemas, type CalendarResults } from './contract/calendar';
import { yearSchemas, type YearResults } from './contract/year';
import { visitsSchemas, type VisitsResults } from './contract/visits';
import { inspectionsSchemas, type InspectionsResults } from './contract/inspections';
import { problemsSchemas, type ProblemsResults } from './contract/problems';
import { handbookSchemas, type HandbookResults } from './contract/handbook';
import { jobsSchemas, type JobsResults } from './contract/jobs';
import { lettersSchemas, type LettersResults } from './contract/letters';
import { profileSchemas, type ProfileResults } from './contract/profile';
import { assignSchemas, type AssignResults } from './contract/assign';
import { packageSchemas, type PackageResults } from './contract/package';

export * from './result';

export * from './contract/common';
export * from './contract/app';
export * from './contract/regions';
export * from './contract/entities';
export * from './contract/cadres';
export * from './contract/regulators';
export * from './contract/stats';
export * from './contract/entity-changes';
export * from './contract/log';
export * from './contract/import';
export * from './contract/export';
export * from './contract/backup';
export * from './contract/report';
export * from './contract/battlemap';
export * from './contract/calendar';
export * from './contract/year';
export * from './contract/visits';
export * from './contract/inspections';
export * from './contract/problems';
export * from './contract/handbook';
export * from './contract/jobs';
export * from './contract/letters';
export * from './contract/profile';
export * from './contract/assign';
export * from './contract/package';

export const apiSchemas = {
  ...appSchemas,
  ...regionsSchemas,
  ...entitiesSchemas,
  ...cadresSchemas,
  ...regulatorsSchemas,
  ...statsSchemas,
  ...entityChangesSchemas,
  ...logSchemas,
  ...importSchemas,
  ...exportSchemas,
  ...backupSchemas,
  ...reportSchemas,
  ...battlemapSchemas,
  ...calendarSchemas,
  ...yearSchemas,
  ...visitsSchemas,
  ...inspectionsSchemas,
  ...problemsSchemas,
  ...handbookSchemas,
  ...jobsSchemas,
  ...lettersSchemas,
  ...profileSchemas,
  ...assignSchemas,
  ...packageSchemas,
} as const;

export type ApiSchemas = typeof apiSchemas;
export type ApiMethod = keyof ApiSchemas;

export type ApiResults = AppResults &
  RegionsResults &
  EntitiesResults &
  CadresResults &
  RegulatorsResults &
  StatsResults &
  EntityChangesResults &
  LogResults &
  ImportResults &
  ExportResults &
  BackupResults &
  ReportResults &
  BattlemapResults &
  CalendarResults &
  YearResults &
  VisitsResults &
  InspectionsResults &
  ProblemsResults &
  HandbookResults &
  JobsResults &
  LettersResults &
  ProfileResults &
  AssignResults &
  PackageResults;

export type ApiInput<M extends ApiMethod> = z.input<ApiSchemas[M]>;
export type ApiParsed<M extends ApiMethod> = z.output<ApiSchemas[M]>;

/** What the services implement: parsed input in, plain result out (errors are thrown ApiErrors). */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsed<M>) => Promise<ApiResults[M]> };

/** What the renderer calls, whatever the transport. */
export type ApiClient = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
