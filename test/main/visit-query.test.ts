import { describe, expect, it } from 'vitest';
import type { ApiHandlers, VisitRow } from '@shared/api/contract';
import { generateDemo } from '@shared/demo/generate';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { useTempDirs } from './temp-dir';
import { recordVisitsBefore } from './visit-fixtures';

const newDir = useTempDirs();
const TODAY = '2027-07-01';

/** A district with the 2027 plan, the first half made (problems found, some rectified). */
async function plannedDistrict(): Promise<ApiHandlers> {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date(`${TODAY}T08:00:00Z`) });
  await store.replace(generateDemo('district', 3, new Date('2027-01-05T00:00:00Z')));
  await handlers['visits:plan']({ year: 2027 });
  await recordVisitsBefore(store, TODAY);
  return handlers;
}

const WHOLE_YEAR = { year: 2027, cadreId: '', entityId: '' };
const isOverdue = (v: VisitRow) => v.doneDate === '' && v.plannedDate < TODAY;

describe('督导计划 by window (the screen fetches the rows it shows, the figures computed on the service)', () => {
  it('a window is the slice of the year in date order, with the count of every match and the year’s figures', async () => {
    const handlers = await plannedDistrict();
    const year = await handlers['visits:list'](WHOLE_YEAR);
    expect(year.length).toBeGreaterThan(1000);
    const open = await handlers['visits:openProblems']({});
    expect(open.length).toBeGreaterThan(0);

    const window = await dispatch(handlers, 'visits:query', { year: 2027, offset: 300, limit: 100 });
    expect(window).toEqual({
      ok: true,
      value: {
        total: year.length,
        rows: year.slice(300, 400),
        figures: {
          planned: year.length,
          done: year.filter((v) => v.doneDate !== '').length,
          overdue: year.filter(isOverdue).length,
          openProblems: open.length,
          overdueProblems: open.filter((p) => p.overdue).length,
        },
      },
    });
    expect(await dispatch(handlers, 'visits:query', { year: 2027, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('cadre, 主体, status and day narrow the list but not the figures; 按周查看 counts the same visits per day', async () => {
    const handlers = await plannedDistrict();
    const year = await handlers['visits:list'](WHOLE_YEAR);
    const all = await handlers['visits:query']({ ...WHOLE_YEAR, status: 'all', plannedDate: '', limit: 1 });
    const cadreId = year[0]!.cadreId;
    const mine = year.filter((v) => v.cadreId === cadreId);
    const late = mine.filter(isOverdue);
    expect(late.length).toBeGreaterThan(0);

    const overdue = await handlers['visits:query']({ ...WHOLE_YEAR, cadreId, status: 'overdue', plannedDate: '' });
    expect(overdue.rows).toEqual(late);
    expect(overdue.total).toBe(late.length);
    expect(overdue.figures).toEqual(all.figures);

    const done = await handlers['visits:query']({ ...WHOLE_YEAR, cadreId, status: 'done', plannedDate: '' });
    expect(done.rows).toEqual(mine.filter((v) => v.doneDate !== ''));
    const entityId = mine[0]!.entityId;
    const ofEntity = await handlers['visits:query']({ ...WHOLE_YEAR, entityId, status: 'open', plannedDate: '' });
    expect(ofEntity.rows).toEqual(year.filter((v) => v.entityId === entityId && v.doneDate === ''));

    const day = mine[0]!.plannedDate;
    const onDay = await handlers['visits:query']({ ...WHOLE_YEAR, cadreId, status: 'all', plannedDate: day });
    expect(onDay.rows).toEqual(mine.filter((v) => v.plannedDate === day));

    const days = await handlers['visits:days']({ ...WHOLE_YEAR, cadreId, status: 'all' });
    expect(days.map((d) => d.date)).toEqual([...new Set(mine.map((v) => v.plannedDate))].sort());
    expect(days.reduce((sum, d) => sum + d.total, 0)).toBe(mine.length);
    expect(days.find((d) => d.date === day)).toEqual({
      date: day,
      total: onDay.total,
      done: onDay.rows.filter((v) => v.doneDate !== '').length,
    });
  });

  it('a change shows in the next answer (the year’s visits are kept per data version, not longer)', async () => {
    const handlers = await plannedDistrict();
    const query = { ...WHOLE_YEAR, status: 'open' as const, plannedDate: '', limit: 1 };
    const before = await handlers['visits:query'](query);
    const [visit] = before.rows;
    await handlers['visits:record']({ id: visit!.id, doneDate: TODAY, checklist: [], problems: [], notes: '' });
    const after = await handlers['visits:query'](query);
    expect(after.figures.done).toBe(before.figures.done + 1);
    expect(after.total).toBe(before.total - 1);
    expect(after.rows[0]?.id).not.toBe(visit!.id);
  });

  it('a dashboard focus (a region, a week) narrows the figures and the list alike', async () => {
    const handlers = await plannedDistrict();
    const region = (await handlers['regions:list']({})).find((r) => r.level === 'township')!;
    const week = { regionId: region.id, from: '2027-03-01', to: '2027-03-07' };
    const focused = await handlers['visits:list']({ ...WHOLE_YEAR, ...week });
    expect(focused.length).toBeGreaterThan(0);
    const open = await handlers['visits:openProblems'](week);
    const answer = await handlers['visits:query']({ ...WHOLE_YEAR, ...week, status: 'all', plannedDate: '' });
    expect(answer.rows).toEqual(focused);
    expect(answer.figures).toMatchObject({ planned: focused.length, openProblems: open.length });
    expect(await dispatch(handlers, 'visits:query', { year: 2027, regionId: 'no-such-region' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
