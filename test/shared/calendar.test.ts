import { describe, expect, it } from 'vitest';
import { addDays, noticeYearRange, parseIsoDate, weekdayOf, WorkCalendar } from '../../shared/calendar';
import { isoDate } from '../../shared/calendar/days';
import { statutoryDays } from '../../shared/calendar/statutory';

const calendar = new WorkCalendar();

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('day helpers', () => {
  it('accepts real dates only', () => {
    expect(parseIsoDate('2025-02-28')).not.toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2025-2-1')).toBeNull();
    expect(parseIsoDate('2101-01-01')).toBeNull();
    expect(weekdayOf('2025-10-01')).toBe(3);
    expect(weekdayOf('2026-02-15')).toBe(7);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('refuses an invalid date instead of guessing', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('official years from chinese-days', () => {
  it('carries the notices for 2004–2026 (chinese-days 1.5.7)', () => {
    expect(noticeYearRange()).toEqual({ first: 2004, last: 2026 });
    expect(calendar.coverage(2025)).toBe('official');
    expect(calendar.coverage(2026)).toBe('official');
    expect(calendar.yearNote(2026)).toBeNull();
  });

  it('2025 春节: 1-28 … 2-04 off, Sunday 1-26 and Saturday 2-08 working', () => {
    for (const day of range('2025-01-28', '2025-02-04')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.dayInfo('2025-01-26')).toEqual({ date: '2025-01-26', working: true, kind: 'makeup', name: '春节', source: 'official' });
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-09')).toBe(false);
    expect(calendar.holidayName('2025-01-28')).toBe('春节');
  });

  it('2025 国庆节 and 中秋节: 10-01 … 10-08 off, Sunday 9-28 and Saturday 10-11 working', () => {
    for (const day of range('2025-10-01', '2025-10-08')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.holidayName('2025-10-01')).toBe('国庆节');
    expect(calendar.holidayName('2025-10-06')).toBe('中秋节');
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false);
    expect(calendar.dayInfo('2025-10-11').kind).toBe('makeup');
  });

  it('2026 春节: 2-15 … 2-23 off, Saturdays 2-14 and 2-28 working; 元旦 make-up Sunday 1-04', () => {
    for (const day of range('2026-02-15', '2026-02-23')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
    expect(calendar.holidayName('2026-01-02')).toBe('元旦');
  });

  it('2026 国庆节: 10-01 … 10-07 off, Sunday 9-20 and Saturday 10-10 working', () => {
    for (const day of range('2026-10-01', '2026-10-07')) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('counts the working days of whole years', () => {
    // 261 weekdays − 18 weekday rest days + 5 make-up days.
    expect(calendar.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
    // 261 weekdays − 19 weekday rest days + 6 make-up days.
    expect(calendar.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('names no festival on working days and ordinary weekends', () => {
    expect(calendar.holidayName('2025-01-26')).toBeNull();
    expect(calendar.holidayName('2025-03-01')).toBeNull();
    expect(calendar.dayInfo('2025-03-01')).toEqual({ date: '2025-03-01', working: false, kind: 'weekend', name: '', source: 'official' });
  });
});

describe('working-day arithmetic', () => {
  it('adds and subtracts across 国庆节 2025', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    expect(calendar.addWorkingDays('2025-10-11', -3)).toBe('2025-09-30');
  });

  it('adds across 春节 2025 and 2026', () => {
    expect(calendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
  });

  it('n = 0 gives the day itself when working, else the next working day', () => {
    expect(calendar.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-10-03', 0)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-27', 0)).toBe('2025-09-28');
  });

  it('next/previous are strict; on-or-before/after keep a working day', () => {
    expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(calendar.previousWorkingDay('2025-10-09')).toBe('2025-09-30');
    expect(calendar.previousWorkingDay('2025-09-30')).toBe('2025-09-29');
    expect(calendar.workingDayOnOrBefore('2025-10-05')).toBe('2025-09-30');
    expect(calendar.workingDayOnOrBefore('2025-09-30')).toBe('2025-09-30');
    expect(calendar.workingDayOnOrAfter('2025-10-05')).toBe('2025-10-09');
  });

  it('counts working days inclusively, 0 for a reversed range', () => {
    // 9-29, 9-30, 10-09, 10-10 and the make-up Saturday 10-11.
    expect(calendar.workingDaysBetween('2025-09-29', '2025-10-12')).toBe(5);
    expect(calendar.workingDaysIn('2025-09-29', '2025-10-12')).toEqual([
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
    expect(calendar.workingDaysBetween('2025-10-12', '2025-09-29')).toBe(0);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-01')).toBe(0);
    expect(calendar.workingDaysBetween('2025-09-30', '2025-09-30')).toBe(1);
  });

  it('workingDayDiff inverts addWorkingDays between working days', () => {
    expect(calendar.workingDayDiff('2025-09-30', '2025-10-09')).toBe(1);
    expect(calendar.workingDayDiff('2025-10-09', '2025-09-30')).toBe(-1);
    const days = calendar.workingDaysIn('2024-12-20', '2027-01-10');
    for (let i = 0; i < days.length; i += 37) {
      for (let j = 0; j < days.length; j += 53) {
        const a = days[i] ?? '';
        const b = days[j] ?? '';
        const diff = calendar.workingDayDiff(a, b);
        expect(diff).toBe(j - i);
        expect(calendar.addWorkingDays(a, diff)).toBe(b);
      }
    }
  });

  it('crosses from an official year into a provisional one', () => {
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});

describe('years chinese-days does not carry (provisional)', () => {
  it('2035 follows the national rules, with 补假 for festivals on a weekend, and says so', () => {
    const cal = new WorkCalendar();
    expect(cal.coverage(2035)).toBe('provisional');
    // 元旦 Mon 1-01; 春节 除夕 2-07 … 初三 2-10 (Saturday, made up on Monday 2-12); 清明 4-05;
    // 劳动节 5-01/02; 端午 6-10 (Sunday → 6-11); 中秋 9-16 (Sunday → 9-17); 国庆 10-01 … 10-03.
    const off = [
      '2035-01-01',
      '2035-02-07',
      '2035-02-08',
      '2035-02-09',
      '2035-02-10',
      '2035-02-12',
      '2035-04-05',
      '2035-05-01',
      '2035-05-02',
      '2035-06-10',
      '2035-06-11',
      '2035-09-16',
      '2035-09-17',
      '2035-10-01',
      '2035-10-02',
      '2035-10-03',
    ];
    expect(statutoryDays(2035).map((d) => isoDate(d.day))).toEqual(off);
    for (const day of off) expect(cal.isWorkingDay(day), day).toBe(false);
    expect(cal.dayInfo('2035-02-08')).toEqual({ date: '2035-02-08', working: false, kind: 'holiday', name: '春节', source: 'provisional' });
    expect(cal.isWorkingDay('2035-10-04')).toBe(true);
    // No 调休: the Saturday before 国庆 stays a rest day.
    expect(cal.isWorkingDay('2035-09-29')).toBe(false);
    const note = cal.yearNote(2035) ?? '';
    expect(note).toContain('2035 年的放假安排尚未发布（内置节假日数据截至 2026 年）');
    expect(note).toContain('暂按法定节假日计算，未含调休；通知发布后请在设置“节假日与调休”中录入放假通知');
    expect(cal.warnings()).toEqual([note]);
  });

  it('2027 (the default plan year) is provisional in chinese-days 1.5.7', () => {
    expect(calendar.coverage(2027)).toBe('provisional');
    expect(calendar.holidayName('2027-02-06')).toBe('春节');
    expect(calendar.warnings().some((w) => w.startsWith('2027 年的放假安排尚未发布'))).toBe(true);
  });

  it('the rules reproduce every statutory rest day of the 2025 and 2026 notices', () => {
    for (const year of [2025, 2026]) {
      for (const { day, name } of statutoryDays(year)) {
        expect(calendar.dayInfo(isoDate(day)), `${isoDate(day)} ${name}`).toMatchObject({ working: false, kind: 'holiday' });
      }
    }
  });

  it('a year before the data is provisional too, with its own note', () => {
    expect(calendar.yearNote(2003)).toMatch(/^内置节假日数据不含 2003 年，暂按法定节假日计算/);
  });

  it('gives the same answers in any time zone', () => {
    const saved = process.env.TZ;
    const answers = (): unknown => {
      const cal = new WorkCalendar();
      return [2025, 2026, 2031, 2035, 2050].map((y) => [
        cal.coverage(y),
        statutoryDays(y).map((d) => isoDate(d.day)),
        cal.workingDaysBetween(`${y}-01-01`, `${y}-12-31`),
      ]);
    };
    try {
      process.env.TZ = 'Asia/Shanghai';
      const east = answers();
      process.env.TZ = 'America/Los_Angeles';
      // Only meaningful when the runtime honours the change.
      expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(480);
      expect(answers()).toEqual(east);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('office days on top', () => {
  const office = new WorkCalendar({
    extraHolidays: ['2025-06-03', '2035-10-04', '2035-10-05', 'bad', '2035-09-30'],
    extraWorkdays: ['2035-09-29', '2035-09-30', '2025-10-08'],
  });

  it('adds days off and working days, marked as the office’s', () => {
    expect(office.isWorkingDay('2025-06-03')).toBe(false);
    expect(office.dayInfo('2025-06-03')).toMatchObject({ kind: 'holiday', source: 'office' });
    expect(office.isWorkingDay('2025-10-08')).toBe(true);
    expect(office.dayInfo('2025-10-08')).toMatchObject({ kind: 'workday', source: 'office', name: '' });
    expect(office.isWorkingDay('2035-09-29')).toBe(true);
    expect(office.dayInfo('2035-09-29')).toMatchObject({ kind: 'makeup', source: 'office' });
    expect(office.isWorkingDay('2035-10-04')).toBe(false);
    expect(office.addWorkingDays('2035-09-28', 1)).toBe('2035-09-29');
    expect(office.addWorkingDays('2035-10-03', 1)).toBe('2035-10-08');
    expect(office.coverage(2035)).toBe('provisional');
  });

  it('reports bad and conflicting entries, and counts entered days in the year note', () => {
    office.isWorkingDay('2035-01-02');
    expect(office.warnings()).toEqual([
      '设置中录入的放假日期“bad”无效，已忽略',
      '2035-09-30 同时录入为放假日和上班日，暂按上班日计算，请在设置中核对',
      expect.stringContaining('已计入设置中录入的该年 4 个放假或上班日期'),
    ]);
  });
});
