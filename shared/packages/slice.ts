import { RegionIndex } from '../domain/regions';
import type { Cadre, Region, Regulator } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import { inPlanYear } from '../stats/tally';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_KINDS,
  type PackageContent,
  type PackageKind,
  type PackageRecords,
} from './content';
import type { ReceivedPackage } from './receipt';

/**
 * An area's slice of a library, and how a consolidating library takes a slice in (docs/domain.md#上报包与下发包): each
 * package replaces the records of its area — regions below and including it, their 主体 with
 * every 包保关系 (history too), the cadres and grid regulators registered there, the year's 督导 —
 * and nothing else. What it cannot settle by itself (a USCC or a cadre held by another area, an
 * area this library does not cover) is listed as a conflict and the package is refused.
 */

type Records = PackageRecords;
type Visit = Records['visits'][number];
type Inspection = DataDoc['inspections'][number];

/** A 督查 belongs to the 督导 year of its date. */
function inYear(inspection: Inspection, year: number): boolean {
  return inspection.date.startsWith(`${year}-`);
}

/** Who made the package and when; the rest of the manifest comes from the library. */
export interface PackageMaker {
  readonly unit: string;
  readonly operator: string;
  readonly createdAt: string;
}

/** The package of one area (and everything below it) for a 督导 year. */
export function packageOf(doc: DataDoc, areaId: string, year: number, maker: PackageMaker): PackageContent {
  const index = new RegionIndex(doc.regions);
  const area = index.get(areaId);
  if (!area) throw new Error(`unknown region ${areaId}`);
  const inArea = (regionId: string): boolean => index.contains(areaId, regionId);
  const entities = doc.entities.filter((e) => inArea(e.regionId));
  const entityIds = new Set(entities.map((e) => e.id));
  const cadres = doc.cadres.filter((c) => inArea(c.regionId));
  const cadreIds = new Set(cadres.map((c) => c.id));
  const regulators = doc.regulators.filter((g) => g.regionIds.some(inArea));
  const regulatorIds = new Set(regulators.map((g) => g.id));
  const assignments = doc.assignments.filter((a) => entityIds.has(a.entityId));
  const visits = doc.visits.filter((v) => entityIds.has(v.entityId) && inPlanYear(v, year));
  const inspections = doc.inspections.filter((i) => cadreIds.has(i.cadreId) && inYear(i, year));
  const namedCadres = new Set([...assignments.map((a) => a.cadreId), ...visits.map((v) => v.cadreId)]);
  const referencedCadres = doc.cadres.filter((c) => namedCadres.has(c.id) && !cadreIds.has(c.id));
  const namedRegulators = new Set(entities.map((e) => e.regulatorId));
  const referencedRegulators = doc.regulators.filter((g) => namedRegulators.has(g.id) && !regulatorIds.has(g.id));
  // The area's ancestors and those of whatever it names outside itself, so a library started empty can place them.
  const context = new Set<string>();
  for (const regionId of [areaId, ...referencedCadres.map((c) => c.regionId), ...referencedRegulators.flatMap((g) => g.regionIds)]) {
    for (const r of index.ancestry(regionId)) if (!inArea(r.id)) context.add(r.id);
  }
  const regions = doc.regions.filter((r) => context.has(r.id) || inArea(r.id));
  return {
    manifest: {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      unit: maker.unit,
      operator: maker.operator,
      region: { id: area.id, code: area.code, name: area.name, level: area.level },
      year,
      createdAt: maker.createdAt,
    },
    records: { regions, entities, cadres, regulators, assignments, visits, inspections, referencedCadres, referencedRegulators },
  };
}

