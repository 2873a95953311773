import { isoDate, mondayOfDay, parseIsoDate } from '@shared/calendar/days';

export const WEEK_WIDTH = 40;
export const DAY_WIDTH = WEEK_WIDTH / 7;

export interface WeekColumn {
  /** Monday. */
  readonly start: string;
  /** M/D of the Monday. */
  readonly label: string;
}

export interface MonthSpan {
  readonly label: string;
  readonly left: number;
  readonly width: number;
}

export interface Timeline {
  /** Day number of the first Monday shown. */
  readonly origin: number;
  readonly weeks: readonly WeekColumn[];
  readonly months: readonly MonthSpan[];
  readonly width: number;
}

/**
 * Whole weeks (Monday–Sunday) covering every date given; invalid or empty dates are ignored.
 * Months are labelled over the weeks whose Monday falls in them.
 */
export function buildTimeline(dates: readonly string[]): Timeline {
  const days = dates.map((d) => parseIsoDate(d)).filter((d): d is number => d !== null);
  if (days.length === 0) return { origin: 0, weeks: [], months: [], width: 0 };
  const origin = mondayOfDay(Math.min(...days));
  const last = mondayOfDay(Math.max(...days));
  const weeks: WeekColumn[] = [];
  const months: MonthSpan[] = [];
  for (let monday = origin; monday <= last; monday += 7) {
    const start = isoDate(monday);
    const month = Number(start.slice(5, 7));
    weeks.push({ start, label: `${month}/${Number(start.slice(8, 10))}` });
    const label = `${start.slice(0, 4)}年${month}月`;
    const left = ((monday - origin) / 7) * WEEK_WIDTH;
    const current = months.at(-1);
    if (current && current.label === label) months[months.length - 1] = { ...current, width: current.width + WEEK_WIDTH };
    else months.push({ label, left, width: WEEK_WIDTH });
  }
  return { origin, weeks, months, width: weeks.length * WEEK_WIDTH };
}

/** Left edge of a day, in pixels from the timeline's start; null outside it or for a bad date. */
export function dayLeft(timeline: Timeline, date: string): number | null {
  const day = parseIsoDate(date);
  if (day === null || timeline.weeks.length === 0) return null;
  const x = (day - timeline.origin) * DAY_WIDTH;
  return x < 0 || x >= timeline.width ? null : x;
}

/** A bar from the start of `start` to the end of `finish`. */
export function barBox(timeline: Timeline, start: string, finish: string): { readonly left: number; readonly width: number } | null {
  const from = parseIsoDate(start);
  const to = parseIsoDate(finish);
  if (from === null || to === null || to < from) return null;
  return { left: (from - timeline.origin) * DAY_WIDTH, width: Math.max(DAY_WIDTH, (to - from + 1) * DAY_WIDTH) };
}

export function shortDate(date: string): string {
  return date ? `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}` : '';
}
