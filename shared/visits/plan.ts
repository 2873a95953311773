import type { WorkCalendar } from '../calendar/calendar';
import { dayNumber, dayOfDate, isoDate, mondayOfDay, parseIsoDate } from '../calendar/days';
import type { Assignment, Cadre, Entity } from '../domain/schemas';
import type { Visit, VisitRules } from './types';

/** A planned visit before the store gives it an id. */
export interface VisitDraft {
  readonly entityId: string;
  readonly cadreId: string;
  readonly plannedDate: string;
  /** 0-based period of the year (the quarter when 4 a year, the month when 12). */
  readonly period: number;
  /** How many periods the year has for this 主体 (its visits a year). */
  readonly periods: number;
  /** The holiday of an extra 节前 visit (then `period` is the number of periods); '' for a regular one. */
  readonly holiday: string;
}

export interface VisitPlanInput {
  readonly year: number;
  /** Current assignments (end === ''); ended ones are ignored. */
  readonly assignments: readonly Assignment[];
  readonly entities: readonly Entity[];
  readonly cadres: readonly Cadre[];
  readonly calendar: WorkCalendar;
  readonly rules: VisitRules;
  /** Visits already recorded; the done ones stay and fill their periods, the rest are replaced. */
  readonly existing: readonly Visit[];
  /**
   * 从今天起排: no visit before this day ('YYYY-MM-DD'); periods already over are left as they are
   * (not back-filled as overdue). Absent: the whole year.
   */
  readonly from?: string;
}

export interface OverCap {
  readonly cadreId: string;
  readonly weekStart: string;
  readonly count: number;
}

export interface VisitPlan {
  /** New planned visits: they replace every not-done visit of the year. */
  readonly visits: readonly VisitDraft[];
  /** Periods already filled by a done visit. */
  readonly filledByDone: number;
  /** Weeks where a cadre has more visits than the cap because the period has no room left. */
  readonly overCap: readonly OverCap[];
  /** What the office should know, in Chinese (provisional calendar, skipped 主体 …). */
  readonly notes: readonly string[];
}

interface Demand {
  readonly entityId: string;
  readonly periods: number;
  readonly period: Period;
  readonly index: number;
  readonly holiday: string;
  readonly rank: number;
  /** First of the period's working days the visit may fall on (the assignment's start). */
  readonly from: number;
}

/**
 * 督导计划 (docs/domain.md#督导的规则). Each current assignment's 主体 gets its visits a year (the larger of its
 * grade's and its cadre's level's number), one in each equal period (4 → one a quarter, 12 → one
 * a month, 2 → one a half-year; counts that do not divide 12 split the year's days evenly), plus
 * one in the working days before each holiday the rules name, for the grades they name. A period
 * is skipped when the 主体 already has a done visit dated in it (whoever made it), when it
 * ended before the assignment began, or (从今天起排) before the day the plan starts from.
 * 停业 and 注销 主体 are not due.
 *
 * Days: a cadre's visits in a period are spread evenly over its working days, in an order and
 * with an offset fixed by hashes of the ids, so the plan is the same every time and not everyone
 * starts on the first Monday. A day whose week already holds the cadre's weekly cap moves to the
 * nearest working day (same period) in a week with room; only when none has room does the week
 * go over the cap, and that is reported. Linear in the number of visits times the period length.
 */
