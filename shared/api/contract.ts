import { z } from 'zod';
import {
  CadreInputSchema,
  CadreLevelSchema,
  EntityInputSchema,
  EntityStatusSchema,
  EntityTypeSchema,
  GradeSchema,
  type Assignment,
  type Cadre,
  type Entity,
  type LogEntry,
  type Region,
  type Regulator,
} from '../domain/schemas';
import type { Stats } from '../stats/stats';

export * from './result';

const NoInput = z.object({}).strict().default({});
const ById = z.object({ id: z.string().min(1, { error: '缺少记录编号' }) }).strict();

export const DEMO_SCALES = ['district', 'city', 'province'] as const;
export const DemoScaleSchema = z.enum(DEMO_SCALES, { error: '示例规模应为 district、city 或 province' });
export type DemoScale = z.infer<typeof DemoScaleSchema>;

export const EntityQuerySchema = z
  .object({
    /** Name, pinyin initials, USCC, licence number or phone. */
    text: z.string().max(100).default(''),
    /** A region and everything below it. */
    regionId: z.string().default(''),
    grades: z.array(GradeSchema).default([]),
    types: z.array(EntityTypeSchema).default([]),
    statuses: z.array(EntityStatusSchema).default([]),
    assigned: z.enum(['any', 'yes', 'no']).default('any'),
  })
  .strict();
export type EntityQuery = z.input<typeof EntityQuerySchema>;

export const CadreQuerySchema = z
  .object({
    text: z.string().max(100).default(''),
    regionId: z.string().default(''),
    levels: z.array(CadreLevelSchema).default([]),
    active: z.enum(['any', 'yes', 'no']).default('any'),
  })
  .strict();
export type CadreQuery = z.input<typeof CadreQuerySchema>;

/** One line of the 主体 list: what the table shows, nothing more (the list holds 100,000 rows). */
export interface EntityRow {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly license: string;
  readonly grade: Entity['grade'];
  readonly type: Entity['type'];
  readonly status: Entity['status'];
  readonly regionPath: string;
  readonly legalRep: string;
  readonly legalRepPhone: string;
  readonly cadreName: string;
}

export interface CadreRow {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly position: string;
  readonly level: Cadre['level'];
  readonly regionPath: string;
  readonly phone: string;
  readonly active: boolean;
  readonly entityCount: number;
}

export interface AssignmentView extends Assignment {
  readonly cadreName: string;
  readonly entityName: string;
}

export interface EntityDetail {
  readonly entity: Entity;
  readonly regionPath: string;
  readonly regulator: Regulator | null;
  readonly requiresDirector: boolean;
  readonly current: AssignmentView | null;
  readonly history: readonly AssignmentView[];
}

export interface CadreDetail {
  readonly cadre: Cadre;
  readonly regionPath: string;
  readonly current: readonly AssignmentView[];
  readonly history: readonly AssignmentView[];
}

export interface AppInfo {
  readonly dataDir: string;
  /** false on first run: the folder holds no library yet. */
  readonly initialized: boolean;
  readonly orgName: string;
  readonly planYear: number;
  readonly counts: { readonly regions: number; readonly entities: number; readonly cadres: number; readonly regulators: number };
}

export interface QueryResult<Row> {
  readonly total: number;
  readonly rows: readonly Row[];
}

/**
 * The one API contract: method name → input schema. The IPC handlers, the web harness and the
 * CLI all dispatch through it, and every input is parsed with its schema before a handler runs.
 */
export const apiSchemas = {
  /** Data folder, whether a library exists, record counts. */
  'app:info': NoInput,
  /** Starts an empty library. Error `conflict` when one exists already. */
  'app:createBlank': NoInput,
  /** Fills an empty folder with synthetic demo data. Error `conflict` when a library exists. */
  'app:loadDemo': z.object({ scale: DemoScaleSchema, seed: z.number().int().default(1) }).strict(),
  /** All region nodes, flat (parentId links them). */
  'regions:list': NoInput,
  /** Filtered 主体 rows in list order. */
  'entities:query': EntityQuerySchema,
  /** One 主体 with its current cadre and history. Error `not-found`. */
  'entities:get': ById,
  /** Creates (no id) or updates a 主体; returns it as stored. Error `invalid-argument` with fields. */
  'entities:save': EntityInputSchema,
  /** Deletes a 主体 and its 包保 records. Error `not-found`. */
  'entities:delete': ById,
  'cadres:query': CadreQuerySchema,
  /** One cadre with current 主体 and history. Error `not-found`. */
  'cadres:get': ById,
  /** Creates or updates a cadre. Error `invalid-argument` with fields. */
  'cadres:save': CadreInputSchema,
  /** Deletes a cadre without any 包保 record. Error `conflict` otherwise. */
  'cadres:delete': ById,
  'regulators:list': NoInput,
  /** The programme's figures (SPEC §6 stats keys). */
  'stats:get': NoInput,
  /** Newest 操作日志 entries first. */
  'log:list': z.object({ limit: z.number().int().min(1).max(5000).default(200) }).strict(),
} as const;

export type ApiSchemas = typeof apiSchemas;
export type ApiMethod = keyof ApiSchemas;

export interface ApiResults {
  'app:info': AppInfo;
  'app:createBlank': AppInfo;
  'app:loadDemo': AppInfo;
  'regions:list': readonly Region[];
  'entities:query': QueryResult<EntityRow>;
  'entities:get': EntityDetail;
  'entities:save': Entity;
  'entities:delete': { readonly id: string };
  'cadres:query': QueryResult<CadreRow>;
  'cadres:get': CadreDetail;
  'cadres:save': Cadre;
  'cadres:delete': { readonly id: string };
  'regulators:list': readonly Regulator[];
  'stats:get': Stats;
  'log:list': readonly LogEntry[];
}

export type ApiInput<M extends ApiMethod> = z.input<ApiSchemas[M]>;
export type ApiParsed<M extends ApiMethod> = z.output<ApiSchemas[M]>;

/** What the services implement: parsed input in, plain result out (errors are thrown ApiErrors). */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsed<M>) => Promise<ApiResults[M]> };

/** What the renderer calls, whatever the transport. */
export type ApiClient = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
