import type { Visit, VisitProblem } from './types';

export interface OpenProblem {
  readonly visitId: string;
  readonly entityId: string;
  readonly cadreId: string;
  readonly problem: VisitProblem;
  /** Its 整改期限 has passed. */
  readonly overdue: boolean;
}

/** Problems not yet rectified, earliest deadline first. */
export function openProblems(visits: readonly Visit[], today: string): OpenProblem[] {
  const open: OpenProblem[] = [];
  for (const visit of visits) {
    for (const problem of visit.problems) {
      if (problem.rectifiedOn !== undefined) continue;
      open.push({ visitId: visit.id, entityId: visit.entityId, cadreId: visit.cadreId, problem, overdue: problem.deadline < today });
    }
  }
  return open.sort((a, b) => a.problem.deadline.localeCompare(b.problem.deadline) || a.visitId.localeCompare(b.visitId));
}

/** Visits not made whose planned day has passed. */
export function overdueVisits(visits: readonly Visit[], today: string): Visit[] {
  return visits.filter((v) => v.doneDate === undefined && v.plannedDate < today);
}

export interface VisitSummary {
  readonly planned: number;
  readonly done: number;
  readonly overdue: number;
  readonly problems: number;
  readonly rectified: number;
  readonly open: number;
  readonly openOverdue: number;
}

/** The figures the 上报 tables and the dashboard show (SPEC §4, §5.4). */
export function visitSummary(visits: readonly Visit[], today: string): VisitSummary {
  let done = 0;
  let overdue = 0;
  let problems = 0;
  let rectified = 0;
  let openOverdue = 0;
  for (const visit of visits) {
    if (visit.doneDate !== undefined) done++;
    else if (visit.plannedDate < today) overdue++;
    for (const problem of visit.problems) {
      problems++;
      if (problem.rectifiedOn !== undefined) rectified++;
      else if (problem.deadline < today) openOverdue++;
    }
  }
  return { planned: visits.length, done, overdue, problems, rectified, open: problems - rectified, openOverdue };
}
