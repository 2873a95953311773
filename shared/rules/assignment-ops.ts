import type { Assignment } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import type { AssignPlan } from './auto-assign';

type Reason = Assignment['reason'];

export interface OpContext {
  readonly today: string;
  newId(prefix: string): string;
}

/**
 * The ways 包保 changes, as mutations of the library. History is never deleted: a change ends
 * the current assignment (end date and reason) and starts a new one.
 */
export function endAssignment(assignment: Assignment, date: string, reason: Reason): void {
  assignment.end = date < assignment.start ? assignment.start : date;
  assignment.endReason = reason;
}

export function startAssignment(
  doc: DataDoc,
  ctx: OpContext,
  entityId: string,
  cadreId: string,
  date: string,
  reason: Reason,
  manual: boolean,
): Assignment {
  const assignment: Assignment = { id: ctx.newId('A'), entityId, cadreId, start: date, end: '', reason, endReason: '', manual };
  doc.assignments.push(assignment);
  return assignment;
}

export function applyAutoAssign(doc: DataDoc, plan: AssignPlan, ctx: OpContext): void {
  const byId = new Map(doc.assignments.map((a) => [a.id, a]));
  for (const release of plan.releases) {
    const assignment = byId.get(release.assignmentId);
    const entityClosed = doc.entities.find((e) => e.id === release.entityId)?.status === '注销';
    if (assignment && assignment.end === '') endAssignment(assignment, ctx.today, entityClosed ? '主体注销' : '调整');
  }
  for (const p of plan.proposals) startAssignment(doc, ctx, p.entityId, p.toCadreId, ctx.today, p.fromCadreId ? '调整' : '新建', false);
}

/**
 * Moves 主体 to one cadre (a person's choice: kept by later auto-assignments). Returns how many
 * 主体 changed hands; a 主体 that had no cadre starts as 新建.
 */
export function reassign(
  doc: DataDoc,
  ctx: OpContext,
  entityIds: readonly string[],
  cadreId: string,
  date: string,
  reason: Reason,
): number {
  const wanted = new Set(entityIds);
  const hadCadre = new Set<string>();
  const changed = new Set<string>();
  for (const a of doc.assignments) {
    if (a.end !== '' || !wanted.has(a.entityId)) continue;
    hadCadre.add(a.entityId);
    if (a.cadreId !== cadreId) {
      endAssignment(a, date, reason);
      changed.add(a.entityId);
    }
  }
  const stillWith = new Set(doc.assignments.filter((a) => a.end === '' && a.cadreId === cadreId).map((a) => a.entityId));
  for (const entityId of entityIds) {
    if (stillWith.has(entityId)) continue;
    startAssignment(doc, ctx, entityId, cadreId, date, hadCadre.has(entityId) ? reason : '新建', true);
    changed.add(entityId);
  }
  return changed.size;
}

/** Ends the current 包保 of these 主体 without a successor (e.g. 主体注销). */
export function release(doc: DataDoc, entityIds: readonly string[], date: string, reason: Reason): number {
  const wanted = new Set(entityIds);
  let released = 0;
  for (const a of doc.assignments) {
    if (a.end === '' && wanted.has(a.entityId)) {
      endAssignment(a, date, reason);
      released++;
    }
  }
  return released;
}
