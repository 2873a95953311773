import type { Visit, VisitProblem } from './types';

export interface OpenProblem {
  readonly visitId: string;
  readonly entityId: string;
  readonly cadreId: string;
  readonly problem: VisitProblem;
  /** The day of the visit that found it. */
  readonly foundOn: string;
  /** Its 整改期限 has passed. */
  readonly overdue: boolean;
}

/** Problems not yet rectified, earliest deadline first. */
export function openProblems(visits: readonly Visit[], today: string): OpenProblem[] {
  const open: OpenProblem[] = [];
  for (const visit of visits) {
    for (const problem of visit.problems) {
      if (problem.rectifiedOn !== undefined) continue;
      open.push({
        visitId: visit.id,
        entityId: visit.entityId,
        cadreId: visit.cadreId,
        problem,
        foundOn: visit.doneDate ?? visit.plannedDate,
        overdue: problem.deadline < today,
      });
    }
  }
  return open.sort((a, b) => a.problem.deadline.localeCompare(b.problem.deadline) || a.visitId.localeCompare(b.visitId));
}
