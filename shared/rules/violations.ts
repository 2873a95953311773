import type { WorkCalendar } from '../calendar/calendar';
import { type RegionIndex } from '../domain/regions';
import { CADRE_LEVEL_LABELS, type Assignment, type Cadre, type Entity, type Profile } from '../domain/schemas';
import { AssignmentRules, FALLBACK_RULES, type FallbackRule } from './fallback';
import { reassignDeadline, REASSIGN_WITHIN_WORKING_DAYS } from './inactive';

export const VIOLATION_KINDS = [
  'unassigned',
  'level-mismatch',
  'out-of-area',
  'overloaded',
  'inactive-cadre',
  'closed-entity',
  'multiple-cadres',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export const VIOLATION_LABELS: Readonly<Record<ViolationKind, string>> = {
  unassigned: '未落实包保干部',
  'level-mismatch': '包保干部层级不符',
  'out-of-area': '主体不在干部包保区域内',
  overloaded: '干部包保数量超出上限',
  'inactive-cadre': '包保干部已不在岗',
  'closed-entity': '主体已注销仍在包保',
  'multiple-cadres': '同一主体有多名当前包保干部',
};

export interface Violation {
  readonly kind: ViolationKind;
  readonly entityId: string;
  readonly cadreId: string;
  readonly message: string;
  /** A 主体 still with a cadre not 在岗 past the 7-working-day reassignment deadline. */
  readonly overdue?: boolean;
}

export interface RuleInput {
  readonly entities: readonly Entity[];
  readonly cadres: readonly Cadre[];
  readonly assignments: readonly Assignment[];
  readonly profile: Profile;
  readonly regions: RegionIndex;
  /** With today and the working-day calendar, a cadre not 在岗 gets the reassignment deadline. */
  readonly deadlines?: { readonly today: string; readonly calendar: WorkCalendar };
}

/**
 * The rule input for one region and everything below it ('' = the whole library): its 主体 and
 * their 包保, so a cadre's load counts only 主体 in the scope. Statistics and the violation list
 * scope the same way, so their counts agree.
 */
export function scopedRuleInput(doc: Omit<RuleInput, 'regions' | 'deadlines'>, regions: RegionIndex, regionId: string): RuleInput {
  if (!regionId) return { ...doc, regions };
  const entities = doc.entities.filter((e) => regions.contains(regionId, e.regionId));
  const ids = new Set(entities.map((e) => e.id));
  return { ...doc, entities, assignments: doc.assignments.filter((a) => ids.has(a.entityId)), regions };
}

/** Every broken 包保 rule (docs/domain.md#包保关系的规则). An overloaded cadre counts once, not once per 主体. */
export function findViolations(input: RuleInput): Violation[] {
  return checkAssignments(input).violations;
}

export interface AssignmentCheck {
  readonly violations: Violation[];
  /** Current 包保 held under each fallback rule of the profile: allowed, so not violations. */
  readonly fallbacks: Record<FallbackRule, number>;
}

/** The violations, and the current 包保 that a fallback allows (docs/domain.md#包保关系的规则). */
export function checkAssignments(input: RuleInput): AssignmentCheck {
  const { profile, regions } = input;
  const cadreById = new Map(input.cadres.map((c) => [c.id, c]));
  const rules = new AssignmentRules(input);
  const fallbacks = Object.fromEntries(FALLBACK_RULES.map((r) => [r, 0])) as Record<FallbackRule, number>;
  const currentByEntity = new Map<string, Assignment[]>();
  const loadByCadre = new Map<string, number>();
  for (const a of input.assignments) {
    if (a.end !== '') continue;
    const list = currentByEntity.get(a.entityId) ?? [];
    list.push(a);
    currentByEntity.set(a.entityId, list);
    loadByCadre.set(a.cadreId, (loadByCadre.get(a.cadreId) ?? 0) + 1);
  }

  const found: Violation[] = [];
  for (const entity of input.entities) {
    const current = currentByEntity.get(entity.id) ?? [];
    if (entity.status === '注销') {
      for (const a of current) {
        found.push({ kind: 'closed-entity', entityId: entity.id, cadreId: a.cadreId, message: `${entity.name}已注销，应解除包保关系` });
      }
      continue;
    }
    if (current.length === 0) {
      found.push({ kind: 'unassigned', entityId: entity.id, cadreId: '', message: `${entity.name}尚未落实包保干部` });
      continue;
    }
    if (current.length > 1) {
      found.push({
        kind: 'multiple-cadres',
        entityId: entity.id,
        cadreId: '',
        message: `${entity.name}同时有${current.length}名当前包保干部，应只保留一名`,
      });
    }
    for (const a of current) {
      const cadre = cadreById.get(a.cadreId);
      if (!cadre) continue;
      const wanted = profile.gradeLevel[entity.grade];
      const strict = cadre.level === wanted && regions.contains(cadre.regionId, entity.regionId);
      const fallback = strict ? null : rules.fallbackFor(entity, cadre);
      if (fallback) fallbacks[fallback]++;
      else if (cadre.level !== wanted) {
        found.push({
          kind: 'level-mismatch',
          entityId: entity.id,
          cadreId: cadre.id,
          message: `${entity.grade}级主体${entity.name}应由${CADRE_LEVEL_LABELS[wanted]}干部包保，现为${CADRE_LEVEL_LABELS[cadre.level]}干部${cadre.name}`,
        });
      }
      if (!fallback && !regions.contains(cadre.regionId, entity.regionId)) {
        found.push({
          kind: 'out-of-area',
          entityId: entity.id,
          cadreId: cadre.id,
          message: `${entity.name}（${regions.path(entity.regionId)}）不在${cadre.name}的包保区域（${regions.path(cadre.regionId)}）内`,
        });
      }
      if (!cadre.active) found.push(inactiveCadre(entity, cadre, input.deadlines));
    }
  }
  for (const cadre of input.cadres) {
    const load = loadByCadre.get(cadre.id) ?? 0;
    const cap = profile.loadCap[cadre.level];
    if (load > cap) {
      found.push({
        kind: 'overloaded',
        entityId: '',
        cadreId: cadre.id,
        message: `${cadre.name}包保${load}户，超过${CADRE_LEVEL_LABELS[cadre.level]}上限${cap}户`,
      });
    }
  }
  return { violations: found, fallbacks };
}

function inactiveCadre(entity: Entity, cadre: Cadre, deadlines: RuleInput['deadlines']): Violation {
  const base = { kind: 'inactive-cadre', entityId: entity.id, cadreId: cadre.id } as const;
  if (!deadlines || !cadre.inactiveSince) return { ...base, message: `${entity.name}的包保干部${cadre.name}已不在岗，应调整` };
  const { due, overdue } = reassignDeadline(cadre.inactiveSince, deadlines.today, deadlines.calendar);
  const within = `${REASSIGN_WITHIN_WORKING_DAYS} 个工作日内（${due} 前）`;
  return overdue
    ? { ...base, overdue, message: `${entity.name}的包保干部${cadre.name}自 ${cadre.inactiveSince} 不在岗，未在 ${within}调整，已逾期` }
    : { ...base, overdue, message: `${entity.name}的包保干部${cadre.name}自 ${cadre.inactiveSince} 不在岗，应在 ${within}调整` };
}
