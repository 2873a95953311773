import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Region } from '@shared/domain/schemas';
import { RegionTreeSelect } from '../../renderer/components/RegionTreeSelect';
import { buildRegionTree, regionNode, type RegionTreeNode } from '../../renderer/regions/region-tree';
import { region } from '../shared/region-fixture';
import { settle } from './render-hook';

/** A city of `counties` 旗区, each with 4 乡镇 of 5 村, and one 村 whose 乡镇 is missing. */
function cityRegions(counties: number): Region[] {
  const regions = [region('C', '鄂尔多斯市', 'city', null)];
  for (let c = 0; c < counties; c++) {
    regions.push(region(`Q${c}`, `旗区${c}`, 'county', 'C'));
    for (let t = 0; t < 4; t++) {
      regions.push(region(`Q${c}T${t}`, `乡镇${c}-${t}`, 'township', `Q${c}`));
      for (let v = 0; v < 5; v++) regions.push(region(`Q${c}T${t}V${v}`, `村${c}-${t}-${v}`, 'village', `Q${c}T${t}`));
    }
  }
  regions.push(region('LOST', '无乡镇的村', 'village', 'GONE'));
  return regions;
}

/** The regions as an array that counts how many of its entries are read. */
function counted(regions: Region[]): { readonly regions: readonly Region[]; readonly reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(regions, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { regions: proxy, reads: () => reads };
}

function flatten(nodes: readonly RegionTreeNode[]): RegionTreeNode[] {
  return nodes.flatMap(({ children, ...node }) => [node, ...flatten(children ?? [])]);
}

let unmount = (): void => undefined;
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
});

async function mount(props: Parameters<typeof RegionTreeSelect>[0]): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(createElement(RegionTreeSelect, props)));
  unmount = () => act(() => root.unmount());
  return host;
}

describe('the region picker (RegionTreeSelect, docs/performance.md)', () => {
  it('one region’s node is the node the whole tree has for it: path without the city, selectable, left out below the deepest level', () => {
    const regions = cityRegions(3);
    const township = (r: Region) => r.level === 'township';
    for (const options of [{}, { deepest: 'township' as const, selectable: township }]) {
      const tree = new Map(flatten(buildRegionTree(regions, options)).map((node) => [node.value, node]));
      for (const r of regions) expect(regionNode(regions, r.id, options)).toEqual(tree.get(r.id) ?? null);
    }
    expect(regionNode(regions, 'Q1T2V3')?.path).toBe('旗区1 / 乡镇1-2 / 村1-2-3');
    expect(regionNode(regions, 'unknown')).toBeNull();
  });

  it('a closed filter with nothing chosen reads none of the regions; opened, it offers the whole tree', async () => {
    const { regions, reads } = counted(cityRegions(9));
    const host = await mount({ regions, allowClear: true, placeholder: '全部区划', 'aria-label': '所属区划' });
    expect(reads()).toBe(0);
    const input = host.querySelector<HTMLInputElement>('input[aria-label="所属区划"]');
    if (!input) throw new Error('no search box');
    // Enter opens it, as a click or typing does.
    await act(async () => {
      input.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await settle();
    expect(reads()).toBeGreaterThanOrEqual(regions.length);
    expect(document.body.textContent).toContain('旗区8');
  });

  it('a closed picker holding a region shows its path', async () => {
    const host = await mount({ regions: cityRegions(3), value: 'Q2T1V4', placeholder: '输入名称查找' });
    expect(host.textContent).toContain('旗区2 / 乡镇2-1 / 村2-1-4');
  });
});
