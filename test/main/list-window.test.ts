import { describe, expect, it } from 'vitest';
import { CadreQuerySchema, EntityQuerySchema, type ApiHandlers } from '@shared/api/contract';
import { generateDemo } from '@shared/demo/generate';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function districtServices(): Promise<ApiHandlers> {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-02-01T09:00:00Z') });
  await store.replace(generateDemo('district', 3, new Date('2027-01-05T00:00:00Z')));
  return handlers;
}

const byPinyin = new Intl.Collator('zh-Hans-CN', { numeric: true });

describe('list windows and sorting (a virtual table fetches only the rows it shows)', () => {
  it('a window is the slice of the whole list, with the total of every match', async () => {
    const handlers = await districtServices();
    const whole = await handlers['entities:query'](EntityQuerySchema.parse({}));
    expect(whole.rows.length).toBe(whole.total);
    expect(whole.total).toBeGreaterThan(150);

    const window = await dispatch(handlers, 'entities:query', { offset: 100, limit: 50 });
    expect(window).toEqual({ ok: true, value: { total: whole.total, rows: whole.rows.slice(100, 150) } });
    const tail = await dispatch(handlers, 'entities:query', { offset: whole.total - 3, limit: 50 });
    expect(tail).toMatchObject({ ok: true, value: { rows: whole.rows.slice(-3) } });
    expect(await dispatch(handlers, 'entities:query', { limit: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('sorts 主体 by name in pinyin order, both ways, before taking the window', async () => {
    const handlers = await districtServices();
    const all = (await handlers['entities:query'](EntityQuerySchema.parse({}))).rows;
    const names = all.map((r) => r.name).sort(byPinyin.compare);
    const ascend = await handlers['entities:query'](
      EntityQuerySchema.parse({ sort: { field: 'name', order: 'ascend' }, offset: 0, limit: 20 }),
    );
    expect(ascend.rows.map((r) => r.name)).toEqual(names.slice(0, 20));
    const descend = await handlers['entities:query'](
      EntityQuerySchema.parse({ sort: { field: 'name', order: 'descend' }, offset: 0, limit: 20 }),
    );
    expect(descend.rows.map((r) => r.name)).toEqual([...names].reverse().slice(0, 20));
  });

  it('sorts 干部 by level in its own order (市级 before 村级) and by load as numbers, filters kept', async () => {
    const handlers = await districtServices();
    const byLevel = (await handlers['cadres:query'](CadreQuerySchema.parse({ sort: { field: 'level', order: 'ascend' } }))).rows.map(
      (r) => r.level,
    );
    const levelOrder = ['city', 'county', 'township', 'village'];
    expect(byLevel).toEqual([...byLevel].sort((a, b) => levelOrder.indexOf(a) - levelOrder.indexOf(b)));
    expect(new Set(byLevel).size).toBeGreaterThan(1);

    const loads = (
      await handlers['cadres:query'](CadreQuerySchema.parse({ active: 'yes', sort: { field: 'entityCount', order: 'descend' } }))
    ).rows;
    expect(loads.every((r) => r.active)).toBe(true);
    expect(loads.map((r) => r.entityCount)).toEqual(loads.map((r) => r.entityCount).sort((a, b) => b - a));
    expect(loads[0]!.entityCount).toBeGreaterThan(loads.at(-1)!.entityCount);
  });
});
