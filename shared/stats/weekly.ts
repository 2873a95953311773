import { RegionIndex } from '../domain/regions';
import type { DataDoc } from '../storage/types';
import type { Visit } from '../visits/types';

/** One week (Monday–Sunday) of the 督导 charts, clipped to the date range. */
export interface WeekPoint {
  /** Axis text: the first day, "03-02" ("25-12-29" when the range spans years). */
  readonly label: string;
  /** The days of this week inside the range ('YYYY-MM-DD'): what a drill-down opens. */
  readonly start: string;
  readonly end: string;
  /** Visits planned in this week, and made in this week. */
  readonly planned: number;
  readonly done: number;
  /** Visits planned / made from the start of the range to the end of this week. */
  readonly plannedCum: number;
  readonly doneCum: number;
  /** Problems found on visits made this week, and how many of those are rectified by now. */
  readonly found: number;
  readonly rectified: number;
}

export interface WeeklySeries {
  /** The range counted: the one asked for, or the plan year. */
  readonly from: string;
  readonly to: string;
  readonly weeks: readonly WeekPoint[];
  /** The label of the week holding today, when the range holds it (the chart's today line). */
  readonly todayLabel: string | null;
  /** 督导 of today's month, whatever the range: planned in it, and made in it. */
  readonly month: { readonly planned: number; readonly done: number };
}

export interface WeeklyScope {
  /** A region and everything below it; '' = the whole library. */
  readonly regionId: string;
  /** 'YYYY-MM-DD'; '' for both = the plan year. */
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC, so no daylight-saving surprises). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day (1970-01-01 was a Thursday). */
function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

/**
 * The visits whose 主体 lies in the scope (by region id, so a 乡镇 never takes in a namesake or a
 * longer name). Visits of deleted 主体 belong to no scope — as in computeStats.
 */
function visitsInScope(doc: DataDoc, regionId: string): Visit[] {
  const regions = new RegionIndex(doc.regions);
  const inScope = new Set(doc.entities.filter((e) => !regionId || regions.contains(regionId, e.regionId)).map((e) => e.id));
  return doc.visits.filter((v) => inScope.has(v.entityId));
}

/**
 * Weekly series of the 督导 charts over a date range: visits planned vs. made per week and
 * cumulated, problems found per week and how many are rectified, the week of today, and this
 * month's figures. One pass over the visits of the scope.
 */
export function computeWeekly(doc: DataDoc, scope: WeeklyScope, today: string): WeeklySeries {
  const planYear = doc.profile.planYear || Number(today.slice(0, 4));
  const from = scope.from || `${planYear}-01-01`;
  const to = scope.to || `${planYear}-12-31`;
  const rangeStart = dayNumber(from);
  const rangeEnd = dayNumber(to);
  const first = mondayOf(rangeStart);
  const count = Math.max(1, Math.floor((rangeEnd - first) / 7) + 1);
  const planned = new Array<number>(count).fill(0);
  const done = new Array<number>(count).fill(0);
  const found = new Array<number>(count).fill(0);
  const rectified = new Array<number>(count).fill(0);
  const month = today.slice(0, 7);
  let monthPlanned = 0;
  let monthDone = 0;

  const weekOf = (iso: string): number => {
    const day = dayNumber(iso);
    return day < rangeStart || day > rangeEnd ? -1 : Math.floor((day - first) / 7);
  };
  for (const v of visitsInScope(doc, scope.regionId)) {
    if (v.plannedDate.startsWith(month)) monthPlanned++;
    if (v.doneDate?.startsWith(month)) monthDone++;
    const p = weekOf(v.plannedDate);
    if (p >= 0) planned[p]!++;
    if (v.doneDate === undefined) continue;
    const d = weekOf(v.doneDate);
    if (d < 0) continue;
    done[d]!++;
    found[d]! += v.problems.length;
    rectified[d]! += v.problems.filter((q) => q.rectifiedOn !== undefined).length;
  }

  const weeks: WeekPoint[] = [];
  let plannedCum = 0;
  let doneCum = 0;
  const todayDay = dayNumber(today);
  let todayLabel: string | null = null;
  const withYear = from.slice(0, 4) !== to.slice(0, 4);
  for (let i = 0; i < count; i++) {
    const monday = first + 7 * i;
    plannedCum += planned[i]!;
    doneCum += done[i]!;
    const start = isoOf(Math.max(monday, rangeStart));
    const label = start.slice(withYear ? 2 : 5);
    if (todayDay >= monday && todayDay < monday + 7 && todayDay >= rangeStart && todayDay <= rangeEnd) todayLabel = label;
    weeks.push({
      label,
      start,
      end: isoOf(Math.min(monday + 6, rangeEnd)),
      planned: planned[i]!,
      done: done[i]!,
      plannedCum,
      doneCum,
      found: found[i]!,
      rectified: rectified[i]!,
    });
  }
  return { from, to, weeks, todayLabel, month: { planned: monthPlanned, done: monthDone } };
}
