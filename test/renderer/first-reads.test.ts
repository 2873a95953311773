import { afterEach, describe, expect, it } from 'vitest';
import { noteScreenOpened, queryClient, useApiQuery } from '../../renderer/api/queries';
import { useDashboardData } from '../../renderer/components/dashboard/useDashboardData';
import { useListWindow } from '../../renderer/components/list/useListWindow';
import { useReference } from '../../renderer/hooks/useReference';
import { askFirstReads, NO_ENTITY_FILTERS } from '../../renderer/navigation/first-reads';
import { renderHook, settle, type RenderedHook } from './render-hook';

/** The preload's bridge answering every call with `value` (a list's answer for a list), noting the calls. */
function bridge(value: unknown = {}): string[] {
  const calls: string[] = [];
  const invoke = async (method: string) => {
    calls.push(method);
    return { ok: true, value: method.endsWith(':query') ? { rows: [], total: 0 } : value };
  };
  Object.assign(window, { api: { invoke } });
  return calls;
}

const mounted: RenderedHook<unknown>[] = [];
async function mount<T>(hook: () => T): Promise<RenderedHook<T>> {
  const rendered = await renderHook(hook);
  mounted.push(rendered);
  await settle();
  return rendered;
}

afterEach(() => {
  for (const rendered of mounted.splice(0)) rendered.unmount();
  queryClient.clear();
  Reflect.deleteProperty(window, 'api');
  window.location.hash = '';
});

describe('the first screen’s reads and reading on open (docs/performance.md)', () => {
  it('what the app asks for as it starts on 包保主体 or 首页概览 is what the screen reads: nothing is asked twice', async () => {
    const calls = bridge();
    askFirstReads('entities');
    await settle();
    expect(calls.sort()).toEqual(['entities:query', 'regions:list', 'regulators:list']);
    await mount(() => [useListWindow('entities:query', NO_ENTITY_FILTERS), useReference('regions:list'), useReference('regulators:list')]);
    expect(calls).toHaveLength(3);

    // The regions are cached by then: the five figures.
    calls.length = 0;
    askFirstReads('dashboard');
    await settle();
    expect(calls.sort()).toEqual(['battlemap:get', 'stats:breakdown', 'stats:get', 'stats:loads', 'stats:weekly']);
    await mount(() => [useDashboardData('', { from: '', to: '' }, null), useReference('regions:list')]);
    expect(calls).toHaveLength(5);
  });

  it('opening 督导 asks for nothing ahead of the screen: with its list cached before its first render it showed 1.5 s later', async () => {
    const calls = bridge({ planYear: 2027 });
    noteScreenOpened();
    askFirstReads('visits');
    await settle();
    expect(calls).toEqual([]);
  });

  it('a drill-down address (filters in it) leaves the screen to read for itself', async () => {
    const calls = bridge();
    window.location.hash = '#/entities?grades=B';
    askFirstReads('entities');
    await settle();
    expect(calls).toEqual([]);
  });

  it('a read made on opening a screen is not asked again by its parts mounting later, and is on the next opening', async () => {
    const calls = bridge({ counts: { entities: 1, cadres: 1 } });
    noteScreenOpened();
    await mount(() => useApiQuery('app:info', {}));
    // The header's counts mount after app:info was read for this screen: no second request.
    await mount(() => useApiQuery('app:info', {}, { readOnOpen: true }));
    expect(calls).toEqual(['app:info']);
    // Another screen opens: its header reads the counts again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    noteScreenOpened();
    await mount(() => useApiQuery('app:info', {}, { readOnOpen: true }));
    expect(calls).toEqual(['app:info', 'app:info']);
  });

  it('a reference list read again unchanged (after a save) does not draw again what shows it', async () => {
    bridge([{ id: 'G1', name: '网格员' }]);
    const regulators = await mount(() => useReference('regulators:list').value);
    const before = regulators.renders();
    await queryClient.invalidateQueries({ queryKey: ['regulators:list'] });
    await settle();
    expect(regulators.now()).toEqual([{ id: 'G1', name: '网格员' }]);
    expect(regulators.renders()).toBe(before);
  });
});
