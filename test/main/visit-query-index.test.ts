import { describe, expect, it, vi } from 'vitest';
import type { Entity } from '@shared/domain/schemas';
import { generateDemo } from '@shared/demo/generate';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { useTempDirs } from './temp-dir';

/** How many times the 主体 and 干部 list index has been built. */
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock(import('@shared/query/lists'), async (importOriginal) => {
  const lists = await importOriginal();
  class CountedListIndex extends lists.ListIndex {
    constructor(...args: ConstructorParameters<typeof lists.ListIndex>) {
      super(...args);
      built.count++;
    }
  }
  return { ...lists, ListIndex: CountedListIndex };
});

const newDir = useTempDirs();

describe('the 督导 list after a change (docs/performance.md)', () => {
  it('is answered without building the 主体 and 干部 search index: it needs only the region paths', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-01T08:00:00Z') });
    await store.replace(generateDemo('district', 3, new Date('2027-01-05T00:00:00Z')));
    await handlers['visits:plan']({ year: 2027 });
    const whole = { year: 2027, cadreId: '', entityId: '', status: 'all', plannedDate: '', limit: 100 } as const;
    const before = await handlers['visits:query'](whole);
    const entity = store.read()!.entities.find((e) => e.id === before.rows[0]!.entityId) as Entity;
    expect(await dispatch(handlers, 'entities:save', { ...entity, name: `${entity.name}（改）` })).toMatchObject({ ok: true });
    const count = built.count;

    const after = await handlers['visits:query'](whole);
    expect(after.rows[0]!.entityName).toBe(`${entity.name}（改）`);
    expect(after.rows[0]!.regionPath).toBe(before.rows[0]!.regionPath);
    expect((await handlers['visits:query']({ ...whole, regionId: entity.regionId })).total).toBeGreaterThan(0);
    expect(built.count).toBe(count);
    // The lists still build it when they are read.
    expect(await dispatch(handlers, 'entities:query', { limit: 1 })).toMatchObject({ ok: true });
    expect(built.count).toBe(count + 1);
  });
});
