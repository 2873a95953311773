import type { ApiHandlers, NoticePreview } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { WorkCalendar } from '@shared/calendar/calendar';
import { dayOfDate, isoDate } from '@shared/calendar/days';
import { readHolidayNotice, type NoticeReading } from '@shared/calendar/notice-text';
import { noticeDays } from '@shared/calendar/official';
import type { DataDoc } from '@shared/storage/types';
import type { HandlerContext } from './context';

type CalendarMethods = 'calendar:save' | 'calendar:readNotice' | 'calendar:saveNotice' | 'calendar:removeNotice';

export function calendarOf(doc: DataDoc): WorkCalendar {
  return new WorkCalendar(doc.calendar);
}

/** What the office must know about the calendar: the plan year's note first, then any others. */
export function calendarNotes(doc: DataDoc, calendar: WorkCalendar = calendarOf(doc)): string[] {
  const planYear = calendar.yearNote(doc.profile.planYear);
  return [...new Set([...(planYear ? [planYear] : []), ...calendar.warnings()])];
}

/** The office's working-day calendar: its own holidays and 调休, and the year's holiday notice entered in 设置. */
export function calendarHandlers(ctx: HandlerContext): Pick<ApiHandlers, CalendarMethods> {
  return {
    'calendar:save': async ({ extraHolidays, extraWorkdays }) =>
      ctx.store.update((doc) => {
        const before = doc.calendar;
        doc.calendar = { ...before, extraHolidays: [...new Set(extraHolidays)].sort(), extraWorkdays: [...new Set(extraWorkdays)].sort() };
        ctx.log(
          doc,
          'calendar:save',
          `修改本单位节假日与调休（休息 ${extraHolidays.length} 天，上班 ${extraWorkdays.length} 天）`,
          before,
          doc.calendar,
        );
        return { notes: calendarNotes(doc) };
      }),

    'calendar:readNotice': async ({ text, year }) => {
      const doc = ctx.doc();
      const reading = readNotice(text, year);
      return preview(doc, reading);
    },

    'calendar:saveNotice': async ({ text, year }) => {
      const reading = readNotice(text, year);
      return ctx.store.update((doc) => {
        const before = doc.calendar;
        const notice = { year: reading.year, holidays: [...reading.holidays], workdays: [...reading.workdays], enteredOn: ctx.today() };
        doc.calendar = {
          ...before,
          notices: [...before.notices.filter((n) => n.year !== reading.year), notice].sort((a, b) => a.year - b.year),
        };
        ctx.log(
          doc,
          'calendar:saveNotice',
          `录入 ${reading.year} 年放假通知（放假 ${reading.holidays.length} 天，调休上班 ${reading.workdays.length} 天）`,
          before,
          doc.calendar,
        );
        return { year: reading.year, notes: calendarNotes(doc) };
      });
    },

    'calendar:removeNotice': async ({ year }) =>
      ctx.store.update((doc) => {
        const before = doc.calendar;
        if (!before.notices.some((n) => n.year === year)) throw new ApiError('not-found', `没有录入过 ${year} 年的放假通知`);
        doc.calendar = { ...before, notices: before.notices.filter((n) => n.year !== year) };
        ctx.log(doc, 'calendar:removeNotice', `删除录入的 ${year} 年放假通知，恢复内置日历`, before, doc.calendar);
        return { notes: calendarNotes(doc) };
      }),
  };
}

function readNotice(text: string, year: number | undefined): NoticeReading {
  const reading = readHolidayNotice(text, year);
  if ('problem' in reading) throw new ApiError('invalid-argument', reading.problem, { text: reading.problem });
  return reading;
}

/** The reading with what it would change: each day of the year whose working or rest status differs from now. */
function preview(doc: DataDoc, reading: NoticeReading): NoticePreview {
  const now = calendarOf(doc);
  const next = new WorkCalendar({ ...doc.calendar, notices: [...doc.calendar.notices.filter((n) => n.year !== reading.year), reading] });
  const changes: string[] = [];
  for (let day = dayOfDate(reading.year, 1, 1); day < dayOfDate(reading.year + 1, 1, 1); day++) {
    const date = isoDate(day);
    const after = next.dayInfo(date);
    if (now.isWorkingDay(date) === after.working) continue;
    changes.push(`${date} ${after.working ? '放假 → 上班' : '上班 → 放假'}${after.name ? `（${after.name}）` : ''}`);
  }
  const replaces = doc.calendar.notices.some((n) => n.year === reading.year)
    ? 'entered'
    : noticeDays(reading.year)
      ? 'built-in'
      : 'provisional';
  return { ...reading, replaces, changes };
}
