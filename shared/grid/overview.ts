import type { RegionIndex } from '../domain/regions';
import type { Assignment, Entity, Grade, Regulator } from '../domain/schemas';
import { groupBy } from '../util/collections';

/** One 网格监管人员 with the 包保 chain of their 主体 beside the 监管 chain (docs/domain.md#网格监管的规则). */
export interface GridRow {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly phone: string;
  readonly regionIds: readonly string[];
  /** The grid's regions as paths, e.g. "东胜区 / 交通街道". */
  readonly grid: readonly string[];
  /** 主体 that name this regulator, by grade. */
  readonly entities: Readonly<Record<Grade | 'total', number>>;
  /** Of those, 主体 with a current 包保干部. */
  readonly assigned: number;
  /** Distinct 包保干部 currently guaranteeing those 主体: who the regulator works with. */
  readonly cadres: number;
  /** Of those 主体, how many lie outside the regulator's grid (a data error to fix). */
  readonly outsideGrid: number;
}

export interface GridOverview {
  readonly rows: readonly GridRow[];
  /** 主体 (not 注销) naming no regulator, or one that no longer exists. */
  readonly withoutRegulator: number;
  /** Of those, how many a regulator's grid covers: 「按网格补全」 would fill these. */
  readonly fillable: number;
}

interface GridInput {
  readonly entities: readonly Entity[];
  readonly regulators: readonly Regulator[];
  readonly assignments: readonly Assignment[];
  readonly regions: RegionIndex;
}

const inGrid = (regions: RegionIndex, regulator: Regulator, regionId: string): boolean =>
  regulator.regionIds.some((g) => regions.contains(g, regionId));

export function gridOverview({ entities, regulators, assignments, regions }: GridInput): GridOverview {
  const currentCadre = new Map<string, string>();
  for (const a of assignments) if (a.end === '') currentCadre.set(a.entityId, a.cadreId);
  const byRegulator = entitiesByRegulator(entities);

  const rows = regulators.map((r): GridRow => {
    const own = byRegulator.get(r.id) ?? [];
    const counts = { total: own.length, A: 0, B: 0, C: 0, D: 0 };
    const cadres = new Set<string>();
    let assigned = 0;
    let outsideGrid = 0;
    for (const e of own) {
      counts[e.grade]++;
      const cadre = currentCadre.get(e.id);
      if (cadre !== undefined) {
        assigned++;
        cadres.add(cadre);
      }
      if (!inGrid(regions, r, e.regionId)) outsideGrid++;
    }
    return {
      id: r.id,
      name: r.name,
      unit: r.unit,
      phone: r.phone,
      regionIds: r.regionIds,
      grid: r.regionIds.map((id) => regions.path(id)),
      entities: counts,
      assigned,
      cadres: cadres.size,
      outsideGrid,
    };
  });

  const missing = entitiesWithoutRegulator(entities, regulators);
  const fills = planRegulatorFill(missing, regulators, regions, byRegulator);
  return { rows, withoutRegulator: missing.length, fillable: fills.size };
}

/** 主体 still operating (not 注销), grouped by the regulator they name. */
function entitiesByRegulator(entities: readonly Entity[]): Map<string, Entity[]> {
  return groupBy(
    entities.filter((e) => e.status !== '注销' && e.regulatorId !== ''),
    (e) => e.regulatorId,
  );
}

function entitiesWithoutRegulator(entities: readonly Entity[], regulators: readonly Regulator[]): Entity[] {
  const known = new Set(regulators.map((r) => r.id));
  return entities.filter((e) => e.status !== '注销' && !known.has(e.regulatorId));
}

/**
 * 按网格补全: each 主体 without a regulator gets the one whose grid holds its region most
 * closely (a village grid before its 乡镇's); among equals the one with fewer 主体, then by id.
 * Returns entity id → regulator id; 主体 no grid covers are left out.
 */
export function planRegulatorFill(
  missing: readonly Entity[],
  regulators: readonly Regulator[],
  regions: RegionIndex,
  current: ReadonlyMap<string, readonly Entity[]>,
): Map<string, string> {
  const load = new Map(regulators.map((r) => [r.id, current.get(r.id)?.length ?? 0]));
  const byGridRegion = new Map<string, Regulator[]>();
  for (const r of regulators) for (const g of r.regionIds) byGridRegion.set(g, [...(byGridRegion.get(g) ?? []), r]);
  const fills = new Map<string, string>();
  for (const e of missing) {
    // ancestry() starts at the region itself, so the first grid found is the closest one.
    const candidates = regions
      .ancestry(e.regionId)
      .map((region) => byGridRegion.get(region.id))
      .find((found) => found !== undefined);
    if (!candidates) continue;
    const chosen = [...candidates].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.id.localeCompare(b.id))[0];
    if (!chosen) continue;
    fills.set(e.id, chosen.id);
    load.set(chosen.id, (load.get(chosen.id) ?? 0) + 1);
  }
  return fills;
}

/** The fill for a whole library (what the handler applies). */
export function regulatorFillFor(input: GridInput): Map<string, string> {
  return planRegulatorFill(
    entitiesWithoutRegulator(input.entities, input.regulators),
    input.regulators,
    input.regions,
    entitiesByRegulator(input.entities),
  );
}
