import type { VisitRow } from '@shared/api/contract';

/** One week (Monday–Sunday) of the 督导 charts. */
export interface WeekPoint {
  /** Axis text: the Monday, "03-02". */
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** Visits planned / made from the start of the range to the end of this week. */
  readonly plannedCum: number;
  readonly doneCum: number;
  /** Problems found on visits made this week, and how many of those are rectified by now. */
  readonly found: number;
  readonly rectified: number;
}

export interface WeeklySeries {
  readonly weeks: readonly WeekPoint[];
  /** The label of the week holding today, when the range holds it (the chart's today line). */
  readonly todayLabel: string | null;
  /** 督导 of today's month: planned in it, and made in it. */
  readonly month: { readonly planned: number; readonly done: number };
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC, so no daylight-saving surprises). */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day (1970-01-01 was a Thursday). */
function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

/** Whether a region path ("达拉特旗 / 树林召镇 / …") lies in the scope's path; null scope = everything. */
export function inScopePath(regionPath: string, scopePath: string | null): boolean {
  return scopePath === null || regionPath === scopePath || regionPath.startsWith(`${scopePath} / `);
}

/**
 * Weekly series of the 督导 charts over a date range: cumulative visits planned vs. made, and
 * problems found per week. One pass over the visits (85,000 at city scale).
 */
export function weeklySeries(rows: readonly VisitRow[], scopePath: string | null, range: readonly [string, string], today: string): WeeklySeries {
  const first = mondayOf(dayNumber(range[0]));
  const rangeStart = dayNumber(range[0]);
  const rangeEnd = dayNumber(range[1]);
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
  for (const row of rows) {
    if (!inScopePath(row.regionPath, scopePath)) continue;
    if (row.plannedDate.startsWith(month)) monthPlanned++;
    if (row.doneDate.startsWith(month)) monthDone++;
    const p = weekOf(row.plannedDate);
    if (p >= 0) planned[p]!++;
    if (row.doneDate === '') continue;
    const d = weekOf(row.doneDate);
    if (d < 0) continue;
    done[d]!++;
    found[d]! += row.problems;
    rectified[d]! += row.problems - row.openProblems;
  }

  const weeks: WeekPoint[] = [];
  let plannedCum = 0;
  let doneCum = 0;
  const todayDay = dayNumber(today);
  let todayLabel: string | null = null;
  for (let i = 0; i < count; i++) {
    const start = first + 7 * i;
    plannedCum += planned[i]!;
    doneCum += done[i]!;
    const label = isoOf(start).slice(5);
    if (todayDay >= start && todayDay < start + 7 && todayDay >= rangeStart && todayDay <= rangeEnd) todayLabel = label;
    weeks.push({ label, start: isoOf(start), end: isoOf(start + 6), plannedCum, doneCum, found: found[i]!, rectified: rectified[i]! });
  }
  return { weeks, todayLabel, month: { planned: monthPlanned, done: monthDone } };
}
