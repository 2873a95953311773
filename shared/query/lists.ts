import {
  entityRow,
  type CadreFilter,
  type CadreRow,
  type CadreSort,
  type EntityFilter,
  type EntityRow,
  type EntitySort,
} from '../api/contract';
import { ENTITY_STATUSES, ENTITY_TYPES, REGION_LEVELS } from '../domain/schemas';
import { RegionIndex } from '../domain/regions';
import { DUTY_KEYS, dutyApplies, dutyDone, type DutyKey } from '../stats/tally';
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
  private readonly scaleOf: Map<string, string>;
  /** Per 企业 duty, the 主体 it applies to that have not done it. */
  private readonly lackingDuty = new Map<DutyKey, Set<string>>(DUTY_KEYS.map((key) => [key, new Set()]));
  /** The years each cadre has signed a 承诺书 for. */
  private readonly signedYears: Map<string, readonly number[]>;
  /** Per sorted column, each row's place in that order (worked out on the first sort by it). */
  private readonly entityRanks = new Map<EntitySort['field'], Uint32Array>();
  private readonly cadreRanks = new Map<CadreSort['field'], Uint32Array>();
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
    this.scaleOf = new Map(doc.entities.map((e) => [e.id, e.scale]));
    for (const e of doc.entities) {
      for (const key of DUTY_KEYS)
        if (dutyApplies(e, key, doc.profile.directorRule) && !dutyDone(e, key)) this.lackingDuty.get(key)?.add(e.id);
    }
    this.signedYears = new Map(doc.cadres.map((c) => [c.id, c.commitments.map((k) => k.year)]));

    this.entityRows = doc.entities.map((e) => ({
      regionId: e.regionId,
      key: makeSearchKey(e.name, [e.uscc, e.license, e.legalRepPhone, e.director?.phone ?? '', ...e.safetyOfficers.map((o) => o.phone)]),
      row: entityRow(e, this.regions.path(e.regionId), cadreNames.get(currentCadre.get(e.id) ?? '') ?? ''),
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

  /** Every matching 主体 row, in list order or the query's sort (a window is the caller's slice). */
  entities(query: EntityFilter): EntityRow[] {
    const matches = textMatcher(query.text);
    const grades = new Set(query.grades);
    const types = new Set(query.types);
    const statuses = new Set(query.statuses);
    const scales = new Set<string>(query.scales);
    const lacking = query.lacking ? this.lackingDuty.get(query.lacking) : undefined;
    const out: number[] = [];
    for (const [index, item] of this.entityRows.entries()) {
      const { row } = item;
      if (grades.size > 0 && !grades.has(row.grade)) continue;
      if (types.size > 0 && !types.has(row.type)) continue;
      if (statuses.size > 0 && !statuses.has(row.status)) continue;
      if (query.assigned !== 'any' && this.assignedEntityIds.has(row.id) !== (query.assigned === 'yes')) continue;
      if (query.regulatorId && this.regulatorOf.get(row.id) !== query.regulatorId) continue;
      if (scales.size > 0 && !scales.has(this.scaleOf.get(row.id) ?? '')) continue;
      if (lacking && !lacking.has(row.id)) continue;
      if (query.regionId && !this.regions.contains(query.regionId, item.regionId)) continue;
      if (matches && !matches(item.key)) continue;
      out.push(index);
    }
    const ranks =
      query.sort && cachedRanks(this.entityRanks, query.sort.field, () => ranksBy(this.entityRows, entitySortKey(query.sort!.field)));
    return sortedRows(this.entityRows, out, ranks, query.sort?.order);
  }

  cadres(query: CadreFilter): CadreRow[] {
    const matches = textMatcher(query.text);
    const levels = new Set(query.levels);
    const out: number[] = [];
    for (const [index, item] of this.cadreRows.entries()) {
      const { row } = item;
      if (levels.size > 0 && !levels.has(row.level)) continue;
      if (query.active !== 'any' && row.active !== (query.active === 'yes')) continue;
      if (query.unsignedYear !== undefined && (!row.active || this.signedYears.get(row.id)?.includes(query.unsignedYear))) continue;
      if (row.entityCount < (query.minLoad ?? 0) || row.entityCount > (query.maxLoad ?? Infinity)) continue;
      if (query.regionId && !this.regions.contains(query.regionId, item.regionId)) continue;
      if (matches && !matches(item.key)) continue;
      out.push(index);
    }
    const ranks =
      query.sort && cachedRanks(this.cadreRanks, query.sort.field, () => ranksBy(this.cadreRows, cadreSortKey(query.sort!.field)));
    return sortedRows(this.cadreRows, out, ranks, query.sort?.order);
  }
}

/** The rows a virtual table shows: `limit` rows from `offset` (all of them without a limit). */
export function listWindow<Row>(
  rows: readonly Row[],
  window: { readonly offset?: number | undefined; readonly limit?: number | undefined },
): readonly Row[] {
  const offset = window.offset ?? 0;
  return window.limit === undefined ? rows.slice(offset) : rows.slice(offset, offset + window.limit);
}

type SortKey<Row> = (row: Row) => string | number;

// Chinese by pinyin, digits by value: the order a clerk expects in a 花名册.
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Enumerations sort in their own order (A before D, 在营 before 注销, 市级 before 村级), not by their text. */
const enumRank = (values: readonly string[]) => (value: string) => values.indexOf(value);

function entitySortKey(field: EntitySort['field']): SortKey<EntityRow> {
  if (field === 'type') return (row) => enumRank(ENTITY_TYPES)(row.type);
  if (field === 'status') return (row) => enumRank(ENTITY_STATUSES)(row.status);
  return (row) => row[field];
}

function cadreSortKey(field: CadreSort['field']): SortKey<CadreRow> {
  if (field === 'level') return (row) => enumRank(REGION_LEVELS)(row.level);
  // 在岗 first.
  if (field === 'active') return (row) => (row.active ? 0 : 1);
  return (row) => row[field];
}

function cachedRanks<F>(cache: Map<F, Uint32Array>, field: F, make: () => Uint32Array): Uint32Array {
  let ranks = cache.get(field);
  if (!ranks) {
    ranks = make();
    cache.set(field, ranks);
  }
  return ranks;
}

/** Each row's place among all rows by `key`; equal values share a place. Sorted once, so each search after is a number sort. */
function ranksBy<Row>(items: readonly Indexed<Row>[], key: SortKey<Row>): Uint32Array {
  const keys = items.map((item) => key(item.row));
  const compare = (a: number, b: number): number => {
    const x = keys[a]!;
    const y = keys[b]!;
    return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  };
  const order = keys.map((_, index) => index).sort(compare);
  const ranks = new Uint32Array(items.length);
  let place = 0;
  for (const [position, index] of order.entries()) {
    if (position > 0 && compare(order[position - 1]!, index) !== 0) place = position;
    ranks[index] = place;
  }
  return ranks;
}

/** The matching rows by rank (rows of equal rank stay in list order, whichever the direction), or in list order without a sort. */
function sortedRows<Row>(
  items: readonly Indexed<Row>[],
  matches: number[],
  ranks: Uint32Array | undefined,
  order: 'ascend' | 'descend' | undefined,
): Row[] {
  if (ranks) {
    const direction = order === 'descend' ? -1 : 1;
    matches.sort((a, b) => direction * (ranks[a]! - ranks[b]!) || a - b);
  }
  return matches.map((index) => items[index]!.row);
}
