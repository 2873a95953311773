import { z } from 'zod';
import { IsoDateSchema, type Profile } from '../../domain/schemas';
import type { ChangeDeadline, EntityChange } from '../../rules/status-changes';

/** A 主体变动 with its deadlines, as the 包保关系 screen and `check` list it. */
export interface EntityChangeRow extends ChangeDeadline {
  readonly entityName: string;
  readonly grade: string;
  readonly regionPath: string;
  /** The current 包保干部 ('' = none). */
  readonly cadreName: string;
}

/** The `entityChanges:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const entityChangesSchemas = {
  /** 主体变动 (opened, closed, grade changed) still open: the report and 包保关系 deadlines, due and overdue, of a region and below. */
  'entityChanges:list': z.object({ regionId: z.string().default('') }).strict(),
  /** Marks a 主体变动 as reported by 市场监管 on a day. */
  'entityChanges:report': z.object({ id: z.string().min(1), reportedOn: IsoDateSchema }).strict(),
} as const;

export interface EntityChangesResults {
  'entityChanges:list': {
    readonly rows: readonly EntityChangeRow[];
    readonly counts: {
      readonly toReport: number;
      readonly reportOverdue: number;
      readonly toAdjust: number;
      readonly adjustOverdue: number;
    };
    readonly settings: Profile['statusDeadlines'];
  };
  'entityChanges:report': EntityChange;
}
