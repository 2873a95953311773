import { z } from 'zod';
import type { WorkCalendar } from '../calendar/calendar';
import { StoredDateOrEmptySchema, StoredDateSchema } from '../domain/dates';
import type { Assignment, Entity, Profile } from '../domain/schemas';

/**
 * 主体 status and grade changes and their deadlines (docs/domain.md#包保干部的规则, local rules such as 广元's): when a
 * 主体 opens, closes or changes grade, 市场监管 reports it within `reportDays` working days and the
 * 包保关系 is adjusted within `adjustDays` more. Both are settings (按本地最新通知核对).
 */

export const ENTITY_CHANGE_KINDS = ['开业', '停业', '注销', '恢复营业', '等级变更'] as const;
export type EntityChangeKind = (typeof ENTITY_CHANGE_KINDS)[number];

/** One change as the entity save or the import saw it (old → new), dated the day it was entered. */
export const EntityChangeSchema = z.object({
  id: z.string(),
  entityId: z.string(),
  on: StoredDateSchema,
  kind: z.enum(ENTITY_CHANGE_KINDS),
  from: z.string().default(''),
  to: z.string().default(''),
  /** When 市场监管 reported it ('' = not yet). */
  reportedOn: StoredDateOrEmptySchema.default(''),
});
export type EntityChange = z.infer<typeof EntityChangeSchema>;

/**
 * What changed between the stored 主体 and the saved one: its status (停业, 注销, 恢复营业) and its
 * grade. A 主体 entered new is 开业. Nothing else counts.
 */
export function changesBetween(before: Entity | undefined, after: Entity): { kind: EntityChangeKind; from: string; to: string }[] {
  if (!before) return after.status === '在营' ? [{ kind: '开业', from: '', to: after.status }] : [];
  const found: { kind: EntityChangeKind; from: string; to: string }[] = [];
  if (before.status !== after.status) {
    const kind: EntityChangeKind = after.status === '在营' ? '恢复营业' : after.status;
    found.push({ kind, from: before.status, to: after.status });
  }
  if (before.grade !== after.grade) found.push({ kind: '等级变更', from: before.grade, to: after.grade });
  return found;
}

export interface ChangeDeadline {
  readonly change: EntityChange;
  /** Last working day to report the change. */
  readonly reportDue: string;
  readonly reportOverdue: boolean;
  /** Last working day to adjust the 包保关系: `adjustDays` after the report (or after its deadline while not reported). */
  readonly adjustDue: string;
  readonly adjusted: boolean;
  readonly adjustOverdue: boolean;
}

/**
 * The deadlines of every change still open (not reported, or its 包保关系 not adjusted yet). The
 * 包保关系 counts as adjusted once one of the 主体's 包保 starts or ends on or after the change
 * (for 注销: also when it has no current 包保 left). Newest first.
 */
export function openChangeDeadlines(
  changes: readonly EntityChange[],
  assignments: readonly Assignment[],
  settings: Profile['statusDeadlines'],
  calendar: WorkCalendar,
  today: string,
): ChangeDeadline[] {
  const byEntity = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const list = byEntity.get(a.entityId);
    if (list) list.push(a);
    else byEntity.set(a.entityId, [a]);
  }
  const rows: ChangeDeadline[] = [];
  for (const change of changes) {
    const mine = byEntity.get(change.entityId) ?? [];
    const touched = mine.some((a) => a.start >= change.on || (a.end !== '' && a.end >= change.on));
    const adjusted = touched || (change.kind === '注销' && !mine.some((a) => a.end === ''));
    if (change.reportedOn && adjusted) continue;
    const reportDue = calendar.addWorkingDays(change.on, settings.reportDays);
    const adjustDue = calendar.addWorkingDays(change.reportedOn || reportDue, settings.adjustDays);
    rows.push({
      change,
      reportDue,
      reportOverdue: !change.reportedOn && today > reportDue,
      adjustDue,
      adjusted,
      adjustOverdue: !adjusted && today > adjustDue,
    });
  }
  return rows.sort((a, b) => b.change.on.localeCompare(a.change.on));
}