export interface KindCounts {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

export interface PackageConflict {
  readonly kind: PackageKind;
  readonly message: string;
}

/** new: no package of this area held yet; newer/older than the one held; same: that very package. */
export type PackageStatus = 'new' | 'newer' | 'same' | 'older';

/** What taking one package in would do, checked against the library as it is. */
export interface PackagePlan {
  readonly content: PackageContent;
  readonly sha256: string;
  readonly fileName: string;
  readonly status: PackageStatus;
  /** The last package of this area the library holds. */
  readonly held: ReceivedPackage | null;
  readonly counts: Readonly<Record<PackageKind, KindCounts>>;
  readonly conflicts: readonly PackageConflict[];
  /** False when taking it in would change nothing (the same package again). */
  readonly changes: boolean;
  /** The area's id in this library, the records with this library's ids, and the ones outside the area to add if missing. */
  readonly areaId: string;
  readonly records: Pick<Records, 'regions' | 'entities' | 'cadres' | 'regulators' | 'assignments' | 'visits'> & {
    readonly inspections: Inspection[];
  };
  readonly context: { readonly regions: readonly Region[]; readonly cadres: readonly Cadre[]; readonly regulators: readonly Regulator[] };
}

export interface PackageFile {
  readonly content: PackageContent;
  readonly sha256: string;
  readonly fileName: string;
}

/**
 * Plans taking `file` into `doc` without changing it. Regions are matched by 区划代码 (then by
 * name under the same parent), cadres and regulators the area only names by id (then by name and
 * phone), so packages from libraries started apart line up with this one.
 */
export function planPackage(doc: DataDoc, file: PackageFile, newId: (prefix: string) => string): PackagePlan {
  const { manifest, records } = file.content;
  const conflicts: PackageConflict[] = [];
  const conflict = (kind: PackageKind, message: string): void => {
    conflicts.push({ kind, message });
  };
  const lib = new RegionIndex(doc.regions);
  const pkg = new RegionIndex(records.regions);
  const pkgArea = pkg.get(manifest.region.id);
  if (!pkgArea) throw new Error('package area missing from its regions');
  const inPkgArea = (regionId: string): boolean => pkg.contains(pkgArea.id, regionId);

  // Regions: the package's ids → this library's, parents first.
  const regionMap = mapRegions(doc.regions, lib, records.regions, pkg, newId);
  const libAreaId = regionMap.matched.get(pkgArea.id);
  const libParentId = pkgArea.parentId === null ? undefined : regionMap.matched.get(pkgArea.parentId);
  if (doc.regions.length > 0 && libAreaId === undefined && libParentId === undefined) {
    conflict(
      'regions',
      `上报包的区域“${pkgArea.name}”${pkgArea.code ? `（${pkgArea.code}）` : ''}不在本库的行政区划中，本库不能汇总它：请确认文件是否发错；如确属本辖区，请先在“行政区划”中添加该区域后再导入`,
    );
  }
  const areaId = regionMap.ids.get(pkgArea.id) ?? pkgArea.id;
  const inLibArea = (regionId: string): boolean => libAreaId !== undefined && lib.contains(libAreaId, regionId);
  const region = (id: string): string => regionMap.ids.get(id) ?? id;

  // Cadres and regulators the area only names: this library's own where it has them.
  const libCadres = new Map(doc.cadres.map((c) => [c.id, c]));
  const cadreByPerson = new Map(doc.cadres.filter((c) => c.phone).map((c) => [personKey(c), c]));
  const cadreMap = new Map<string, string>();
  const contextCadres: Cadre[] = [];
  for (const c of records.referencedCadres) {
    const own = libCadres.get(c.id) ?? (c.phone ? cadreByPerson.get(personKey(c)) : undefined);
    if (own) cadreMap.set(c.id, own.id);
    else contextCadres.push({ ...c, regionId: region(c.regionId) });
  }
  const libRegulators = new Map(doc.regulators.map((g) => [g.id, g]));
  const regulatorByPerson = new Map(doc.regulators.filter((g) => g.phone).map((g) => [personKey(g), g]));
  const regulatorMap = new Map<string, string>();
  const contextRegulators: Regulator[] = [];
  for (const g of records.referencedRegulators) {
    const own = libRegulators.get(g.id) ?? (g.phone ? regulatorByPerson.get(personKey(g)) : undefined);
    if (own) regulatorMap.set(g.id, own.id);
    else contextRegulators.push({ ...g, regionIds: g.regionIds.map(region) });
  }
  const cadre = (id: string): string => cadreMap.get(id) ?? id;
  const regulator = (id: string): string => regulatorMap.get(id) ?? id;

  const incomingCadres = new Set(records.cadres.map((c) => c.id));
  // The library's slice of the same area, as it is now.
  const held = heldSlice(doc, inLibArea, new Set(records.entities.map((e) => e.id)), incomingCadres, manifest.year);
  const incoming = {
    regions: records.regions
      .filter((r) => inPkgArea(r.id))
      .map((r) => ({ ...r, id: region(r.id), parentId: r.parentId === null ? null : region(r.parentId) })),
    entities: records.entities.map((e) => ({
      ...e,
      regionId: region(e.regionId),
      regulatorId: e.regulatorId ? regulator(e.regulatorId) : '',
    })),
    cadres: records.cadres.map((c) => ({ ...c, regionId: region(c.regionId) })),
    regulators: records.regulators.map((g) => ({ ...g, regionIds: g.regionIds.map(region) })),
    assignments: records.assignments.map((a) => ({ ...a, cadreId: cadre(a.cadreId) })),
    visits: records.visits.map((v) => ({ ...v, cadreId: cadre(v.cadreId) })),
    inspections: records.inspections ?? held.inspections,
  };
  const contextRegions = records.regions
    .filter((r) => !inPkgArea(r.id) && !regionMap.matched.has(r.id))
    .map((r) => ({ ...r, id: region(r.id), parentId: r.parentId === null ? null : region(r.parentId) }));

  const counts = {} as Record<PackageKind, KindCounts>;
  for (const kind of PACKAGE_KINDS) counts[kind] = compare(held[kind], incoming[kind]);
  counts.regions = { ...counts.regions, added: counts.regions.added + contextRegions.length };
  counts.cadres = { ...counts.cadres, added: counts.cadres.added + contextCadres.length };
  counts.regulators = { ...counts.regulators, added: counts.regulators.added + contextRegulators.length };

  // Conflicts: the same thing held by another area of this library.
  const slice = {
    regions: new Set(held.regions.map((r) => r.id)),
    entities: new Set(held.entities.map((e) => e.id)),
    cadres: new Set(held.cadres.map((c) => c.id)),
    assignments: new Set(held.assignments.map((a) => a.id)),
    visits: new Set(held.visits.map((v) => v.id)),
    inspections: new Set(held.inspections.map((i) => i.id)),
  };
  const where = (regionId: string): string => lib.path(regionId);
  const libRegions = new Map(doc.regions.map((r) => [r.id, r]));
  for (const r of incoming.regions) {
    const own = libRegions.get(r.id);
    if (own && !slice.regions.has(r.id))
      conflict(
        'regions',
        `区划“${r.name}”${r.code ? `（${r.code}）` : ''}在本库中是“${where(own.id)}”，不在“${pkgArea.name}”之下：请核对两边的区划代码`,
      );
  }
  const libEntities = new Map(doc.entities.map((e) => [e.id, e]));
  const entityByUscc = new Map(doc.entities.filter((e) => e.uscc).map((e) => [e.uscc, e]));
  for (const e of incoming.entities) {
    const sameId = libEntities.get(e.id);
    if (sameId && !slice.entities.has(e.id)) {
      conflict(
        'entities',
        `主体“${e.name}”（编号 ${e.id}）在本库中属于“${where(sameId.regionId)}”：同一主体不能登记在两个区域，请与两地核实后由登记有误的一方删除或更正并重新报送`,
      );
      continue;
    }
    const sameUscc = e.uscc ? entityByUscc.get(e.uscc) : undefined;
    if (sameUscc && sameUscc.id !== e.id && !slice.entities.has(sameUscc.id)) {
      conflict(
        'entities',
        `统一社会信用代码 ${e.uscc}：上报包中的“${e.name}”与本库“${where(sameUscc.regionId)}”的“${sameUscc.name}”相同（同一主体登记在两个旗区），请与两地核实后由登记有误的一方更正并重新报送`,
      );
    }
  }
  for (const c of incoming.cadres) {
    const sameId = libCadres.get(c.id);
    const samePerson = c.phone ? cadreByPerson.get(personKey(c)) : undefined;
    const other =
      sameId && !slice.cadres.has(sameId.id)
        ? sameId
        : samePerson && samePerson.id !== c.id && !slice.cadres.has(samePerson.id)
          ? samePerson
          : undefined;
    if (other) {
      conflict(
        'cadres',
        `包保干部“${c.name}”（${c.phone || c.id}）在本库中已是“${where(other.regionId)}”的干部，一名干部不能同时在两个区域包保：请与两地核实后更正并重新报送`,
      );
    }
  }
  const libAssignments = new Set(doc.assignments.map((a) => a.id));
  const clashes = incoming.assignments.filter((a) => libAssignments.has(a.id) && !slice.assignments.has(a.id)).length;
  if (clashes > 0) conflict('assignments', `${clashes} 条包保关系的编号在本库中属于其他区域的主体：请让报送单位核对后重新报送`);
  const libVisits = new Set(doc.visits.map((v) => v.id));
  const visitClashes = incoming.visits.filter((v) => libVisits.has(v.id) && !slice.visits.has(v.id)).length;
  if (visitClashes > 0) conflict('visits', `${visitClashes} 条督导记录的编号在本库中属于其他区域或其他年度：请让报送单位核对后重新报送`);
  const libInspections = new Set(doc.inspections.map((i) => i.id));
  const inspectionClashes = incoming.inspections.filter((i) => libInspections.has(i.id) && !slice.inspections.has(i.id)).length;
  if (inspectionClashes > 0)
    conflict('inspections', `${inspectionClashes} 条督查记录的编号在本库中属于其他区域的干部或其他年度：请让报送单位核对后重新报送`);

  const heldPackage = lastReceived(doc, areaId, manifest.region.code);
  const status: PackageStatus = !heldPackage
    ? 'new'
    : heldPackage.sha256 === file.sha256
      ? 'same'
      : manifest.createdAt < heldPackage.createdAt
        ? 'older'
        : 'newer';
  const differs = PACKAGE_KINDS.some((kind) => counts[kind].added + counts[kind].updated + counts[kind].removed > 0);
  return {
    content: file.content,
    sha256: file.sha256,
    fileName: file.fileName,
    status,
    held: heldPackage,
    counts,
    conflicts,
    changes: differs || status !== 'same',
    areaId,
    records: incoming,
    context: { regions: contextRegions, cadres: contextCadres, regulators: contextRegulators },
  };
}

/** Takes a planned package in: the area's records replaced in place, new ones after, the receipt kept. */
export function applyPackage(doc: DataDoc, plan: PackagePlan, receivedAt: string): ReceivedPackage {
  const lib = new RegionIndex(doc.regions);
  const inLibArea = (regionId: string): boolean => lib.contains(plan.areaId, regionId);
  const incomingEntities = new Set(plan.records.entities.map((e) => e.id));
  const incomingCadres = new Set(plan.records.cadres.map((c) => c.id));
  const held = heldSlice(doc, inLibArea, incomingEntities, incomingCadres, plan.content.manifest.year);
  doc.regions = replaceSlice(addMissing(doc.regions, plan.context.regions), held.regions, plan.records.regions);
  doc.entities = replaceSlice(doc.entities, held.entities, plan.records.entities);
  doc.cadres = replaceSlice(addMissing(doc.cadres, plan.context.cadres), held.cadres, plan.records.cadres);
  doc.regulators = replaceSlice(addMissing(doc.regulators, plan.context.regulators), held.regulators, plan.records.regulators);
  doc.assignments = replaceSlice(doc.assignments, held.assignments, plan.records.assignments);
  doc.visits = replaceSlice(doc.visits, held.visits, plan.records.visits);
  doc.inspections = replaceSlice(doc.inspections, held.inspections, plan.records.inspections);
  const { manifest } = plan.content;
  const receipt: ReceivedPackage = {
    regionId: plan.areaId,
    regionCode: manifest.region.code,
    regionName: manifest.region.name,
    year: manifest.year,
    unit: manifest.unit,
    operator: manifest.operator,
    createdAt: manifest.createdAt,
    receivedAt,
    sha256: plan.sha256,
    fileName: plan.fileName,
    counts: Object.fromEntries(PACKAGE_KINDS.map((kind) => [kind, plan.records[kind].length])),
  };
  doc.receivedPackages.push(receipt);
  return receipt;
}

/**
 * What packages taken in together say against each other (each already checked against the
 * library): two packages of one area or of areas one inside the other, and the same 主体 (id or
 * USCC) or cadre (id, or name and phone) in two of them. Per package, in the order given.
 */
export function conflictsBetween(files: readonly PackageFile[]): PackageConflict[][] {
  const result = files.map((): PackageConflict[] => []);
  const areaCodes = files.map((f) => {
    const index = new RegionIndex(f.content.records.regions);
    return index.ancestry(f.content.manifest.region.id).map((r) => r.code || r.id);
  });
  const seen = new Map<string, { file: number; what: string }>();
  const claim = (i: number, kind: PackageKind, key: string, what: string): void => {
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, { file: i, what });
    else if (earlier.file !== i)
      result[i]?.push({
        kind,
        message: `${what}也在“${files[earlier.file]?.fileName ?? ''}”中（同一${kind === 'entities' ? '主体' : '干部'}在两个上报包里）：请与两地核实后更正并重新报送`,
      });
  };
  files.forEach((f, i) => {
    const { manifest, records } = f.content;
    const mine = areaCodes[i] ?? [];
    files.forEach((other, j) => {
      if (j >= i) return;
      const theirs = areaCodes[j] ?? [];
      const code = (theirs[0] ?? '') as string;
      if (mine.includes(code) || theirs.includes(mine[0] ?? '')) {
        result[i]?.push({
          kind: 'regions',
          message: `“${manifest.region.name}”与“${other.fileName}”（${other.content.manifest.region.name}）的区域相同或相互包含：同一区域一次只能导入一个上报包，请只选其中最新的一个`,
        });
      }
    });
    for (const e of records.entities) {
      claim(i, 'entities', `E|${e.id}`, `主体“${e.name}”（编号 ${e.id}）`);
      if (e.uscc) claim(i, 'entities', `U|${e.uscc}`, `统一社会信用代码 ${e.uscc}（${e.name}）`);
    }
    for (const c of records.cadres) {
      claim(i, 'cadres', `C|${c.id}`, `包保干部“${c.name}”（编号 ${c.id}）`);
      if (c.phone) claim(i, 'cadres', `P|${personKey(c)}`, `包保干部“${c.name}”（${c.phone}）`);
    }
  });
  return result;
}

