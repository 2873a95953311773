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
