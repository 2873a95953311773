import { z } from 'zod';
import { IsoDateSchema, type Assignment, type Cadre, type Entity } from '../../domain/schemas';
import type { FallbackRule } from '../../rules/fallback';
import { VIOLATION_KINDS, type ViolationKind } from '../../rules/violations';
import { NoInput } from './common';

export interface AssignmentView extends Assignment {
  readonly cadreName: string;
  readonly entityName: string;
  /** '' when the 主体 no longer exists. */
  readonly entityGrade: Entity['grade'] | '';
}

export interface ViolationView {
  readonly kind: ViolationKind;
  readonly entityId: string;
  readonly entityName: string;
  readonly cadreId: string;
  readonly cadreName: string;
  readonly message: string;
  /** Still with a cadre not 在岗 past the 7-working-day reassignment deadline. */
  readonly overdue?: boolean;
}

export interface CadreLoad {
  readonly cadreId: string;
  readonly cadreName: string;
  readonly level: Cadre['level'];
  readonly regionPath: string;
  readonly before: number;
  readonly after: number;
  readonly cap: number;
}

export interface AssignProposalView {
  readonly entityId: string;
  readonly entityName: string;
  readonly grade: Entity['grade'];
  readonly regionPath: string;
  readonly fromCadreName: string;
  readonly toCadreId: string;
  readonly toCadreName: string;
  readonly reason: string;
  /** The fallback rule of the profile that gave the cadre (docs/domain.md#包保关系的规则); null: the strict rule. */
  readonly fallback: FallbackRule | null;
}

export interface AssignPreview {
  readonly previewId: string;
  readonly counts: { readonly assign: number; readonly move: number; readonly release: number; readonly unresolved: number };
  readonly proposals: readonly AssignProposalView[];
  readonly releases: readonly { readonly entityName: string; readonly cadreName: string; readonly reason: string }[];
  readonly unresolved: readonly {
    readonly entityId: string;
    readonly entityName: string;
    readonly regionPath: string;
    readonly why: string;
  }[];
  /** Cadres whose load changes, most changed first. */
  readonly loads: readonly CadreLoad[];
}

/** The `assign:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const assignSchemas = {
  /** Every broken 包保 rule with names, and the count per kind (docs/domain.md#包保关系的规则). */
  'assign:violations': z.object({ kinds: z.array(z.enum(VIOLATION_KINDS)).default([]), regionId: z.string().default('') }).strict(),
  /** Current load of every cadre against the soft cap. */
  'assign:loads': NoInput,
  /**
   * Plans auto-assignment without writing: `unassigned` 主体 only, or also every `violating` one;
   * manual assignments kept unless keepManual is false; `reset` ends every current one first.
   */
  'assign:preview': z
    .object({
      mode: z.enum(['unassigned', 'violating']).default('unassigned'),
      keepManual: z.boolean().default(true),
      reset: z.boolean().default(false),
    })
    .strict(),
  /** Writes a previewed auto-assignment in one change. Error `conflict` if the data changed since. */
  'assign:apply': z.object({ previewId: z.string().min(1) }).strict(),
  /** Moves 主体 to a cadre (single or bulk); ends their current 包保 with reason 调整. */
  'assign:reassign': z
    .object({
      entityIds: z.array(z.string().min(1)).min(1, { error: '请至少选择一个主体' }),
      cadreId: z.string().min(1, { error: '请选择包保干部' }),
      date: IsoDateSchema.optional(),
    })
    .strict(),
  /** Ends the current 包保 of 主体 without a successor. */
  'assign:release': z
    .object({
      entityIds: z.array(z.string().min(1)).min(1, { error: '请至少选择一个主体' }),
      reason: z.enum(['调整', '主体注销']).default('调整'),
      date: IsoDateSchema.optional(),
    })
    .strict(),
  /** 干部变动: every current 主体 of one cadre moves to the successor; history keeps both. */
  'assign:replaceCadre': z
    .object({
      fromCadreId: z.string().min(1, { error: '请选择离任干部' }),
      toCadreId: z.string().min(1, { error: '请选择接任干部' }),
      date: IsoDateSchema.optional(),
      deactivate: z.boolean().default(true),
    })
    .strict(),
} as const;

export interface AssignResults {
  'assign:violations': {
    readonly counts: Readonly<Record<ViolationKind, number>>;
    readonly items: readonly ViolationView[];
    /** Ids used twice and records pointing at ones not there, over the whole library (rules/integrity). */
    readonly integrity: readonly string[];
  };
  'assign:loads': readonly CadreLoad[];
  'assign:preview': AssignPreview;
  'assign:apply': { readonly assigned: number; readonly moved: number; readonly released: number };
  'assign:reassign': { readonly moved: number };
  'assign:release': { readonly released: number };
  'assign:replaceCadre': { readonly moved: number };
}
