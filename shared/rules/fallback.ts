import { levelDepth, type RegionIndex } from '../domain/regions';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type Cadre, type CadreLevel, type Entity, type Profile } from '../domain/schemas';
import { groupBy } from '../util/collections';

/**
 * 包保全覆盖 (docs/domain.md#包保关系的规则): where the strict rule (grade → level, area containing the 主体) finds no
 * 在岗 cadre, the profile's fallbacks apply in this order.
 */
export const FALLBACK_RULES = ['villageInTownship', 'levelAbove'] as const;
export type FallbackRule = (typeof FALLBACK_RULES)[number];

export const FALLBACK_LABELS: Readonly<Record<FallbackRule, string>> = {
  villageInTownship: '只登记到乡镇的主体应由村级干部包保时，由该乡镇所辖村（社区）的村级干部包保',
  levelAbove: '区域内没有应有层级的在岗干部时，由包保区域包含该主体的上一级干部包保',
};

/** The cadres one rule offers for a 主体: the strict rule (`rule` null) or a fallback. */
export interface Step {
  readonly rule: FallbackRule | null;
  /** The level the step's cadres have. */
  readonly level: CadreLevel;
  /** 在岗 cadres that fit; empty when no rule finds one. */
  readonly cadres: readonly Cadre[];
}

interface RulesInput {
  readonly cadres: readonly Cadre[];
  readonly profile: Profile;
  readonly regions: RegionIndex;
}

/**
 * Which cadres may hold a 主体, strict rule first, then the fallbacks; one per library state
 * (steps are cached per required level and region: a city has a few thousand such pairs).
 */
export class AssignmentRules {
  private activeByRegion: ReadonlyMap<string, Cadre[]> | null = null;
  private readonly steps = new Map<string, Step>();

  constructor(private readonly input: RulesInput) {}

  /** Built on first use: the violation check of a library where every 包保 is strict never needs it. */
  private activeOn(regionId: string): readonly Cadre[] {
    // In list order: whoever picks among them orders them fully.
    this.activeByRegion ??= groupBy(
      this.input.cadres.filter((c) => c.active),
      (c) => c.regionId,
    );
    return this.activeByRegion.get(regionId) ?? [];
  }

  /** The first step with a cadre; the strict step (with none) when no rule finds one. */
  step(entity: Entity): Step {
    const level = this.input.profile.gradeLevel[entity.grade];
    const key = `${level}|${entity.regionId}`;
    let found = this.steps.get(key);
    if (!found) this.steps.set(key, (found = this.findStep(level, entity.regionId)));
    return found;
  }

  /**
   * The fallback that lets this cadre hold the 主体 (whether 在岗 or not: that is its own rule),
   * or null when no fallback does: the strict rule applies, and a cadre who breaks it is a violation.
   */
  fallbackFor(entity: Entity, cadre: Cadre): FallbackRule | null {
    const step = this.step(entity);
    if (step.rule === null || cadre.level !== step.level) return null;
    const { regions } = this.input;
    const fits =
      step.rule === 'villageInTownship'
        ? regions.contains(entity.regionId, cadre.regionId)
        : regions.contains(cadre.regionId, entity.regionId);
    return fits ? step.rule : null;
  }

  private findStep(level: CadreLevel, regionId: string): Step {
    const { profile, regions } = this.input;
    const ancestry = regions.ancestry(regionId);
    const onAncestry = (at: CadreLevel): Cadre[] => ancestry.flatMap((r) => this.activeOn(r.id).filter((c) => c.level === at));
    const strict: Step = { rule: null, level, cadres: onAncestry(level) };
    if (strict.cadres.length > 0) return strict;
    const fallbacks = profile.assignFallbacks;
    if (fallbacks.villageInTownship && level === 'village' && regions.get(regionId)?.level === 'township') {
      const cadres = regions.children(regionId).flatMap((v) => this.activeOn(v.id).filter((c) => c.level === 'village'));
      if (cadres.length > 0) return { rule: 'villageInTownship', level, cadres };
    }
    if (fallbacks.levelAbove) {
      // Nearest level first: a 村级 主体 goes to a 乡镇级 cadre before a 旗区级 one.
      for (let depth = levelDepth(level) - 1; depth >= 0; depth--) {
        const above = REGION_LEVELS[depth];
        const cadres = above ? onAncestry(above) : [];
        if (above && cadres.length > 0) return { rule: 'levelAbove', level: above, cadres };
      }
    }
    return strict;
  }
}

/** 为什么分给他 when a fallback gave the cadre, in Chinese. */
export function fallbackReason(rule: FallbackRule, entity: Entity, wanted: CadreLevel, regions: RegionIndex): string {
  const label = CADRE_LEVEL_LABELS[wanted];
  return rule === 'villageInTownship'
    ? `兜底规则：主体只登记到乡镇（${regions.get(entity.regionId)?.name ?? ''}），由该乡镇所辖村（社区）的${label}干部包保`
    : `兜底规则：${regions.path(entity.regionId)}没有在岗的${label}干部，由上一级干部包保`;
}
