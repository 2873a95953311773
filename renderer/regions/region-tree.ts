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
  const build = (parent: string | null, parentPath: string): RegionTreeNode[] =>
    (children.get(parent) ?? []).map((region) => {
      const path = pathBelow(parentPath, region);
      const below = build(region.id, path);
      return { ...leaf(region, path, selectable), ...(below.length > 0 ? { children: below } : {}) };
    });
  return build(null, '');
}

/**
 * The node of one region alone, with its path as the whole tree gives it (null when the tree leaves it
 * out): what a closed picker holding that region shows, without building the tree.
 */
export function regionNode(regions: readonly Region[], id: string, options: RegionTreeOptions = {}): RegionTreeNode | null {
  const { selectable = () => true, deepest = 'village' } = options;
  const byId = (wanted: string | null) => (wanted === null ? undefined : regions.find((r) => r.id === wanted));
  const region = byId(id);
  if (!region || levelDepth(region.level) > levelDepth(deepest)) return null;
  const line: Region[] = [];
  for (let at: Region | undefined = region; at && line.length < regions.length; at = byId(at.parentId)) line.unshift(at);
  return leaf(region, line.reduce(pathBelow, ''), selectable);
}

/** The city is left out of paths, as in the lists: everything is within one city. */
function pathBelow(parentPath: string, region: Region): string {
  return region.level === 'city' ? '' : parentPath ? `${parentPath} / ${region.name}` : region.name;
}

function leaf(region: Region, path: string, selectable: (region: Region) => boolean): RegionTreeNode {
  return { value: region.id, key: region.id, title: region.name, path: path || region.name, selectable: selectable(region) };
}
