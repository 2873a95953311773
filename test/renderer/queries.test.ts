import { afterEach, describe, expect, it } from 'vitest';
import { entityRow, type ApiMethod } from '@shared/api/contract';
import type { Entity } from '@shared/domain/schemas';
import { api } from '../../renderer/api/client';
import { invalidatedBy, queryClient, readAnswer } from '../../renderer/api/queries';

/** The preload's bridge answering every call with `value`, counting the calls per method. */
function bridge(value: unknown): Map<string, number> {
  const calls = new Map<string, number>();
  const invoke = async (method: string) => {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    return { ok: true, value };
  };
  Object.assign(window, { api: { invoke } });
  return calls;
}

const stale = (method: ApiMethod, input: unknown) => queryClient.getQueryState([method, input])?.isInvalidated;

afterEach(() => {
  queryClient.clear();
  Reflect.deleteProperty(window, 'api');
});

describe('the renderer’s query cache (docs/architecture.md)', () => {
  it('a saved 设置 makes the header’s app:info and the 主体变动期限 read again; a read changes nothing', async () => {
    queryClient.setQueryData(['app:info', {}], {});
    queryClient.setQueryData(['entityChanges:list', { regionId: '' }], {});
    bridge({});
    await api('profile:get', {});
    expect(stale('app:info', {})).toBe(false);
    await api('profile:save', {} as never);
    expect(stale('app:info', {})).toBe(true);
    expect(stale('entityChanges:list', { regionId: '' })).toBe(true);
  });

  it('the 主体变动期限 follow the changes that move them, and recording a report touches only them and the log', () => {
    for (const method of ['entities:save', 'assign:release', 'cadres:delete', 'calendar:save'] as const) {
      expect(invalidatedBy(method), method).toContain('entityChanges');
    }
    expect(invalidatedBy('entityChanges:report')).toEqual(['entityChanges', 'log']);
    // 立即备份 adds a backup and its log entry; a restore replaces the library.
    expect(invalidatedBy('backup:create')).toEqual(['backup', 'log']);
    expect(invalidatedBy('backup:restore')).toEqual(['*']);
  });

  it('readAnswer gives the cached answer while fresh and asks again once a change made it stale', async () => {
    const calls = bridge([{ name: '市局季度上报', columns: ['name'] }]);
    await readAnswer('export:templates', { kind: 'entities' });
    await readAnswer('export:templates', { kind: 'entities' });
    expect(calls.get('export:templates')).toBe(1);
    await api('export:saveTemplate', { kind: 'entities', name: '市局季度上报', columns: ['name'] });
    await readAnswer('export:templates', { kind: 'entities' });
    expect(calls.get('export:templates')).toBe(2);
  });

  it('a saved 主体 shows at once in its drawer and in the list windows holding its row, and is still read again', async () => {
    const entity = { id: 'E1', name: '幸福便利店', regionId: 'V1', regulatorId: '' } as Entity;
    const row = entityRow(entity, '达拉特旗 / 树林召镇 / 林原村', '张三');
    const other = { ...row, id: 'E2', name: '另一家' };
    queryClient.setQueryData(
      ['regions:list', {}],
      [
        { id: 'Q', name: '达拉特旗', level: 'county', parentId: null },
        { id: 'T', name: '树林召镇', level: 'township', parentId: 'Q' },
        { id: 'V1', name: '林原村', level: 'village', parentId: 'T' },
        { id: 'V2', name: '新民村', level: 'village', parentId: 'T' },
      ],
    );
    queryClient.setQueryData(['regulators:list', {}], [{ id: 'R1', name: '李四' }]);
    queryClient.setQueryData(['entities:get', { id: 'E1' }], {
      entity,
      regionPath: row.regionPath,
      regulator: null,
      requiresDirector: false,
    });
    const holding = { offset: 0, limit: 100 };
    const without = { offset: 100, limit: 100 };
    queryClient.setQueryData(['entities:query', holding], { total: 2, rows: [other, row] });
    queryClient.setQueryData(['entities:query', without], { total: 2, rows: [other] });
    const saved = { ...entity, name: '幸福便利店（新）', regionId: 'V2', regulatorId: 'R1' };
    bridge(saved);
    await api('entities:save', saved as never);

    expect(queryClient.getQueryData(['entities:get', { id: 'E1' }])).toMatchObject({
      entity: saved,
      regionPath: '达拉特旗 / 树林召镇 / 新民村',
      regulator: { id: 'R1', name: '李四' },
    });
    const shown = queryClient.getQueryData<{ rows: unknown[] }>(['entities:query', holding])?.rows;
    expect(shown?.[1]).toEqual({ ...row, name: '幸福便利店（新）', regionPath: '达拉特旗 / 树林召镇 / 新民村' });
    // The other rows and windows are the objects they were: the table redraws only the saved row.
    expect(shown?.[0]).toBe(other);
    expect(queryClient.getQueryData<{ rows: unknown[] }>(['entities:query', without])?.rows[0]).toBe(other);
    // Read again all the same: the service has the last word.
    expect(stale('entities:get', { id: 'E1' })).toBe(true);
    expect(stale('entities:query', holding)).toBe(true);
  });
});
