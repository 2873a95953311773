// Default import only: in Node the package is a UMD bundle whose named exports Node cannot see,
// while its default (module.exports there, the ESM default in bundlers) carries every function.
import chineseDays from 'chinese-days';
// The notices as data, not through isWorkday/getDayDetail: the package builds those tables at
// import time in local time, and west of Greenwich every date in them lands a day early.
import notices from 'chinese-days/dist/chinese-days.json';
import { dayOfDate, parseIsoDate, yearOfDay } from './days';

/**
 * The bridge to chinese-days: the State Council holiday notices it carries (rest days and 调休
 * working days) and its lunar and solar-term conversions.
 */

/** One day a notice names: a rest day or a 调休 working day, with its festival. */
export interface NoticeDay {
  readonly day: number;
  readonly working: boolean;
  readonly name: string;
}

// chinese-days names days "English,中文,天数"; the office reads the festival's full name.
const FESTIVAL_NAMES: Readonly<Record<string, string>> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
};

function festivalName(raw: string): string {
  const [english = '', chinese = ''] = raw.split(',');
  return FESTIVAL_NAMES[english] ?? (chinese || english);
}

let byYear: Map<number, NoticeDay[]> | undefined;

function noticesByYear(): Map<number, NoticeDay[]> {
  if (byYear) return byYear;
  const map = new Map<number, NoticeDay[]>();
  const add = (table: Readonly<Record<string, string>>, working: boolean): void => {
    for (const [date, raw] of Object.entries(table)) {
      const day = parseIsoDate(date);
      if (day === null) continue;
      const year = yearOfDay(day);
      const list = map.get(year) ?? [];
      list.push({ day, working, name: festivalName(raw) });
      map.set(year, list);
    }
  };
  add(notices.holidays, false);
  add(notices.workdays, true);
  byYear = map;
  return map;
}

/** Whether the package carries the year's notice: its 元旦 and 国庆节 (the first and last items) are listed. */
function hasNotice(year: number): boolean {
  const days = new Set((noticesByYear().get(year) ?? []).map((d) => d.day));
  return days.has(dayOfDate(year, 1, 1)) && days.has(dayOfDate(year, 10, 1));
}

/** Every day of the year the notice names, or null when the package lacks the year's notice. */
export function noticeDays(year: number): NoticeDay[] | null {
  return hasNotice(year) ? (noticesByYear().get(year) ?? []) : null;
}

/** The first and last years whose notices the package carries. */
export function noticeYearRange(): { readonly first: number; readonly last: number } | null {
  const years = [...noticesByYear().keys()].filter(hasNotice);
  return years.length === 0 ? null : { first: Math.min(...years), last: Math.max(...years) };
}

/** Solar day of a date in a lunar year's ordinary (non-leap) month. */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number): number {
  // The package reads the lunar date back from a Date with local-time getters, so a local
  // midnight is exact in any time zone; the months used here (1, 5, 8) and days (≤ 15) are real
  // solar dates too, so the Date does not roll over.
  const { date } = chineseDays.getSolarDateFromLunar(new Date(lunarYear, lunarMonth - 1, lunarDay));
  return requireDay(date);
}

/** The day of the solar term 清明 in the year. */
export function qingmingDay(year: number): number {
  const text = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const printed = requireDay(text);
  // The package builds UTC midnight of the true day and prints it in local time: take the day
  // whose UTC midnight prints as this text here (the same day east of Greenwich, the next west).
  for (const candidate of [printed, printed + 1]) {
    const local = new Date(candidate * 86_400_000);
    const shown = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
    if (shown === text) return candidate;
  }
  return printed;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function requireDay(text: string): number {
  const day = parseIsoDate(text);
  if (day === null) throw new RangeError(`农历换算得到无效日期“${text}”`);
  return day;
}
