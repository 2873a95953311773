import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { queryClient } from '../../renderer/api/queries';
import { BLOCK_ROWS, useListWindow, type ListInput } from '../../renderer/components/list/useListWindow';
import { renderHook, settle } from './render-hook';

const TOTAL = 1_000;
const INPUT: ListInput<'cadres:query'> = { text: '', regionId: '', levels: [], active: 'any' };

/** The services' 干部 list of TOTAL rows, as the preload's bridge answers it; `renamed` changes one row's name. */
function bridge(renamed: { index: number; name: string } | null = null): { readonly calls: string[] } {
  const calls: string[] = [];
  const invoke = async (method: string, input: { offset: number; limit: number }) => {
    calls.push(`${method} ${input.offset}`);
    const rows = Array.from({ length: Math.min(input.limit, TOTAL - input.offset) }, (_, i) => {
      const index = input.offset + i;
      return { id: `C${index}`, name: index === renamed?.index ? renamed.name : `干部${index}` };
    });
    return { ok: true, value: { rows, total: TOTAL } };
  };
  Object.assign(window, { api: { invoke } });
  return { calls };
}

let unmount = (): void => undefined;

afterEach(() => {
  unmount();
  unmount = () => undefined;
  queryClient.clear();
  Reflect.deleteProperty(window, 'api');
});

describe('a list fetched by window (useListWindow, docs/performance.md)', () => {
  it('a block scrolled to or a row saved leaves every other row the same object, so the table re-renders only what changed', async () => {
    const { calls } = bridge();
    const { now, ...rendered } = await renderHook(() => useListWindow('cadres:query', INPUT));
    unmount = rendered.unmount;
    await settle();
    const first = now().rows;
    expect(first).toHaveLength(TOTAL);
    expect(first[5]).toMatchObject({ id: 'C5', name: '干部5' });
    expect(first[500]).toMatchObject({ pending: true });

    // Scrolled to rows 250–265: their block arrives, every row outside it is the object it was.
    await act(async () => now().showRows(250, 265));
    await settle();
    const scrolled = now().rows;
    expect(calls).toEqual(['cadres:query 0', `cadres:query ${2 * BLOCK_ROWS}`]);
    expect(scrolled[250]).toMatchObject({ id: 'C250', name: '干部250' });
    const movedOutsideBlock = first.filter((row, i) => (i < 200 || i >= 300) && scrolled[i] !== row);
    expect(movedOutsideBlock).toEqual([]);

    // A 干部 renamed (a save makes the list stale): the list is read again and only that row is new.
    bridge({ index: 7, name: '改名的干部' });
    await act(() => queryClient.invalidateQueries({ queryKey: ['cadres:query'] }));
    await settle();
    const saved = now().rows;
    expect(saved[7]).toMatchObject({ id: 'C7', name: '改名的干部' });
    expect(saved.filter((row, i) => row !== scrolled[i]).map((row) => row.id)).toEqual(['C7']);
  });

  it('a refresh after a change keeps the rows on screen without the loading state (the table is not drawn again for it)', async () => {
    bridge();
    const { now, ...rendered } = await renderHook(() => useListWindow('cadres:query', INPUT));
    unmount = rendered.unmount;
    await settle();
    expect(now().loading).toBe(false);
    // The services' answer held back: what the table shows while it is on its way.
    let answer = (): void => undefined;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const invoke = (window as unknown as { api: { invoke: (m: string, i: never) => Promise<unknown> } }).api.invoke;
    Object.assign(window, { api: { invoke: async (method: string, input: never) => (await held, invoke(method, input)) } });
    await act(async () => void queryClient.invalidateQueries({ queryKey: ['cadres:query'] }));
    await settle();
    expect(now().loading).toBe(false);
    expect(now().rows[5]).toMatchObject({ id: 'C5' });
    answer();
    await settle();
  });
});
