import { z } from 'zod';
import {
  EntityInputSchema,
  EntityStatusSchema,
  EntityTypeSchema,
  GradeSchema,
  ScaleSchema,
  type Entity,
  type Regulator,
} from '../../domain/schemas';
import { DUTY_KEYS } from '../../stats/tally';
import { ById, LIST_WINDOW, type QueryResult, listSort } from './common';
import type { AssignmentView } from './assign';

/** Columns the lists sort by. The service sorts, so a window of rows is a slice of the whole list in that order. */
export const ENTITY_SORT_FIELDS = [
  'name',
  'uscc',
  'grade',
  'type',
  'regionPath',
  'legalRep',
  'legalRepPhone',
  'cadreName',
  'status',
] as const;

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
    /** 主体 naming this grid regulator (网格监管 drill-down). */
    regulatorId: z.string().default(''),
    scales: z.array(ScaleSchema).optional(),
    /** 企业 (not 注销) a duty applies to that have not done it (a 首页概览 企业主体责任 drill-down). */
    lacking: z.union([z.literal(''), z.enum(DUTY_KEYS)]).optional(),
    sort: listSort(ENTITY_SORT_FIELDS),
    ...LIST_WINDOW,
  })
  .strict();

export type EntityQuery = z.input<typeof EntityQuerySchema>;

export type EntitySort = NonNullable<EntityQuery['sort']>;

/** A 主体 query as the handler gets it (defaults filled in). */
export type EntityFilter = z.output<typeof EntityQuerySchema>;

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

/** A 主体's line of the list (ListIndex; the renderer shows a saved 主体 in its row with it before the list is read again). */
export function entityRow(e: Entity, regionPath: string, cadreName: string): EntityRow {
  return {
    id: e.id,
    name: e.name,
    uscc: e.uscc,
    license: e.license,
    grade: e.grade,
    type: e.type,
    status: e.status,
    regionPath,
    legalRep: e.legalRep,
    legalRepPhone: e.legalRepPhone,
    cadreName,
  };
}

export interface EntityDetail {
  readonly entity: Entity;
  readonly regionPath: string;
  readonly regulator: Regulator | null;
  readonly requiresDirector: boolean;
  readonly current: AssignmentView | null;
  readonly history: readonly AssignmentView[];
}

/** The `entities:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const entitiesSchemas = {
  /** Filtered 主体 rows in list order (or `sort`'s), all or the window `offset`/`limit`. */
  'entities:query': EntityQuerySchema,
  /** One 主体 with its current cadre and history. Error `not-found`. */
  'entities:get': ById,
  /** Creates (no id) or updates a 主体; returns it as stored. Error `invalid-argument` with fields. */
  'entities:save': EntityInputSchema,
  /** Deletes a 主体 and its 包保 records. Error `not-found`. */
  'entities:delete': ById,
} as const;

export interface EntitiesResults {
  'entities:query': QueryResult<EntityRow>;
  'entities:get': EntityDetail;
  'entities:save': Entity;
  'entities:delete': { readonly id: string };
}