export function planVisits(input: VisitPlanInput): VisitPlan {
  const { year, calendar, rules } = input;
  const notes: string[] = [];
  const yearNote = calendar.yearNote(year);
  if (yearNote) notes.push(yearNote);

  const entityById = new Map(input.entities.map((e) => [e.id, e]));
  const cadreById = new Map(input.cadres.map((c) => [c.id, c]));
  const planFrom = input.from === undefined ? null : parseIsoDate(input.from);
  const doneDays = new Map<string, number[]>();
  // 从今天起排: a visit planned before the plan starts and not made stays (overdue) and fills its period too.
  const keptDays = new Map<string, number[]>();
  for (const visit of input.existing) {
    const planned = parseIsoDate(visit.plannedDate);
    const kept = visit.doneDate === undefined && planFrom !== null && planned !== null && planned < planFrom;
    const day = kept ? planned : visit.doneDate === undefined ? null : parseIsoDate(visit.doneDate);
    if (day === null) continue;
    const map = kept ? keptDays : doneDays;
    const days = map.get(visit.entityId);
    if (days) days.push(day);
    else map.set(visit.entityId, [day]);
  }

  const periodCache = new Map<number, Period[]>();
  const periodsFor = (count: number): Period[] => {
    let found = periodCache.get(count);
    if (!found) {
      found = periodsOf(year, count, calendar);
      periodCache.set(count, found);
    }
    return found;
  };

  const extraGrades = new Set(rules.holidayExtras.grades);
  const holidayPeriods = holidaysBefore(year, rules.holidayExtras.holidays, rules.holidayExtras.workingDaysBefore, calendar, notes);

  const byCadre = new Map<string, Demand[]>();
  let filledByDone = 0;
  let beforeStart = 0;
  let past = 0;
  let keptBefore = 0;
  let missingEntity = 0;
  let missingCadre = 0;
  let deregistered = 0;
  let paused = 0;
  const inactiveCadres = new Set<string>();
  for (const assignment of input.assignments) {
    if (assignment.end !== '') continue;
    const entity = entityById.get(assignment.entityId);
    if (!entity) {
      missingEntity++;
      continue;
    }
    if (entity.status === '注销') {
      deregistered++;
      continue;
    }
    if (entity.status === '停业') {
      paused++;
      continue;
    }
    const cadre = cadreById.get(assignment.cadreId);
    if (!cadre) {
      missingCadre++;
      continue;
    }
    if (!cadre.active) inactiveCadres.add(cadre.id);
    const count = Math.max(rules.perYearByGrade[entity.grade], rules.perYearByLevel[cadre.level] ?? 0);
    const extras = extraGrades.has(entity.grade) ? holidayPeriods : [];
    if (count <= 0 && extras.length === 0) continue;
    const periods = [...(count > 0 ? periodsFor(count) : []), ...extras.map((h) => h.period)];
    const done = doneDays.get(entity.id) ?? [];
    const kept = keptDays.get(entity.id) ?? [];
    const assignedFrom = parseIsoDate(assignment.start) ?? -Infinity;
    const startDay = Math.max(assignedFrom, planFrom ?? -Infinity);
    const rank = hash(entity.id);
    const demands = byCadre.get(cadre.id) ?? [];
    for (let index = 0; index < periods.length; index++) {
      const period = periods[index];
      if (!period) continue;
      const inPeriod = (day: number): boolean => day >= period.first && day <= period.last;
      if (done.some(inPeriod)) {
        filledByDone++;
        continue;
      }
      if (kept.some(inPeriod)) {
        keptBefore++;
        continue;
      }
      if (assignedFrom > period.first && firstAtOrAfter(period.days, assignedFrom) === period.days.length) {
        beforeStart++;
        continue;
      }
      const from = startDay > period.first ? firstAtOrAfter(period.days, startDay) : 0;
      if (from === period.days.length) {
        past++;
        continue;
      }
      demands.push({ entityId: entity.id, periods: count, period, index, rank, from, holiday: extras[index - count]?.name ?? '' });
    }
    byCadre.set(cadre.id, demands);
  }

  const cap = rules.weeklyCapPerCadre;
  // Formatting dates dominates at city scale; the year has only 365 of them.
  const yearStart = dayOfDate(year, 1, 1);
  const texts: string[] = [];
  const text = (day: number): string => (texts[day - yearStart] ??= isoDate(day));
  const visits: VisitDraft[] = [];
  const overCap: OverCap[] = [];
  for (const cadreId of [...byCadre.keys()].sort()) {
    const demands = byCadre.get(cadreId) ?? [];
    demands.sort((a, b) => a.periods - b.periods || a.index - b.index || a.rank - b.rank || compare(a.entityId, b.entityId));
    const offset = hash(cadreId) / 2 ** 32;
    const perWeek = new Map<number, number>();
    // Demands sorted by (periods, index): each run of one period is spread over that period.
    for (let first = 0; first < demands.length;) {
      const period = demands[first]?.period;
      let end = first;
      while (end < demands.length && demands[end]?.period === period) end++;
      for (let i = first; i < end; i++) {
        const demand = demands[i];
        if (!demand) continue;
        const { days, weeks } = demand.period;
        const ideal = demand.from + Math.floor(((i - first + offset) / (end - first)) * (days.length - demand.from));
        const at = pickDay(weeks, demand.from, ideal, perWeek, cap);
        const day = days[at] ?? 0;
        const week = weeks[at] ?? 0;
        perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
        visits.push({
          entityId: demand.entityId,
          cadreId,
          plannedDate: text(day),
          period: demand.index,
          periods: demand.periods,
          holiday: demand.holiday,
        });
      }
      first = end;
    }
    for (const [week, n] of perWeek) if (n > cap) overCap.push({ cadreId, weekStart: isoDate(week), count: n });
  }

  if (filledByDone > 0) notes.push(`${filledByDone} 个督导周期已有完成的督导记录，保留原记录，不再安排`);
  if (keptBefore > 0)
    notes.push(`${input.from} 之前已排定、尚未完成的 ${keptBefore} 个督导周期保留原计划（已逾期的请尽快完成），不重复安排`);
  if (past > 0) notes.push(`从 ${input.from} 起排：此前已过去的 ${past} 个督导周期不再补排，不计为逾期`);
  if (beforeStart > 0) notes.push(`${beforeStart} 个督导周期在包保关系建立之前已结束，未安排（应由原包保干部完成）`);
  if (paused > 0) notes.push(`${paused} 个停业主体本年度不在督导范围内，未安排督导（恢复经营后重新生成计划）`);
  if (deregistered > 0) notes.push(`${deregistered} 个已注销主体仍有包保关系，未安排督导，请解除包保关系`);
  if (missingEntity > 0) notes.push(`${missingEntity} 条包保关系对应的主体不存在，未安排督导，请运行数据检查`);
  if (missingCadre > 0) notes.push(`${missingCadre} 条包保关系对应的干部不存在，未安排督导，请运行数据检查`);
  if (inactiveCadres.size > 0) notes.push(`${inactiveCadres.size} 名已停用的干部仍有包保主体，督导仍按其安排，请先调整包保关系`);
  if (overCap.length > 0) {
    const cadres = new Set(overCap.map((o) => o.cadreId)).size;
    notes.push(`${cadres} 名干部包保主体过多，部分周的督导超过每周 ${cap} 次的上限：请调整包保关系或提高上限`);
  }
  return { visits, filledByDone, overCap, notes };
}

