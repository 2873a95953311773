import type { Entity, Profile } from './schemas';

/**
 * Whether the rules require a 食品安全总监 (docs/domain.md#企业主体责任的规则): special-food producers, enterprises of
 * the configured scales, chain headquarters, and canteens serving at least the configured
 * headcount per meal. Only 企业 fall under the enterprise rules.
 */
export function requiresDirector(entity: Entity, rule: Profile['directorRule']): boolean {
  if (entity.type !== '企业') return false;
  if (entity.businessKinds.includes('特殊食品')) return true;
  if (entity.chainHeadquarters) return true;
  if (entity.canteen && entity.canteen.mealHeadcount >= rule.canteenHeadcount[entity.canteen.kind]) return true;
  return rule.scales.includes(entity.scale);
}
