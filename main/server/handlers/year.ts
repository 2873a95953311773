import type { ApiHandlers, NoticePreview } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { WorkCalendar } from '@shared/calendar/calendar';
import { dayOfDate, isoDate } from '@shared/calendar/days';
import { readHolidayNotice, type NoticeReading } from '@shared/calendar/notice-text';
import { noticeDays } from '@shared/calendar/official';
import type { DataDoc } from '@shared/storage/types';
import { calendarNotes, calendarOf } from './battlemap';
import type { HandlerContext } from './context';
import { replacePlan } from './visits';

type YearMethods = 'calendar:readNotice' | 'calendar:saveNotice' | 'calendar:removeNotice' | 'year:open';

/** The year's cycle: its holiday notice entered in 设置, and 年度切换. */
export function yearHandlers(ctx: HandlerContext): Pick<ApiHandlers, YearMethods> {
  return {
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
        doc.calendar = { ...before, notices: [...before.notices.filter((n) => n.year !== reading.year), notice].sort((a, b) => a.year - b.year) };
        ctx.log(doc, 'calendar:saveNotice', `录入 ${reading.year} 年放假通知（放假 ${reading.holidays.length} 天，调休上班 ${reading.workdays.length} 天）`, before, doc.calendar);
        return { year: reading.year, notes: calendarNotes(doc) };
      });
    },

    'year:open': async ({ year }) => {
      const previousYear = ctx.doc().profile.planYear;
      if (year <= previousYear) {
        throw new ApiError('invalid-argument', `年度切换只能开启比当前计划年度（${previousYear} 年）更晚的年度；要查看往年，请在首页或督导中选择年度`, { year: `应晚于 ${previousYear} 年` });
      }
      const today = ctx.today();
      // A year already under way is planned from today: its past quarters are not back-filled as overdue.
      const from = year === Number(today.slice(0, 4)) ? today : '';
      await ctx.backup('plan');
      return ctx.store.update((doc) => {
        const before = doc.profile;
        // Every year before the new one that has 督导 records, and the plan year left behind.
        const years = new Set([...before.closedYears, previousYear]);
        for (const v of doc.visits) for (const date of [v.plannedDate, v.doneDate ?? '']) if (date && Number(date.slice(0, 4)) < year) years.add(Number(date.slice(0, 4)));
        const closedYears = [...years].sort((a, b) => a - b);
        doc.profile = { ...before, planYear: year, closedYears };
        const plan = replacePlan(ctx, doc, year, from);
        // 承诺书 are signed per year: the new year's are due from every 在岗 cadre.
        const commitmentsDue = doc.cadres.filter((c) => c.active && !c.commitments.some((k) => k.year === year)).length;
        ctx.log(doc, 'year:open', `年度切换：开启 ${year} 年度，${closedYears.join('、')} 年度只读；计划督导 ${plan.planned} 次，待签承诺书 ${commitmentsDue} 名干部`, { planYear: before.planYear, closedYears: before.closedYears }, { planYear: year, closedYears });
        return { year, previousYear, closedYears, plan, from, commitmentsDue };
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
  const replaces = doc.calendar.notices.some((n) => n.year === reading.year) ? 'entered' : noticeDays(reading.year) ? 'built-in' : 'provisional';
  return { ...reading, replaces, changes };
}
