import { dayNumber, dayOfDate, isoDate, MAX_YEAR, MIN_YEAR, parseIsoDate, weekdayOfDay, yearOfDay } from './days';
import type { EnteredNotice } from './notice-text';
import { noticeDays, noticeYearRange, type NoticeDay } from './official';
import { statutoryDays } from './statutory';

/** 'official': the State Council notice is known; 'provisional': computed from the national rules, no 调休. */
export type Coverage = 'official' | 'provisional';
/** workday/weekend: an ordinary day; holiday: a rest day (festival, 调休 or office); makeup: a 调休 working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';
export type DaySource = Coverage | 'office';

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The festival a rest or make-up day belongs to (春节, 国庆节 …); '' on ordinary days. */
  readonly name: string;
  /** Where the answer comes from: the notice, the national rules, or the office's own settings. */
  readonly source: DaySource;
}

export interface WorkCalendarOptions {
  /** Days off the office adds (or a notice's rest days for a year not yet built in). */
  readonly extraHolidays?: readonly string[];
  /** Working days the office adds (调休 Saturdays of a year not yet built in). Wins over extraHolidays. */
  readonly extraWorkdays?: readonly string[];
  /** Holiday notices entered in 设置: each replaces the built-in (or provisional) days of its year. */
  readonly notices?: readonly EnteredNotice[];
}

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;

interface YearTable {
  readonly first: number;
  readonly coverage: Coverage;
  /** Index into KINDS per day of the year. */
  readonly kinds: Uint8Array;
  readonly names: ReadonlyMap<number, string>;
  readonly officeDays: ReadonlySet<number>;
}

/**
 * China's working-day calendar (docs/domain.md#工作日历的规则): weekends, the official holidays and 调休 working
 * days from the chinese-days package or from a notice entered in 设置, the statutory holidays for
 * years neither carries (marked provisional, with a note), and the office's own extra days off and
 * working days on top.
 *
 * Dates are 'YYYY-MM-DD' strings between 1901 and 2100; an invalid one throws a RangeError
 * (callers validate user input first, see parseIsoDate). Year tables are built on first use.
 */
export class WorkCalendar {
  private readonly extraHolidays = new Set<number>();
  private readonly extraWorkdays = new Set<number>();
  private readonly configWarnings: string[] = [];
  private readonly years = new Map<number, YearTable>();
  // Day-by-day walks stay inside one year for long stretches: skip the map lookup then.
  private last: YearTable | undefined;
  private noticeRange: { readonly first: number; readonly last: number } | null | undefined;
  /** The days of the notices entered in 设置, by the notice's year. */
  private readonly enteredNotices = new Map<number, NoticeDay[]>();

  constructor(options: WorkCalendarOptions = {}) {
    for (const notice of options.notices ?? []) {
      const days: NoticeDay[] = [];
      for (const [list, working] of [
        [notice.holidays, false],
        [notice.workdays, true],
      ] as const) {
        for (const entry of list) {
          const day = parseIsoDate(entry.date);
          if (day !== null) days.push({ day, working, name: entry.name });
        }
      }
      this.enteredNotices.set(notice.year, days);
    }
    for (const text of options.extraWorkdays ?? []) {
      const day = parseIsoDate(text);
      if (day === null) this.configWarnings.push(`设置中录入的上班日期“${text}”无效，已忽略`);
      else this.extraWorkdays.add(day);
    }
    for (const text of options.extraHolidays ?? []) {
      const day = parseIsoDate(text);
      if (day === null) this.configWarnings.push(`设置中录入的放假日期“${text}”无效，已忽略`);
      else if (this.extraWorkdays.has(day)) this.configWarnings.push(`${text} 同时录入为放假日和上班日，暂按上班日计算，请在设置中核对`);
      else this.extraHolidays.add(day);
    }
  }

  isWorkingDay(date: string): boolean {
    return this.workingAt(dayNumber(date));
  }

  dayInfo(date: string): DayInfo {
    const day = dayNumber(date);
    const table = this.tableOf(day);
    const kind = KINDS[table.kinds[day - table.first] ?? WORKDAY] ?? 'workday';
    return {
      date,
      working: kind === 'workday' || kind === 'makeup',
      kind,
      name: table.names.get(day) ?? '',
      source: table.officeDays.has(day) ? 'office' : table.coverage,
    };
  }

  /** The festival of a rest day (春节, 国庆节 …); null on working days and ordinary weekends. */
  holidayName(date: string): string | null {
    const info = this.dayInfo(date);
    return info.kind === 'holiday' && info.name !== '' ? info.name : null;
  }

  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string {
    return isoDate(this.step(dayNumber(date), 1, 1));
  }

  /** The last working day strictly before the date. */
  previousWorkingDay(date: string): string {
    return isoDate(this.step(dayNumber(date), -1, 1));
  }

  /** The date itself when it is a working day, else the next one (a start moved off a holiday). */
  workingDayOnOrAfter(date: string): string {
    const day = dayNumber(date);
    return isoDate(this.workingAt(day) ? day : this.step(day, 1, 1));
  }

  /** The date itself when it is a working day, else the previous one (a deadline or 周调度 moved off a holiday). */
  workingDayOnOrBefore(date: string): string {
    const day = dayNumber(date);
    return isoDate(this.workingAt(day) ? day : this.step(day, -1, 1));
  }