/** The last package of an area the library took in (by its id here, or its 区划代码). */
export function lastReceived(doc: DataDoc, areaId: string, code: string): ReceivedPackage | null {
  let last: ReceivedPackage | null = null;
  for (const p of doc.receivedPackages) {
    if ((p.regionId === areaId || (code !== '' && p.regionCode === code)) && (!last || p.receivedAt >= last.receivedAt)) last = p;
  }
  return last;
}

export type AreaStatus = 'received' | 'late' | 'missing';

export interface AreaReport {
  readonly regionId: string;
  readonly code: string;
  readonly name: string;
  readonly status: AreaStatus;
  /** The first package received for the period, and the last received at all. */
  readonly forPeriod: ReceivedPackage | null;
  readonly last: ReceivedPackage | null;
}

/**
 * Each 旗区 of the library (each city, for a library holding several) and its packages for a
 * period: missing when none for the year came in; late when the first came after `due`.
 */
export function areaReports(doc: DataDoc, year: number, due: string): AreaReport[] {
  const index = new RegionIndex(doc.regions);
  const roots = index.roots();
  const areas = roots.length > 1 ? roots : doc.regions.filter((r) => r.level === 'county');
  return areas.map((area) => {
    const mine = doc.receivedPackages.filter((p) => p.regionId === area.id || (area.code !== '' && p.regionCode === area.code));
    const forYear = mine.filter((p) => p.year === year).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const forPeriod = forYear[0] ?? null;
    const status: AreaStatus = !forPeriod ? 'missing' : due && forPeriod.receivedAt.slice(0, 10) > due ? 'late' : 'received';
    return { regionId: area.id, code: area.code, name: area.name, status, forPeriod, last: lastReceived(doc, area.id, area.code) };
  });
}

