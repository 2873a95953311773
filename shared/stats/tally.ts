import { parseIsoDate } from '../calendar/days';
import { requiresDirector } from '../domain/director';
import { GRADES, REGION_LEVELS, type Cadre, type Entity, type Grade, type Profile, type RegionLevel } from '../domain/schemas';
import type { Visit } from '../visits/types';

/** A visit counts for the plan year it was planned (or made) in. */
export function inPlanYear(v: Visit, year: number): boolean {
  const prefix = `${year}-`;
  return v.plannedDate.startsWith(prefix) || (v.doneDate ?? '').startsWith(prefix);
}

export interface Ratio {
  readonly done: number;
  readonly total: number;
}

export interface DutyRatios {
  readonly dailyWeeklyMonthly: Ratio;
  readonly riskSystem: Ratio;
  readonly safetyOfficer: Ratio;
  readonly safetyDirector: Ratio;
  readonly commitment: Ratio;
}

/** The 企业 duty indicators in the bureau's order (docs/domain.md#企业主体责任的规则). */
export const DUTY_KEYS = ['dailyWeeklyMonthly', 'riskSystem', 'safetyOfficer', 'safetyDirector', 'commitment'] as const;
export type DutyKey = (typeof DUTY_KEYS)[number];

/** Whether a duty is counted for a 主体: a 企业 not 注销, and for the 总监 one the rules require one of. */
export function dutyApplies(e: Entity, key: DutyKey, directorRule: Profile['directorRule']): boolean {
  if (e.type !== '企业' || e.status === '注销') return false;
  return key !== 'safetyDirector' || requiresDirector(e, directorRule);
}

/** Whether a 主体 has done a duty (where it applies). */
export function dutyDone(e: Entity, key: DutyKey): boolean {
  if (key === 'safetyOfficer') return e.safetyOfficers.length > 0;
  if (key === 'safetyDirector') return e.director !== null;
  return e.duties[key] !== '';
}

export function zeroRecord<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Counts 主体 and cadres the way the seed reports them: grades, 企业, coverage, and the
 * enterprise duties as done/total over the 企业 (not 注销) they apply to. One tally per scope
 * (the whole library, a 旗区, a 乡镇), filled in one pass.
 */
export class Tally {
  entities = 0;
  readonly byGrade = zeroRecord(GRADES);
  enterprises = 0;
  largeEnterprises = 0;
  assigned = 0;
  unassigned = 0;
  cadres = 0;
  activeCadres = 0;
  commitmentSigned = 0;
  readonly cadresByLevel = zeroRecord(REGION_LEVELS);
  /** 督导 of the plan year: visits planned and made, problems found, rectified and past their deadline unrectified. */
  readonly visits = { planned: 0, done: 0, problems: 0, rectified: 0, overdue: 0 };
  private readonly duty = { done: zeroRecord(DUTY_KEYS), total: zeroRecord(DUTY_KEYS) };

  /** `year`: whose 承诺书 count (the plan year unless a report asks for another). */
  constructor(
    private readonly profile: Profile,
    private readonly year = profile.planYear,
  ) {}

  addEntity(e: Entity, hasCadre: boolean): void {
    this.entities++;
    this.byGrade[e.grade as Grade]++;
    if (e.status !== '注销') {
      if (hasCadre) this.assigned++;
      else this.unassigned++;
    }
    if (e.type !== '企业') return;
    this.enterprises++;
    if (e.scale === '大型') this.largeEnterprises++;
    for (const key of DUTY_KEYS) {
      if (!dutyApplies(e, key, this.profile.directorRule)) continue;
      this.duty.total[key]++;
      if (dutyDone(e, key)) this.duty.done[key]++;
    }
  }

  addCadre(c: Cadre): void {
    this.cadres++;
    this.cadresByLevel[c.level as RegionLevel]++;
    if (!c.active) return;
    this.activeCadres++;
    if (c.commitments.some((k) => k.year === this.year)) this.commitmentSigned++;
  }

  /** `today`: problems open after their 整改期限 count as overdue ('' counts none). */
  addVisit(v: Visit, today = ''): void {
    this.visits.planned++;
    if (v.doneDate !== undefined) this.visits.done++;
    for (const p of v.problems) {
      this.visits.problems++;
      if (p.rectifiedOn !== undefined) this.visits.rectified++;
      // As the 问题整改台账 counts it: a day that does not exist (stored by an older version) is never late.
      else if (today > p.deadline && parseIsoDate(p.deadline) !== null) this.visits.overdue++;
    }
  }

  duties(): DutyRatios {
    const { done, total } = this.duty;
    return Object.fromEntries(DUTY_KEYS.map((key) => [key, { done: done[key], total: total[key] }])) as Record<DutyKey, Ratio>;
  }
}
