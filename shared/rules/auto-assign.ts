import { levelDepth, type RegionIndex } from '../domain/regions';
import { CADRE_LEVEL_LABELS, type Assignment, type Cadre, type Entity, type Profile } from '../domain/schemas';
import { countBy, groupBy } from '../util/collections';
import { AssignmentRules, fallbackReason, type FallbackRule } from './fallback';
import { findViolations } from './violations';

export type AssignMode = 'unassigned' | 'violating';

export interface AssignOptions {
  /** 'unassigned': only 主体 without a cadre; 'violating': also every 主体 whose 包保 breaks a rule. */
  readonly mode: AssignMode;
  /** Keep assignments a person made, even when they break a rule (default). */
  readonly keepManual: boolean;
  /** End every current assignment first (kept in history) and assign everything anew. */
  readonly reset: boolean;
}

export interface Proposal {
  readonly entityId: string;
  /** '' for a 主体 that had no cadre. */
  readonly fromCadreId: string;
  readonly toCadreId: string;
  /** 为什么分给他, in Chinese. */
  readonly reason: string;
  /** The fallback that gave the cadre; null when the strict rule did. */
  readonly fallback: FallbackRule | null;
}

export interface Release {
  readonly assignmentId: string;
  readonly entityId: string;
  readonly cadreId: string;
  readonly reason: string;
}

export interface Unresolved {
  readonly entityId: string;
  readonly why: string;
}

export interface AssignPlan {
  readonly proposals: readonly Proposal[];
  /** Current assignments that end without a successor (注销 主体, the extra cadres of a 主体). */
  readonly releases: readonly Release[];
  readonly unresolved: readonly Unresolved[];
  /** Current load per cadre before and after, for cadres whose load changes. */
  readonly loads: ReadonlyMap<string, { readonly before: number; readonly after: number }>;
}

export interface AssignInput {
  readonly entities: readonly Entity[];
  readonly cadres: readonly Cadre[];
  readonly assignments: readonly Assignment[];
  readonly profile: Profile;
  readonly regions: RegionIndex;
}

/**
 * Auto-assignment (docs/domain.md#包保关系的规则): every 主体 that needs a cadre gets one of the required level whose
 * area contains it (or, where there is none, one the profile's fallbacks allow, said in the
 * reason), nearest area first, then the least loaded (below the soft cap where possible), then by
 * cadre id so the result is the same every time. A 主体 without any candidate is listed with the reason.
 */
export function planAutoAssign(input: AssignInput, options: AssignOptions): AssignPlan {
  const { profile, regions } = input;
  const current = input.assignments.filter((a) => a.end === '');
  const currentByEntity = groupBy(current, (a) => a.entityId);
  const before = countBy(current, (a) => a.cadreId);
  const load = options.reset ? new Map<string, number>() : new Map(before);
  const releases: Release[] = [];
  const targets: Entity[] = [];

  const cadreById = new Map(input.cadres.map((c) => [c.id, c]));
  const rules = new AssignmentRules(input);
  const violating = new Set<string>();
  if (options.mode === 'violating' && !options.reset) {
    for (const v of findViolations(input)) if (v.entityId && v.kind !== 'unassigned') violating.add(v.entityId);
  }

  for (const entity of input.entities) {
    const mine = currentByEntity.get(entity.id) ?? [];
    if (options.reset) {
      for (const a of mine) releases.push({ assignmentId: a.id, entityId: entity.id, cadreId: a.cadreId, reason: '重新分配前解除' });
      if (entity.status !== '注销') targets.push(entity);
      continue;
    }
    if (entity.status === '注销') {
      if (options.mode === 'violating') {
        for (const a of mine) release(a, '主体已注销，解除包保');
      }
      continue;
    }
    if (mine.length === 0) {
      targets.push(entity);
      continue;
    }
    if (!violating.has(entity.id) || (options.keepManual && mine.some((a) => a.manual))) continue;
    // The 主体 keeps at most one cadre: the first legal one stays, the others are released.
    const legal = mine.find((a) => isLegal(entity, cadreById.get(a.cadreId), input, rules));
    for (const a of mine) if (a !== legal && legal) release(a, '同一主体只保留一名包保干部');
    if (!legal) targets.push(entity);
  }

  function release(a: Assignment, reason: string): void {
    releases.push({ assignmentId: a.id, entityId: a.entityId, cadreId: a.cadreId, reason });
    load.set(a.cadreId, (load.get(a.cadreId) ?? 0) - 1);
  }

  const allByRegion = groupBy(input.cadres, (c) => c.regionId);
  const reasonCache = new Map<string, string>();

  const proposals: Proposal[] = [];
  const unresolved: Unresolved[] = [];
  const entityDepth = (e: Entity): number => levelDepth(regions.get(e.regionId)?.level ?? 'village');
  // Higher grades first: they have the fewest candidates.
  const ordered = [...targets].sort((a, b) => a.grade.localeCompare(b.grade) || a.id.localeCompare(b.id));
  for (const entity of ordered) {
    const level = profile.gradeLevel[entity.grade];
    const step = rules.step(entity);
    const candidates = step.cadres;
    if (candidates.length === 0) {
      // Cached like the candidates: a province has tens of thousands of 主体 without one.
      const key = `${level}|${entity.regionId}`;
      let why = reasonCache.get(key);
      if (why === undefined) reasonCache.set(key, (why = noCandidateReason(entity, level, input, allByRegion)));
      unresolved.push({ entityId: entity.id, why });
      continue;
    }
    const depth = entityDepth(entity);
    const distance = (c: Cadre): number => depth - levelDepth(regions.get(c.regionId)?.level ?? 'city');
    const cap = profile.loadCap[step.level];
    const best = [...candidates].sort((a, b) => {
      const la = load.get(a.id) ?? 0;
      const lb = load.get(b.id) ?? 0;
      return distance(a) - distance(b) || Number(la >= cap) - Number(lb >= cap) || la - lb || a.id.localeCompare(b.id);
    })[0];
    if (!best) continue;
    const bestLoad = load.get(best.id) ?? 0;
    load.set(best.id, bestLoad + 1);
    const from = options.reset ? '' : (currentByEntity.get(entity.id)?.[0]?.cadreId ?? '');
    if (from)
      for (const a of currentByEntity.get(entity.id) ?? [])
        releases.push({ assignmentId: a.id, entityId: entity.id, cadreId: a.cadreId, reason: '调整给符合规则的干部' });
    proposals.push({
      entityId: entity.id,
      fromCadreId: from,
      toCadreId: best.id,
      reason: explain(entity, best, candidates.length, bestLoad, cap, level, regions, step.rule),
      fallback: step.rule,
    });
  }

  const loads = new Map<string, { before: number; after: number }>();
  for (const id of new Set([...before.keys(), ...load.keys()])) {
    const b = before.get(id) ?? 0;
    const a = Math.max(0, load.get(id) ?? 0);
    if (a !== b) loads.set(id, { before: b, after: a });
  }
  return { proposals, releases: dedupeReleases(releases), unresolved, loads };
}