// ---- helpers --------------------------------------------------------------------------------

function personKey(person: { readonly name: string; readonly phone: string }): string {
  return `${person.name}|${person.phone}`;
}

/** The library's records of an area: what a package of that area replaces. */
function heldSlice(
  doc: DataDoc,
  inArea: (regionId: string) => boolean,
  incomingEntities: ReadonlySet<string>,
  incomingCadres: ReadonlySet<string>,
  year: number,
) {
  const entities = doc.entities.filter((e) => inArea(e.regionId));
  const cadres = doc.cadres.filter((c) => inArea(c.regionId));
  // 包保关系 and the year's 督导 go with their 主体, the year's 督查 with their cadre, whether in the area now or arriving with the package.
  const concerned = new Set([...entities.map((e) => e.id), ...incomingEntities]);
  const inspected = new Set([...cadres.map((c) => c.id), ...incomingCadres]);
  return {
    regions: doc.regions.filter((r) => inArea(r.id)),
    entities,
    cadres,
    regulators: doc.regulators.filter((g) => g.regionIds.some(inArea)),
    assignments: doc.assignments.filter((a) => concerned.has(a.entityId)),
    visits: doc.visits.filter((v: Visit) => concerned.has(v.entityId) && inPlanYear(v, year)),
    inspections: doc.inspections.filter((i) => inspected.has(i.cadreId) && inYear(i, year)),
  };
}

