import type { CadreFilter, CadreRow, EntityQuery, EntityRow } from '../api/contract';
import { RegionIndex } from '../domain/regions';
import type { DataDoc } from '../storage/types';
import { makeSearchKey, textMatcher, warmInitials, type SearchKey } from './search';

interface Indexed<Row> {
  readonly row: Row;
  readonly key: SearchKey;
  readonly regionId: string;
}

/**
 * The 主体 and 干部 lists with their search keys, built once per data version so that each
 * keystroke is only a filter pass.
 */
export class ListIndex {
  readonly regions: RegionIndex;
  private readonly entityRows: Indexed<EntityRow>[];
  private readonly cadreRows: Indexed<CadreRow>[];
  private readonly assignedEntityIds: Set<string>;
  private readonly regulatorOf: Map<string, string>;
  /** Resolves once every name's pinyin initials are worked out (searches work before, just slower once). */
  readonly searchReady: Promise<void>;

  constructor(doc: DataDoc) {
    this.regions = new RegionIndex(doc.regions);
    const cadreNames = new Map(doc.cadres.map((c) => [c.id, c.name]));
    const currentCadre = new Map<string, string>();
    const loads = new Map<string, number>();
    for (const a of doc.assignments) {
      if (a.end !== '') continue;
      currentCadre.set(a.entityId, a.cadreId);
      loads.set(a.cadreId, (loads.get(a.cadreId) ?? 0) + 1);
    }
    this.assignedEntityIds = new Set(currentCadre.keys());
    this.regulatorOf = new Map(doc.entities.map((e) => [e.id, e.regulatorId]));

    this.entityRows = doc.entities.map((e) => ({
      regionId: e.regionId,
      key: makeSearchKey(e.name, [
        e.uscc,
        e.license,
        e.legalRepPhone,
        e.director?.phone ?? '',
        ...e.safetyOfficers.map((o) => o.phone),
      ]),
      row: {
        id: e.id,
        name: e.name,
        uscc: e.uscc,
        license: e.license,
        grade: e.grade,
        type: e.type,
        status: e.status,
        regionPath: this.regions.path(e.regionId),
        legalRep: e.legalRep,
        legalRepPhone: e.legalRepPhone,
        cadreName: cadreNames.get(currentCadre.get(e.id) ?? '') ?? '',
      },
    }));

    this.cadreRows = doc.cadres.map((c) => ({
      regionId: c.regionId,
      key: makeSearchKey(c.name, [c.phone]),
      row: {
        id: c.id,
        name: c.name,
        unit: c.unit,
        position: c.position,
        level: c.level,
        regionPath: this.regions.path(c.regionId),
        phone: c.phone,
        active: c.active,
        entityCount: loads.get(c.id) ?? 0,
      },
    }));
    this.searchReady = warmInitials([...doc.entities.map((e) => e.name), ...doc.cadres.map((c) => c.name)]);
  }

  entities(query: Required<EntityQuery>): EntityRow[] {
    const matches = textMatcher(query.text);
    const grades = new Set(query.grades);
    const types = new Set(query.types);
    const statuses = new Set(query.statuses);
    const out: EntityRow[] = [];
    for (const item of this.entityRows) {
      const { row } = item;
      if (grades.size > 0 && !grades.has(row.grade)) continue;
      if (types.size > 0 && !types.has(row.type)) continue;
      if (statuses.size > 0 && !statuses.has(row.status)) continue;
      if (query.assigned !== 'any' && this.assignedEntityIds.has(row.id) !== (query.assigned === 'yes')) continue;
      if (query.regulatorId && this.regulatorOf.get(row.id) !== query.regulatorId) continue;
      if (query.regionId && !this.regions.contains(query.regionId, item.regionId)) continue;
      if (matches && !matches(item.key)) continue;
      out.push(row);
    }
    return out;
  }

  cadres(query: CadreFilter): CadreRow[] {
    const matches = textMatcher(query.text);
    const levels = new Set(query.levels);
    const out: CadreRow[] = [];
    for (const item of this.cadreRows) {
      const { row } = item;
      if (levels.size > 0 && !levels.has(row.level)) continue;
      if (query.active !== 'any' && row.active !== (query.active === 'yes')) continue;
      if (row.entityCount < (query.minLoad ?? 0) || row.entityCount > (query.maxLoad ?? Infinity)) continue;
      if (query.regionId && !this.regions.contains(query.regionId, item.regionId)) continue;
      if (matches && !matches(item.key)) continue;
      out.push(row);
    }
    return out;
  }
}
