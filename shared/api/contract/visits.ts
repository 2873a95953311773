import { z } from 'zod';
import { IsoDateSchema, type CadreLevel, type Entity } from '../../domain/schemas';
import { textRule } from '../../domain/text';
import { ChecklistResultSchema, VisitProblemSchema, VisitTypeSchema, type Visit } from '../../visits/types';
import type { OpenProblem } from '../../visits/records';
import { LIST_WINDOW, type QueryResult, ScopeRangeSchema } from './common';

export interface VisitRow {
  readonly id: string;
  readonly entityId: string;
  readonly entityName: string;
  readonly grade: Entity['grade'] | '';
  readonly regionPath: string;
  readonly cadreId: string;
  readonly cadreName: string;
  /** Decides the 督导检查要点 the visit is recorded against; '' when the cadre was deleted. */
  readonly cadreLevel: CadreLevel | '';
  readonly plannedDate: string;
  readonly doneDate: string;
  /** 现场 / 集中 / 视频 once done ('' while planned). */
  readonly type: string;
  readonly problems: number;
  readonly openProblems: number;
}

export const VISIT_STATUSES = ['all', 'open', 'done', 'overdue'] as const;

/** 全部, 未完成 (not made), 已完成, 已逾期 (not made and its planned day past). */
export type VisitStatus = (typeof VISIT_STATUSES)[number];

const VisitScope = {
  year: z.number().int().min(2000).max(2100),
  cadreId: z.string().default(''),
  entityId: z.string().default(''),
  /** Only 主体 in this region and below. */
  regionId: z.string().optional(),
  /** Both set: visits planned or made in these days, instead of the year (a dashboard week). */
  from: z.union([z.literal(''), IsoDateSchema]).optional(),
  to: z.union([z.literal(''), IsoDateSchema]).optional(),
};

/** The 督导计划's filters: the year or the focus, then cadre, 主体 and status. */
const VisitFilters = { ...VisitScope, status: z.enum(VISIT_STATUSES).default('all') };

/** The figures of the year (or the focus) the 督导 screen shows above its lists, whatever the list's own filters. */
export interface VisitFigures {
  readonly planned: number;
  readonly done: number;
  /** Not made although the planned day has passed. */
  readonly overdue: number;
  /** Problems of any year (in the focus's region and days) not yet rectified, and those past their 整改期限. */
  readonly openProblems: number;
  readonly overdueProblems: number;
}

/** One day of the 按周查看: visits planned on it and how many of them are done. */
export interface VisitDay {
  readonly date: string;
  readonly total: number;
  readonly done: number;
}

/** The `visits:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const visitsSchemas = {
  /**
   * Plans the year's 督导 visits for every current 包保关系; done visits are kept. fromToday (从今天起排):
   * only the rest of the year, visits before today left as they are (past quarters not back-filled).
   */
  'visits:plan': z.object({ year: z.number().int().min(2000).max(2100), fromToday: z.boolean().optional() }).strict(),
  /** Visits of a year, optionally of one cadre or one 主体, in date order. */
  'visits:list': z.object(VisitScope).strict(),
  /**
   * The 督导计划 list as the screen shows it (a city plans ~85,000 visits a year): the visits the
   * filters leave (`plannedDate`: only those planned on that day) in date order, all or the window
   * `offset`/`limit`, with their count and the year's (or the focus's) figures.
   */
  'visits:query': z.object({ ...VisitFilters, plannedDate: z.union([z.literal(''), IsoDateSchema]).default(''), ...LIST_WINDOW }).strict(),
  /** 按周查看: per day, the visits the filters leave planned on it (days without any are left out). */
  'visits:days': z.object(VisitFilters).strict(),
  /** Records a visit as done, with checklist results, problems found and notes. */
  'visits:record': z
    .object({
      id: z.string().min(1),
      doneDate: IsoDateSchema,
      /** 现场 when not said. */
      type: VisitTypeSchema.optional(),
      checklist: z.array(ChecklistResultSchema).default([]),
      // The steps after 发现 are taken one by one (problems:step), never rewritten by an edit of the record.
      problems: z.array(VisitProblemSchema.omit({ id: true, steps: true }).extend({ id: z.string().optional() })).default([]),
      notes: z.string().max(500).check(textRule('备注', 'multi')).default(''),
    })
    .strict(),
  /** Marks a problem as rectified (闭环). */
  'visits:rectify': z.object({ visitId: z.string().min(1), problemId: z.string().min(1), rectifiedOn: IsoDateSchema }).strict(),
  /**
   * Every problem not yet rectified, oldest deadline first (问题整改台账); optionally only those of
   * 主体 in a region, found in a date range.
   */
  'visits:openProblems': ScopeRangeSchema.default({}),
} as const;

export interface VisitsResults {
  'visits:plan': { readonly planned: number; readonly keptDone: number; readonly overCapWeeks: number; readonly notes: readonly string[] };
  'visits:list': readonly VisitRow[];
  'visits:query': QueryResult<VisitRow> & { readonly figures: VisitFigures };
  'visits:days': readonly VisitDay[];
  'visits:record': Visit;
  'visits:rectify': Visit;
  'visits:openProblems': readonly (OpenProblem & { readonly entityName: string; readonly cadreName: string })[];
}
