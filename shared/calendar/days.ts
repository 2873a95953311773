/**
 * 'YYYY-MM-DD' dates as whole day numbers (days since 1970-01-01). All arithmetic is on these
 * numbers through UTC, so the result never depends on the time zone of the PC.
 */

const DAY_MS = 86_400_000;

/** The years the calendar can answer for: chinese-days converts lunar dates for 1901–2100. */
export const MIN_YEAR = 1901;
export const MAX_YEAR = 2100;

/** Day number of a real date within MIN_YEAR–MAX_YEAR, or null ('2025-02-30', '25-1-1', ''). */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over into March; a real date survives the round trip.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** Day number of a date the caller has already validated; a bad one is a programming error. */
export function dayNumber(text: string): number {
  const day = parseIsoDate(text);
  if (day === null) throw new RangeError(`日期“${text}”无效或超出 ${MIN_YEAR}—${MAX_YEAR} 年的范围`);
  return day;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayOfDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday of the week (Monday–Sunday) holding the day. */
export function mondayOfDay(day: number): number {
  return day - weekdayOfDay(day) + 1;
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(dayNumber(date));
}

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? '';
}
