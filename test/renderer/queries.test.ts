import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod } from '@shared/api/contract';
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
});
