import { levelDepth } from '@shared/domain/regions';
import type { Region, RegionLevel } from '@shared/domain/schemas';

/** One TreeSelect node; `title` is what the search box matches. */
export interface RegionTreeNode {
  readonly value: string;
  readonly key: string;
  readonly title: string;
  /** "达拉特旗 / 风水梁镇 / 风水3村": shown in the box once picked, so the choice is unambiguous. */
  readonly path: string;
  readonly selectable: boolean;
  readonly children?: RegionTreeNode[];
}

export interface RegionTreeOptions {
  /** Which nodes may be picked; the others only group their children. */
  readonly selectable?: (region: Region) => boolean;
  /** Nodes below this level are left out (a 乡镇级 cadre never needs the villages). */
  readonly deepest?: RegionLevel;
}

/** Builds the nested tree from the flat `regions:list` answer (parentId links), in list order. */
export function buildRegionTree(regions: readonly Region[], options: RegionTreeOptions = {}): RegionTreeNode[] {
  const { selectable = () => true, deepest = 'village' } = options;
  const maxDepth = levelDepth(deepest);
  const ids = new Set(regions.map((r) => r.id));
  const children = new Map<string | null, Region[]>();
  for (const region of regions) {
    if (levelDepth(region.level) > maxDepth) continue;
    // A node whose parent is missing still shows, at the top.
    const parent = region.parentId !== null && ids.has(region.parentId) ? region.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(region);
    children.set(parent, siblings);
  }
  // The city is left out of paths, as in the lists: everything is within one city.
  const build = (parent: string | null, parentPath: string): RegionTreeNode[] =>
    (children.get(parent) ?? []).map((region) => {
      const path = region.level === 'city' ? '' : parentPath ? `${parentPath} / ${region.name}` : region.name;
      const below = build(region.id, path);
      return {
        value: region.id,
        key: region.id,
        title: region.name,
        path: path || region.name,
        selectable: selectable(region),
        ...(below.length > 0 ? { children: below } : {}),
      };
    });
  return build(null, '');
}