interface Period {
  readonly first: number;
  readonly last: number;
  /** Its working days, and the Monday of each. */
  readonly days: readonly number[];
  readonly weeks: readonly number[];
}

/** The year cut into `count` equal periods, with the working days of each. */
function periodsOf(year: number, count: number, calendar: WorkCalendar): Period[] {
  const start = dayOfDate(year, 1, 1);
  const length = dayOfDate(year + 1, 1, 1) - start;
  const periods: Period[] = [];
  for (let k = 0; k < count; k++) {
    // Whole months when the count divides 12, so 4 a year means the calendar quarters.
    const first = 12 % count === 0 ? dayOfDate(year, (k * 12) / count + 1, 1) : start + Math.floor((k * length) / count);
    const last = 12 % count === 0 ? dayOfDate(year, ((k + 1) * 12) / count + 1, 1) - 1 : start + Math.floor(((k + 1) * length) / count) - 1;
    const days = calendar.workingDaysIn(isoDate(first), isoDate(last)).map(dayNumber);
    periods.push({ first, last, days, weeks: days.map(mondayOfDay) });
  }
  return periods;
}

/**
 * For each named holiday, its first day in the year and the `workingDays` working days before it
 * (in the year) as one period; a name the year's calendar does not have is noted and skipped.
 */
function holidaysBefore(
  year: number,
  names: readonly string[],
  workingDays: number,
  calendar: WorkCalendar,
  notes: string[],
): { name: string; period: Period }[] {
  if (names.length === 0) return [];
  const start = dayOfDate(year, 1, 1);
  const firstDay = new Map<string, number>();
  for (let day = start; day < dayOfDate(year + 1, 1, 1); day++) {
    const name = calendar.holidayName(isoDate(day));
    if (name && !firstDay.has(name)) firstDay.set(name, day);
  }
  const found: { name: string; period: Period }[] = [];
  for (const name of names) {
    const first = firstDay.get(name);
    const days: number[] = [];
    for (let day = (first ?? start) - 1; first !== undefined && day >= start && days.length < workingDays; day--) {
      if (calendar.isWorkingDay(isoDate(day))) days.unshift(day);
    }
    const [from] = days;
    if (first === undefined || from === undefined) {
      notes.push(`${year} 年日历中没有“${name}”假期（或节前没有工作日），未安排节前督导`);
      continue;
    }
    found.push({ name, period: { first: from, last: first - 1, days, weeks: days.map(mondayOfDay) } });
  }
  return found;
}

/** The index nearest to `ideal` (not below `from`) whose week has room under the cap; `ideal` when none has. */
function pickDay(weeks: readonly number[], from: number, ideal: number, perWeek: ReadonlyMap<number, number>, cap: number): number {
  const fits = (index: number): boolean => index >= from && index < weeks.length && (perWeek.get(weeks[index] ?? 0) ?? 0) < cap;
  for (let distance = 0; distance < weeks.length; distance++) {
    if (fits(ideal + distance)) return ideal + distance;
    if (fits(ideal - distance)) return ideal - distance;
  }
  return ideal;
}

/** Index of the first day ≥ day in an ascending list (its length when there is none). */
function firstAtOrAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] ?? Infinity) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FNV-1a: a stable 32-bit hash, so the plan does not change between runs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