function isLegal(entity: Entity, cadre: Cadre | undefined, input: AssignInput, rules: AssignmentRules): boolean {
  if (!cadre?.active) return false;
  const strict = cadre.level === input.profile.gradeLevel[entity.grade] && input.regions.contains(cadre.regionId, entity.regionId);
  return strict || rules.fallbackFor(entity, cadre) !== null;
}

function explain(
  entity: Entity,
  cadre: Cadre,
  candidates: number,
  loadBefore: number,
  cap: number,
  level: Cadre['level'],
  regions: RegionIndex,
  rule: FallbackRule | null,
): string {
  const area = regions.path(cadre.regionId) || regions.get(cadre.regionId)?.name || '';
  const label = CADRE_LEVEL_LABELS[cadre.level];
  const choice =
    candidates === 1 ? `是该区域唯一的${label}干部` : `是该区域 ${candidates} 名${label}干部中当前包保最少的（${loadBefore} 户）`;
  const full = loadBefore >= cap ? `；该区域干部均已达到上限 ${cap} 户，请考虑增配干部` : '';
  const basis = rule === null ? `${entity.grade}级主体应由${label}干部包保` : fallbackReason(rule, entity, level, regions);
  return `${basis}；${cadre.name}负责${area}，${choice}${full}`;
}

/** Why no cadre is free for the 主体; `cadresByRegion`: every cadre, 在岗 or not, by region. */
function noCandidateReason(
  entity: Entity,
  level: Cadre['level'],
  input: AssignInput,
  cadresByRegion: ReadonlyMap<string, readonly Cadre[]>,
): string {
  const label = CADRE_LEVEL_LABELS[level];
  const region = input.regions.get(entity.regionId);
  const sameLevel = input.regions.ancestry(entity.regionId).some((r) => (cadresByRegion.get(r.id) ?? []).some((c) => c.level === level));
  if (sameLevel) return `${input.regions.path(entity.regionId)}的${label}干部均已不在岗，请增配或调整干部`;
  if (level === 'village' && region?.level === 'township')
    return `主体只登记到乡镇（${region.name}），没有村级干部的包保区域包含它：请补充所属村`;
  return `${input.regions.path(entity.regionId)}没有${label}干部，请先增配干部`;
}

/** An assignment can be released for two reasons (e.g. extra cadre and illegal); once is enough. */
function dedupeReleases(releases: readonly Release[]): Release[] {
  const seen = new Set<string>();
  const unique: Release[] = [];
  for (const r of releases) {
    if (seen.has(r.assignmentId)) continue;
    seen.add(r.assignmentId);
    unique.push(r);
  }
  return unique;
}
