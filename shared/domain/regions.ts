import type { Region, RegionLevel } from './schemas';

const LEVEL_DEPTH: Readonly<Record<RegionLevel, number>> = { city: 0, county: 1, township: 2, village: 3 };

export function levelDepth(level: RegionLevel): number {
  return LEVEL_DEPTH[level];
}

/** Lookups over the region tree; build once per data version. */
export class RegionIndex {
  private readonly byId = new Map<string, Region>();
  private readonly childrenOf = new Map<string, Region[]>();
  private readonly pathCache = new Map<string, string>();

  constructor(regions: readonly Region[]) {
    for (const region of regions) this.byId.set(region.id, region);
    for (const region of regions) {
      if (region.parentId === null) continue;
      const siblings = this.childrenOf.get(region.parentId) ?? [];
      siblings.push(region);
      this.childrenOf.set(region.parentId, siblings);
    }
  }

  get(id: string): Region | undefined {
    return this.byId.get(id);
  }

  children(id: string): readonly Region[] {
    return this.childrenOf.get(id) ?? [];
  }

  roots(): Region[] {
    return [...this.byId.values()].filter((r) => r.parentId === null || !this.byId.has(r.parentId));
  }

  /** The node itself first, then its parent, up to the root. */
  ancestry(id: string): Region[] {
    const chain: Region[] = [];
    let node = this.byId.get(id);
    while (node && chain.length < 10) {
      chain.push(node);
      node = node.parentId === null ? undefined : this.byId.get(node.parentId);
    }
    return chain;
  }

  /** The ancestor (or the node itself) at the given level. */
  atLevel(id: string, level: RegionLevel): Region | undefined {
    // Walks parent links without building the chain: lists and rules call this per row.
    let node = this.byId.get(id);
    for (let depth = 0; node && depth < 10; depth++) {
      if (node.level === level) return node;
      node = node.parentId === null ? undefined : this.byId.get(node.parentId);
    }
    return undefined;
  }

  /** True when `outerId` is `innerId` or one of its ancestors. */
  contains(outerId: string, innerId: string): boolean {
    let id: string | null = innerId;
    for (let depth = 0; id !== null && depth < 10; depth++) {
      if (id === outerId) return true;
      id = this.byId.get(id)?.parentId ?? null;
    }
    return false;
  }

  /** "东胜区 / 交通街道 / 幸福社区" — the city level is left out, every list is within one city. */
  path(id: string): string {
    const cached = this.pathCache.get(id);
    if (cached !== undefined) return cached;
    const names = this.ancestry(id)
      .filter((r) => r.level !== 'city')
      .reverse()
      .map((r) => r.name);
    const text = names.length > 0 ? names.join(' / ') : (this.byId.get(id)?.name ?? '（未知区划）');
    this.pathCache.set(id, text);
    return text;
  }
}
