import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library(today: string) {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date(`${today}T08:00:00Z`) });
  const doc = smallDoc();
  doc.assignments.push({ id: 'a2', entityId: 'e2', cadreId: 'c2', start: '2027-01-02', end: '', reason: '新建', endReason: '', manual: false });
  await store.replace(doc);
  return { handlers, store };
}

describe('从今天起排', () => {
  it('plans only the rest of the year on 5 December: nothing before today, past quarters not back-filled as overdue', async () => {
    const { handlers } = await library('2027-12-05');
    const result = await handlers['visits:plan']({ year: 2027, fromToday: true });
    // Two 主体, one visit each in what is left of the fourth quarter.
    expect(result.planned).toBe(2);
    expect(result.notes).toContain('从 2027-12-05 起排：此前已过去的 6 个督导周期不再补排，不计为逾期');
    const visits = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' });
    expect(visits.map((v) => v.plannedDate >= '2027-12-05' && v.plannedDate <= '2027-12-31')).toEqual([true, true]);
    const stats = await handlers['stats:get']({ regionId: '', year: 2027 });
    expect(stats.visits.byQuarter).toEqual([{ planned: 0, done: 0 }, { planned: 0, done: 0 }, { planned: 0, done: 0 }, { planned: 2, done: 0 }]);

    // The whole year instead: eight visits, at least the first three quarters' six before today (what 从今天起排 avoids).
    expect((await handlers['visits:plan']({ year: 2027 })).planned).toBe(8);
    const before = (await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' })).filter((v) => v.plannedDate < '2027-12-05');
    expect(before.length).toBeGreaterThanOrEqual(6);
    // Planning again from today keeps the visits already before today as they were, and does not plan their quarters twice.
    const again = await handlers['visits:plan']({ year: 2027, fromToday: true });
    expect(again.planned).toBe(8 - before.length);
    expect(again.notes).toContain(`2027-12-05 之前已排定、尚未完成的 ${before.length} 个督导周期保留原计划（已逾期的请尽快完成），不重复安排`);
    expect(await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' })).toHaveLength(8);
  });

  it('refuses to plan a year already over from today, saying what to choose', async () => {
    const { handlers } = await library('2027-12-05');
    expect(await dispatch(handlers, 'visits:plan', { year: 2026, fromToday: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: '2026 年已经过去，不能从今天起排；请选择今年或下一年' },
    });
  });
});

const noticeText = (year: number): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'holiday-notices', `${year}.txt`), 'utf8');

describe('放假通知 entered in 设置', () => {
  it('reads the real 2026 notice as the built-in calendar has it: nothing changes', async () => {
    const { handlers } = await library('2026-12-05');
    const preview = await handlers['calendar:readNotice']({ text: noticeText(2026) });
    expect(preview).toMatchObject({ year: 2026, replaces: 'built-in', changes: [], warnings: [] });
    expect(preview.holidays).toHaveLength(33);
    expect(preview.workdays).toHaveLength(6);
  });

  it('replaces the provisional calendar of a year in one step, and plans on it', async () => {
    const { handlers } = await library('2026-12-05');
    // The 2026 notice's days moved to 2027 stand in for the 2027 notice, which the package lacks.
    const text = noticeText(2026).replaceAll('2026年', '2027年');
    expect((await handlers['profile:get']({})).calendarNotes.join()).toContain('2027 年的放假安排尚未发布');
    const preview = await handlers['calendar:readNotice']({ text });
    expect(preview.replaces).toBe('provisional');
    expect(preview.changes).toContain('2027-02-14 放假 → 上班（春节）');
    expect(preview.changes).toContain('2027-02-22 上班 → 放假（春节）');
    expect(await handlers['calendar:saveNotice']({ text })).toMatchObject({ year: 2027 });
    const { calendar, calendarNotes } = await handlers['profile:get']({});
    expect(calendar.notices.map((n) => [n.year, n.holidays.length, n.workdays.length, n.enteredOn])).toEqual([[2027, 33, 6, '2026-12-05']]);
    expect(calendarNotes.join()).not.toContain('2027 年');
    // The office's own days are kept beside the notice.
    await handlers['calendar:save']({ extraHolidays: ['2027-03-08'], extraWorkdays: [] });
    expect((await handlers['profile:get']({})).calendar.notices).toHaveLength(1);
    await handlers['visits:plan']({ year: 2027 });
    const days = (await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' })).map((v) => v.plannedDate);
    expect(days.filter((d) => d >= '2027-02-15' && d <= '2027-02-23')).toEqual([]);

    await handlers['calendar:removeNotice']({ year: 2027 });
    expect((await handlers['profile:get']({})).calendarNotes.join()).toContain('2027 年的放假安排尚未发布');
  });

  it('says what to paste when the text is not a notice', async () => {
    const { handlers } = await library('2026-12-05');
    expect(await dispatch(handlers, 'calendar:readNotice', { text: '关于做好元旦期间食品安全工作的通知', year: 2027 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('没有读到放假安排'), fields: { text: expect.any(String) } },
    });
  });
});
