import { REGION_LEVELS, type CadreLevel, type Entity } from '../domain/schemas';
import type { Visit } from '../visits/types';

/** One quarter's 督导: visits due and visits made (docs/domain.md#督导的规则). */
export interface QuarterFigures {
  readonly planned: number;
  readonly done: number;
}
export type ByQuarter = readonly [QuarterFigures, QuarterFigures, QuarterFigures, QuarterFigures];

/** 停业 and 注销 主体 are not due: their visits not yet made are left out of the quarters. */
export function isDue(visit: Visit, entity: Entity | undefined): boolean {
  return visit.doneDate !== undefined || (entity !== undefined && entity.status === '在营');
}

/** The quarter (0–3) of `year` a visit counts in: the day it was made when in the year, else its planned day; null outside the year. */
export function quarterOf(visit: Visit, year: number): number | null {
  const prefix = `${year}-`;
  const date = visit.doneDate?.startsWith(prefix) ? visit.doneDate : visit.plannedDate.startsWith(prefix) ? visit.plannedDate : null;
  return date === null ? null : Math.floor((Number(date.slice(5, 7)) - 1) / 3);
}

/** Planned and done per quarter, filled visit by visit. */
export class QuarterTally {
  private readonly planned = [0, 0, 0, 0];
  private readonly done = [0, 0, 0, 0];

  add(visit: Visit, quarter: number): void {
    this.planned[quarter] = (this.planned[quarter] ?? 0) + 1;
    if (visit.doneDate !== undefined) this.done[quarter] = (this.done[quarter] ?? 0) + 1;
  }

  result(): ByQuarter {
    const q = (i: number): QuarterFigures => ({ planned: this.planned[i] ?? 0, done: this.done[i] ?? 0 });
    return [q(0), q(1), q(2), q(3)];
  }
}

/** A QuarterTally per cadre level, for the completion by level. */
export function levelQuarterTallies(): Record<CadreLevel, QuarterTally> {
  return Object.fromEntries(REGION_LEVELS.map((level) => [level, new QuarterTally()])) as Record<CadreLevel, QuarterTally>;
}