  /**
   * The n-th working day after the date (n < 0: before it); the date itself is not counted, so
   * Friday + 1 is the next Monday in an ordinary week. n = 0 gives workingDayOnOrAfter(date).
   */
  addWorkingDays(date: string, n: number): string {
    const day = dayNumber(date);
    if (n === 0) return isoDate(this.workingAt(day) ? day : this.step(day, 1, 1));
    return isoDate(this.step(day, Math.sign(n), Math.abs(n)));
  }

  /** How many working days lie in from…to, both ends included; 0 when to is before from. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = dayNumber(from), end = dayNumber(to); day <= end; day++) if (this.workingAt(day)) count++;
    return count;
  }

  /**
   * Signed working-day distance: the working days in (from, to] when to ≥ from, minus those in
   * [to, from) otherwise. For working days a and b, addWorkingDays(a, workingDayDiff(a, b)) === b.
   */
  workingDayDiff(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    let count = 0;
    if (b >= a) for (let day = a + 1; day <= b; day++) count += this.workingAt(day) ? 1 : 0;
    else for (let day = b; day < a; day++) count -= this.workingAt(day) ? 1 : 0;
    return count;
  }

  /** Every working day in from…to, both ends included, in order. */
  workingDaysIn(from: string, to: string): string[] {
    const days: string[] = [];
    for (let day = dayNumber(from), end = dayNumber(to); day <= end; day++) if (this.workingAt(day)) days.push(isoDate(day));
    return days;
  }

  coverage(year: number): Coverage {
    return this.tableOf(dayOfDate(year, 1, 1)).coverage;
  }

  /** Why a year's answers may change (provisional years), in Chinese; null for a year the notice covers. */
  yearNote(year: number): string | null {
    if (this.coverage(year) === 'official') return null;
    this.noticeRange ??= noticeYearRange();
    const range = this.noticeRange;
    const missing =
      range && year > range.last ? `${year} 年的放假安排尚未发布（内置节假日数据截至 ${range.last} 年）` : `内置节假日数据不含 ${year} 年`;
    const entered = [...this.extraHolidays, ...this.extraWorkdays].filter((day) => yearOfDay(day) === year).length;
    const office = entered > 0 ? `；已计入设置中录入的该年 ${entered} 个放假或上班日期，请核对是否与通知一致` : '';
    return `${missing}，暂按法定节假日计算，未含调休；通知发布后请在设置“节假日与调休”中录入放假通知${office}。`;
  }

  /** Problems with the settings, then the notes of every provisional year consulted so far. */
  warnings(): string[] {
    const notes = [...this.years.keys()]
      .sort((a, b) => a - b)
      .map((year) => this.yearNote(year))
      .filter((note): note is string => note !== null);
    return [...this.configWarnings, ...notes];
  }

  private workingAt(day: number): boolean {
    const table = this.tableOf(day);
    const kind = table.kinds[day - table.first];
    return kind === WORKDAY || kind === MAKEUP;
  }

  /** Walks `count` working days from the day (not counted) in direction `sign`. */
  private step(day: number, sign: number, count: number): number {
    let left = count;
    let current = day;
    while (left > 0) {
      current += sign;
      if (this.workingAt(current)) left--;
    }
    return current;
  }

  private tableOf(day: number): YearTable {
    const last = this.last;
    if (last && day >= last.first && day - last.first < last.kinds.length) return last;
    const year = yearOfDay(day);
    let table = this.years.get(year);
    if (!table) {
      // Outside these years the lunar conversion has no data: refuse rather than guess.
      if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`日期超出日历支持的范围（${MIN_YEAR}—${MAX_YEAR} 年）`);
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    this.last = table;
    return table;
  }

  private buildYear(year: number): YearTable {
    const first = dayOfDate(year, 1, 1);
    const kinds = new Uint8Array(dayOfDate(year + 1, 1, 1) - first);
    for (let i = 0; i < kinds.length; i++) kinds[i] = weekdayOfDay(first + i) > 5 ? WEEKEND : WORKDAY;
    const inYear = (day: number): boolean => day >= first && day - first < kinds.length;
    // A notice entered in 设置 wins over the package's; the next year's may name the last days of this one (元旦).
    const entered = this.enteredNotices.get(year);
    const notice = entered ?? noticeDays(year);
    const names = new Map<number, string>();
    for (const entry of [...(notice ?? statutoryDays(year)), ...(this.enteredNotices.get(year + 1) ?? [])]) {
      if (!inYear(entry.day)) continue;
      kinds[entry.day - first] = entry.working ? MAKEUP : HOLIDAY;
      names.set(entry.day, entry.name);
    }
    const officeDays = new Set<number>();
    for (const day of this.extraHolidays) {
      if (!inYear(day)) continue;
      kinds[day - first] = HOLIDAY;
      if (!names.has(day)) names.set(day, '放假（设置录入）');
      officeDays.add(day);
    }
    for (const day of this.extraWorkdays) {
      if (!inYear(day)) continue;
      if (weekdayOfDay(day) > 5) {
        kinds[day - first] = MAKEUP;
        names.set(day, '上班（设置录入）');
      } else {
        kinds[day - first] = WORKDAY;
        names.delete(day);
      }
      officeDays.add(day);
    }
    return { first, coverage: notice ? 'official' : 'provisional', kinds, names, officeDays };
  }
}
