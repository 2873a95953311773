import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDate, WorkCalendar } from '../../shared/calendar';
import { readHolidayNotice, type NoticeReading } from '../../shared/calendar/notice-text';
import { noticeDays } from '../../shared/calendar/official';

/** The State Council notices for 2025 and 2026 as published (新华社), pasted as a clerk would. */
const noticeText = (year: number): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'holiday-notices', `${year}.txt`), 'utf8');

function read(text: string, year?: number): NoticeReading {
  const reading = readHolidayNotice(text, year);
  if ('problem' in reading) throw new Error(reading.problem);
  return reading;
}

describe('国务院办公厅 holiday notice pasted into 设置', () => {
  for (const year of [2025, 2026]) {
    it(`reads the real ${year} notice exactly as the built-in calendar has it`, () => {
      const reading = read(noticeText(year));
      expect(reading.year).toBe(year);
      expect(reading.warnings).toEqual([]);
      const builtIn = noticeDays(year) ?? [];
      expect(reading.holidays.map((d) => d.date)).toEqual(
        builtIn
          .filter((d) => !d.working)
          .map((d) => isoDate(d.day))
          .sort(),
      );
      expect(reading.workdays.map((d) => d.date)).toEqual(
        builtIn
          .filter((d) => d.working)
          .map((d) => isoDate(d.day))
          .sort(),
      );
    });
  }

  it('says what it read, festival by festival', () => {
    expect(read(noticeText(2026)).summary).toEqual([
      '元旦：1月1日至1月3日放假，共 3 天；1月4日上班',
      '春节：2月15日至2月23日放假，共 9 天；2月14日、2月28日上班',
      '清明节：4月4日至4月6日放假，共 3 天；不调休',
      '劳动节：5月1日至5月5日放假，共 5 天；5月9日上班',
      '端午节：6月19日至6月21日放假，共 3 天；不调休',
      '中秋节：9月25日至9月27日放假，共 3 天；不调休',
      '国庆节：10月1日至10月7日放假，共 7 天；9月20日、10月10日上班',
    ]);
    const y2025 = read(noticeText(2025));
    expect(y2025.summary[0]).toBe('元旦：1月1日放假，共 1 天；不调休');
    expect(y2025.summary[1]).toBe('春节：1月28日至2月4日放假，共 8 天；1月26日、2月8日上班');
    expect(y2025.holidays.find((d) => d.date === '2025-10-06')?.name).toBe('国庆节');
  });

  it('reads the items pasted on one line, with half-width brackets, for a year given apart', () => {
    const oneLine = noticeText(2026)
      .replace(/.*现将2026年/s, '')
      .replace(/\s+/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
    const reading = read(oneLine.replace(/^.*?如下。/, ''), 2026);
    expect(reading.holidays).toEqual(read(noticeText(2026)).holidays);
    expect(reading.workdays).toHaveLength(6);
  });

  it('names what does not add up, and refuses text that is not a notice', () => {
    const wrong = read(noticeText(2026).replace('共9天', '共8天').replace('2月28日（周六）', '2月27日（周五）'));
    expect(wrong.warnings).toEqual(['“春节”通知写共 8 天，读到 9 天，请核对', '2026-02-27 是工作日，通知却写为调休上班，请核对']);
    expect(readHolidayNotice('今天天气很好', 2027)).toEqual({ problem: expect.stringContaining('没有读到放假安排') });
    expect(readHolidayNotice('一、元旦：1月1日放假。')).toEqual({ problem: expect.stringContaining('没有读到通知的年度') });
  });

  it('replaces the provisional calendar of a year the package does not carry', () => {
    // The 2026 notice's days moved to 2027 stand in for a 2027 notice the package lacks.
    const as2027 = read(noticeText(2026).replaceAll('2026年', '2027年'));
    const provisional = new WorkCalendar();
    expect(provisional.coverage(2027)).toBe('provisional');
    const entered = new WorkCalendar({ notices: [as2027] });
    expect(entered.coverage(2027)).toBe('official');
    expect(entered.yearNote(2027)).toBeNull();
    // 2027-02-14 is a Sunday the notice makes a working day; 2027-02-22 a Monday it gives off.
    expect(entered.dayInfo('2027-02-14')).toMatchObject({ working: true, kind: 'makeup', name: '春节' });
    expect(entered.dayInfo('2027-02-22')).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    expect(provisional.isWorkingDay('2027-02-22')).toBe(true);
    expect(entered.holidayName('2027-10-05')).toBe('国庆节');
  });
});
