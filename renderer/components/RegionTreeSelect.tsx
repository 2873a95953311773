import { TreeSelect } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import type { Region } from '@shared/domain/schemas';
import { buildRegionTree, regionNode, type RegionTreeOptions } from '../regions/region-tree';

export interface RegionTreeSelectProps extends RegionTreeOptions {
  readonly regions: readonly Region[];
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly placeholder?: string;
  readonly allowClear?: boolean;
  readonly style?: CSSProperties;
  readonly id?: string;
  readonly 'aria-label'?: string;
}

/** What a blank library says where a region is needed: regions come first. */
export const NO_REGIONS_YET = '还没有行政区划：请先到“导入”页导入行政区划表，或在“设置 → 行政区划…”中建立，再添加主体和干部';

/** Searchable region picker; works as a Form.Item child (value/onChange/id). */
export function RegionTreeSelect({ regions, selectable, deepest, value, onChange, ...rest }: RegionTreeSelectProps) {
  // The whole tree from the first opening on (the mouse, a key, typing). Until then the picker gets at
  // most the region it holds, for its path: a list screen's filter took the city's tree, and TreeSelect
  // went over every node of it, at each mount (docs/performance.md).
  const [opened, setOpened] = useState(false);
  const tree = useMemo(() => (opened ? buildRegionTree(regions, { selectable, deepest }) : null), [opened, regions, selectable, deepest]);
  const held = useMemo(
    () => (tree || !value ? null : regionNode(regions, value, { selectable, deepest })),
    [tree, regions, value, selectable, deepest],
  );
  const rootKeys = useMemo(() => (tree ?? []).map((node) => node.key), [tree]);
  return (
    <TreeSelect
      {...rest}
      treeData={tree ?? (held ? [held] : [])}
      onOpenChange={(open) => open && setOpened(true)}
      value={value || undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? '')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeNodeLabelProp="path"
      treeDefaultExpandedKeys={rootKeys}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxWidth: 420 } } }}
      notFoundContent={regions.length === 0 ? NO_REGIONS_YET : '没有匹配的区划'}
    />
  );
}