interface Identified {
  readonly id: string;
}

function compare(held: readonly Identified[], incoming: readonly Identified[]): KindCounts {
  const before = new Map(held.map((r) => [r.id, r]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of incoming) {
    const old = before.get(r.id);
    if (!old) added++;
    else if (sameJson(old, r)) unchanged++;
    else updated++;
    before.delete(r.id);
  }
  return { added, updated, removed: before.size, unchanged };
}

/** `list` with the slice's records replaced where they stood, the ones gone dropped, new ones at the end. */
function replaceSlice<R extends Identified>(list: readonly R[], held: readonly R[], incoming: readonly R[]): R[] {
  const next = new Map(incoming.map((r) => [r.id, r]));
  const heldIds = new Set(held.map((r) => r.id));
  const result: R[] = [];
  for (const r of list) {
    const replacement = next.get(r.id);
    if (replacement) {
      result.push(replacement);
      next.delete(r.id);
    } else if (!heldIds.has(r.id)) {
      result.push(r);
    }
  }
  result.push(...next.values());
  return result;
}

function addMissing<R extends Identified>(list: readonly R[], extra: readonly R[]): R[] {
  const ids = new Set(list.map((r) => r.id));
  return [...list, ...extra.filter((r) => !ids.has(r.id))];
}

interface RegionMap {
  /** Package id → this library's id, for every package region. */
  readonly ids: ReadonlyMap<string, string>;
  /** Only the regions the library already has. */
  readonly matched: ReadonlyMap<string, string>;
}

/** Package regions → library regions by 区划代码, else by name and level under the same parent; new ones keep their id when it is free. */
export function mapRegions(
  libRegions: readonly Region[],
  lib: RegionIndex,
  pkgRegions: readonly Region[],
  pkg: RegionIndex,
  newId: (prefix: string) => string,
): RegionMap {
  const byCode = new Map(libRegions.filter((r) => r.code).map((r) => [r.code, r]));
  const ids = new Map<string, string>();
  const matched = new Map<string, string>();
  const parentsFirst = [...pkgRegions].sort((a, b) => pkg.ancestry(a.id).length - pkg.ancestry(b.id).length);
  for (const r of parentsFirst) {
    // This library's parent; null for a top region; undefined while the parent is new here too.
    const parent = r.parentId === null || !pkg.get(r.parentId) ? null : matched.get(r.parentId);
    const siblings = parent === undefined ? [] : parent === null ? lib.roots() : lib.children(parent);
    const same = (l: Region): boolean =>
      l.name === r.name && l.level === r.level && (!r.code || !l.code || l.code === r.code) && l.parentId === parent;
    const sameId = lib.get(r.id);
    const own = (r.code ? byCode.get(r.code) : undefined) ?? (sameId && same(sameId) ? sameId : undefined) ?? siblings.find(same);
    if (own) {
      ids.set(r.id, own.id);
      matched.set(r.id, own.id);
    } else {
      ids.set(r.id, sameId ? newId('R') : r.id);
    }
  }
  return { ids, matched };
}

/** Equal as JSON: a property holding undefined is no property (as in the file). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameJson(ra[k], rb[k]));
}
