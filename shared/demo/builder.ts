import { requiresDirector } from '../domain/director';
import type { Assignment, Cadre, CadreLevel, Entity, EntityType, Grade, Profile, Region, Scale } from '../domain/schemas';
import { emptyDoc, type DataDoc } from '../storage/types';
import {
  type Place,
  SMALL_OFFICER_SHARE,
  address,
  businessKinds,
  entityName,
  entitySpecs,
  makeCanteen,
  makeLicense,
  makeUscc,
  person,
  uniqueLicense,
} from './entity-details';
import { Sprinkler } from './imperfections';
import { type CityPlan, type Quota, VILLAGES_PER_VILLAGE_CADRE, syntheticPlan } from './plans';
import { postsFor, villageKind, villageName } from './posts';
import { Random, WeightedPicker } from './random';
import { apportionWithFloor, branchName, cnNumber, pad, shortName, uniqueName } from './text';

/** The demo library being built, city by city: regions, 主体, cadres and their 包保关系. */

interface TownshipNode {
  readonly region: Region;
  readonly county: Region;
  readonly city: Region;
  readonly weight: number;
  readonly villages: VillageNode[];
  readonly regulatorIds: string[];
}

interface VillageNode {
  readonly region: Region;
  readonly township: TownshipNode;
  /** Position within the township: picks the grid regulator. */
  readonly index: number;
  weight: number;
  /** One cadre for a big village: the demo's source of overloaded cadres. */
  crowded: boolean;
}

export interface EntitySpec {
  readonly grade: Grade;
  readonly type: EntityType;
  readonly scale: Scale;
}

/** Where a 主体 sits: a village, or only its 乡镇 when the village is unknown. */
export interface Draft {
  readonly spec: EntitySpec;
  readonly township: TownshipNode;
  readonly village: VillageNode | null;
}

export type Reason = Assignment['reason'];

/** An assignment before it gets its id; current while `end` is ''. */
export interface Link {
  cadre: Cadre;
  start: string;
  end: string;
  reason: Reason;
  endReason: Reason | '';
  manual: boolean;
}

const TOWNSHIP_WEIGHT: Readonly<Record<string, number>> = { 街道: 1.6, 镇: 1, 乡: 0.5, 苏木: 0.45 };
/** 统计用区划代码 ranges: 街道 001–099, 镇 100–199, 乡 and 苏木 200–299. */
const TOWNSHIP_CODE_BASE: Readonly<Record<string, number>> = { 街道: 0, 镇: 100, 乡: 200, 苏木: 200 };
const TOWNSHIP_ONLY_SHARE = 0.02;
export const UNASSIGNED_SHARE = 0.025;

export class DemoBuilder {
  private readonly doc: DataDoc;
  private readonly rng: Random;
  private readonly year: number;
  /** The day the library is made (stamps when demo cadres left their posts). */
  readonly today: string;
  private readonly regionById = new Map<string, Region>();
  private readonly cadresByRegion = new Map<string, Cadre[]>();
  private readonly loads = new Map<Cadre, number>();
  private readonly entityNames = new Set<string>();
  /** Licence numbers are the importer's second key, so no two 主体 share one. */
  private readonly licenses = new Set<string>();
  private readonly placeNames = new Set<string>();
  private readonly links: Link[][] = [];
  private cadreSeq = 0;
  private regulatorSeq = 0;

  constructor(seed: number, now: Date, profile: Partial<Profile>) {
    this.rng = new Random(seed);
    this.doc = emptyDoc(now);
    this.doc.profile = { ...this.doc.profile, ...profile };
    this.year = this.doc.profile.planYear;
    this.today = now.toISOString().slice(0, 10);
  }

  /** Dates in the plan year (offset by `yearOffset`), e.g. day('03-01', -1) = 2026-03-01. */
  private day(monthDay: string, yearOffset = 0): string {
    return `${this.year + yearOffset}-${monthDay}`;
  }

  addCity(plan: CityPlan, quota: Quota): void {
    const rng = this.rng;
    const villageTotal = Math.round(quota.cadres.village * VILLAGES_PER_VILLAGE_CADRE * (0.97 + 0.06 * rng.next()));
    const { city, counties, townships } = this.addRegions(plan, villageTotal);
    const drafts = this.place(entitySpecs(quota, rng), townships);
    this.addCadres(quota, city, counties, townships, drafts);
    this.addRegulators(townships, drafts);
    const first = this.doc.entities.length;
    for (const draft of drafts) this.doc.entities.push(this.makeEntity(draft));
    const entities = this.doc.entities.slice(first);
    this.fillDuties(entities);
    const links = drafts.map((draft) => this.balancedLinks(draft));
    new Sprinkler(this, rng, drafts, entities, links).run();
    this.links.push(...links);
  }

  addSyntheticCity(index: number, quota: Quota): void {
    this.addCity(syntheticPlan(index, this.rng, this.placeNames), quota);
  }

  // -- regions --

  private addRegion(region: Omit<Region, 'id'>): Region {
    const full: Region = { id: `R${region.code}`, ...region };
    this.doc.regions.push(full);
    this.regionById.set(full.id, full);
    return full;
  }

  private addRegions(plan: CityPlan, villageTotal: number): { city: Region; counties: Region[]; townships: TownshipNode[] } {
    const city = this.addRegion({ name: plan.name, level: 'city', parentId: null, code: plan.code, kind: '市' });
    const counties: Region[] = [];
    const townships: TownshipNode[] = [];
    for (const countyPlan of plan.counties) {
      const kind = countyPlan.name.endsWith('旗') ? '旗' : '区';
      const county = this.addRegion({ name: countyPlan.name, level: 'county', parentId: city.id, code: countyPlan.code, kind });
      counties.push(county);
      const serial = new Map<number, number>();
      for (const t of countyPlan.townships) {
        const base = TOWNSHIP_CODE_BASE[t.kind] ?? 200;
        const n = (serial.get(base) ?? 0) + 1;
        serial.set(base, n);
        const code = `${countyPlan.code}${pad(base + n, 3)}000`;
        const region = this.addRegion({ name: t.name, level: 'township', parentId: county.id, code, kind: t.kind });
        const weight = (TOWNSHIP_WEIGHT[t.kind] ?? 1) * (0.6 + 0.8 * this.rng.next());
        townships.push({ region, county, city, weight, villages: [], regulatorIds: [] });
      }
    }
    const counts = apportionWithFloor(
      villageTotal,
      townships.map((t) => t.weight),
      3,
    );
    townships.forEach((t, i) => this.addVillages(t, counts[i] ?? 0));
    const villages = townships.flatMap((t) => t.villages);
    for (const village of this.rng.sample(villages, Math.max(2, Math.round(villages.length / 200)))) {
      village.crowded = true;
      village.weight *= 3;
    }
    return { city, counties, townships };
  }

  private addVillages(township: TownshipNode, count: number): void {
    const rng = this.rng;
    const used = new Set<string>();
    const serial = { 社区: 0, 村: 200 };
    for (let index = 0; index < count; index++) {
      const kind = villageKind(township.region.kind, index, rng);
      const name = uniqueName(
        used,
        () => villageName(kind, rng),
        (base, n) => base.replace(/(社区|村|嘎查)$/, `${cnNumber(n)}$1`),
      );
      const code = `${township.region.code.slice(0, 9)}${pad(kind === '社区' ? ++serial.社区 : ++serial.村, 3)}`;
      const region = this.addRegion({ name, level: 'village', parentId: township.region.id, code, kind });
      // Village shares divide the township's weight, so big 乡镇 stay big whatever their village count.
      township.villages.push({ region, township, index, weight: (township.weight / count) * (0.4 + 1.2 * rng.next()), crowded: false });
    }
  }

  // -- 主体 placement --

  private place(specs: readonly EntitySpec[], townships: readonly TownshipNode[]): Draft[] {
    const rng = this.rng;
    const villages = townships.flatMap((t) => t.villages);
    const byVillage = new WeightedPicker(
      villages,
      villages.map((v) => v.weight),
    );
    // Large firms cluster in the urban 街道.
    const byTownship = new WeightedPicker(
      townships,
      townships.map((t) => t.weight * (t.region.kind === '街道' ? 2 : 1)),
    );
    return specs.map((spec) => {
      if (spec.grade === 'A' || spec.grade === 'B') {
        const township = byTownship.pick(rng);
        const village = township.villages.length > 0 && !rng.chance(TOWNSHIP_ONLY_SHARE) ? rng.pick(township.villages) : null;
        return { spec, township, village };
      }
      const village = byVillage.pick(rng);
      return { spec, township: village.township, village: rng.chance(TOWNSHIP_ONLY_SHARE) ? null : village };
    });
  }

  // -- cadres --

  private addCadres(
    quota: Quota,
    city: Region,
    counties: readonly Region[],
    townships: readonly TownshipNode[],
    drafts: readonly Draft[],
  ): void {
    const tally = (key: (d: Draft) => string | undefined): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const d of drafts) {
        const k = key(d);
        if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return counts;
    };
    const bByCounty = tally((d) => (d.spec.grade === 'B' ? d.township.county.id : undefined));
    const cByTownship = tally((d) => (d.spec.grade === 'C' ? d.township.region.id : undefined));
    const dByVillage = tally((d) => (d.spec.grade === 'D' ? d.village?.region.id : undefined));

    this.addCadresOn('city', [city], [quota.cadres.city]);
    this.addCadresOn(
      'county',
      counties,
      apportionWithFloor(
        quota.cadres.county,
        counties.map((c) => (bByCounty.get(c.id) ?? 0) + 1),
        1,
      ),
    );
    const townshipRegions = townships.map((t) => t.region);
    this.addCadresOn(
      'township',
      townshipRegions,
      apportionWithFloor(
        quota.cadres.township,
        townshipRegions.map((r) => (cByTownship.get(r.id) ?? 0) + 1),
        2,
      ),
    );

    const villages = townships.flatMap((t) => t.villages);
    const open = villages.filter((v) => !v.crowded);
    const openCounts = apportionWithFloor(
      quota.cadres.village - (villages.length - open.length),
      open.map((v) => (dByVillage.get(v.region.id) ?? 0) + 1),
      1,
    );
    const countOf = new Map(open.map((v, i) => [v, openCounts[i] ?? 0]));
    this.addCadresOn(
      'village',
      villages.map((v) => v.region),
      villages.map((v) => countOf.get(v) ?? 1),
    );
  }

  private addCadresOn(level: CadreLevel, regions: readonly Region[], counts: readonly number[]): void {
    regions.forEach((region, i) => {
      const parent = region.parentId === null ? undefined : this.regionById.get(region.parentId);
      const posts = postsFor(level, region, parent?.name ?? '');
      const list: Cadre[] = [];
      for (let k = 0; k < (counts[i] ?? 0); k++) {
        // The first cadres take the leading posts (书记, 镇长 …); later ones are deputies.
        const [unit, position] = posts.leading[k] ?? this.rng.pick(posts.deputies);
        const cadre: Cadre = {
          id: `C${pad(++this.cadreSeq, 5)}`,
          ...person(this.rng),
          unit,
          position,
          level,
          regionId: region.id,
          active: true,
          inactiveSince: '',
          commitments: [],
          notes: '',
        };
        list.push(cadre);
        this.doc.cadres.push(cadre);
      }
      this.cadresByRegion.set(region.id, list);
    });
  }

  cadresOn(regionId: string | undefined): readonly Cadre[] {
    return regionId === undefined ? [] : (this.cadresByRegion.get(regionId) ?? []);
  }

  // -- grid regulators --

  private addRegulators(townships: readonly TownshipNode[], drafts: readonly Draft[]): void {
    const perTownship = new Map<TownshipNode, number>();
    for (const d of drafts) perTownship.set(d.township, (perTownship.get(d.township) ?? 0) + 1);
    for (const t of townships) {
      // One 市场监管所 officer per ~150 主体, one to three per 乡镇.
      const count = Math.min(3, Math.max(1, Math.round((perTownship.get(t) ?? 0) / 150)));
      for (let k = 0; k < count; k++) {
        const id = `G${pad(++this.regulatorSeq, 4)}`;
        const unit = `${t.county.name}市场监督管理局${shortName(t.region.name)}市场监督管理所`;
        this.doc.regulators.push({ id, ...person(this.rng), unit, regionIds: [t.region.id] });
        t.regulatorIds.push(id);
      }
    }
  }

  // -- 主体 records --

  private makeEntity(draft: Draft): Entity {
    const rng = this.rng;
    const { spec, township, village } = draft;
    const kinds = businessKinds(spec.type, rng);
    const canteen = kinds.includes('集中用餐单位食堂') ? makeCanteen(spec.type, rng) : null;
    const place: Place = {
      city: township.city.name,
      county: township.county.name,
      township: township.region.name,
      village: village?.region.name ?? null,
    };
    const name = uniqueName(this.entityNames, () => entityName(spec.type, kinds, canteen, place, rng), branchName);
    const countyCode = township.county.code;
    const legalRep = person(rng);
    const officerShare = SMALL_OFFICER_SHARE[spec.type];
    return {
      id: `E${pad(this.doc.entities.length + 1, 6)}`,
      name,
      uscc: makeUscc(spec.type, countyCode, rng),
      license: uniqueLicense(this.licenses, () => makeLicense(spec.type, kinds, countyCode, rng)),
      type: spec.type,
      businessKinds: kinds,
      scale: spec.scale,
      grade: spec.grade,
      regionId: village?.region.id ?? township.region.id,
      address: address(place, rng),
      legalRep: legalRep.name,
      legalRepPhone: legalRep.phone,
      director: null,
      safetyOfficers: rng.chance(officerShare) ? [person(rng)] : [],
      regulatorId: township.regulatorIds[(village?.index ?? 0) % township.regulatorIds.length] ?? '',
      status: '在营',
      chainHeadquarters: spec.type === '企业' && /连锁/.test(name),
      canteen,
      duties: { dailyWeeklyMonthly: '', riskList: '', riskSystem: '', commitment: '' },
      notes: '',
    };
  }

  /** docs/domain.md#企业主体责任的规则 for the 企业: nearly all done, a few gaps so the figures are not all 100 %. */
  private fillDuties(entities: readonly Entity[]): void {
    const rng = this.rng;
    const enterprises = entities.filter((e) => e.type === '企业');
    const gaps = (share: number): Set<Entity> => new Set(rng.sample(enterprises, Math.max(1, Math.round(enterprises.length * share))));
    const missing = { dailyWeeklyMonthly: gaps(0.02), riskList: gaps(0.02), riskSystem: gaps(0.02), commitment: gaps(0.02) };
    const noOfficer = gaps(0.01);
    for (const e of enterprises) {
      e.duties = {
        dailyWeeklyMonthly: missing.dailyWeeklyMonthly.has(e) ? '' : rng.date(this.day('03-01', -1), this.day('12-31', -1)),
        riskList: missing.riskList.has(e) ? '' : rng.date(this.day('03-01', -1), this.day('12-31', -1)),
        riskSystem: missing.riskSystem.has(e) ? '' : rng.date(this.day('05-01', -1), this.day('02-28')),
        commitment: missing.commitment.has(e) ? '' : rng.date(this.day('01-04'), this.day('03-31')),
      };
      e.safetyOfficers = noOfficer.has(e) ? [] : e.scale === '大型' ? [person(rng), person(rng)] : [person(rng)];
    }
    const required = enterprises.filter((e) => requiresDirector(e, this.doc.profile.directorRule));
    const noDirector = new Set(rng.sample(required, Math.max(1, Math.round(required.length * 0.03))));
    for (const e of required) if (!noDirector.has(e)) e.director = person(rng);
  }

  // -- assignments --

  /** The least-loaded cadre of the right level whose region holds the 主体 (docs/domain.md#包保关系的规则). */
  private balancedLinks(draft: Draft): Link[] {
    const level = this.doc.profile.gradeLevel[draft.spec.grade];
    const regionId = {
      city: draft.township.city.id,
      county: draft.township.county.id,
      township: draft.township.region.id,
      village: draft.village?.region.id,
    }[level];
    let best: Cadre | undefined;
    for (const cadre of this.cadresOn(regionId)) {
      if (!best || this.load(cadre) < this.load(best)) best = cadre;
    }
    if (!best) return [];
    this.loads.set(best, this.load(best) + 1);
    return [this.link(best, this.rng.date(this.day('01-04'), this.day('01-29')), '新建')];
  }

  private load(cadre: Cadre): number {
    return this.loads.get(cadre) ?? 0;
  }

  link(cadre: Cadre, start: string, reason: Reason, manual = false): Link {
    return { cadre, start, end: '', reason, endReason: '', manual };
  }

  dateIn(fromMonthDay: string, toMonthDay: string, yearOffset = 0): string {
    return this.rng.date(this.day(fromMonthDay, yearOffset), this.day(toMonthDay, yearOffset));
  }

  finish(label: string, now: Date): DataDoc {
    const rng = this.rng;
    for (const cadre of rng.sample(this.doc.cadres, Math.round(this.doc.cadres.length * 0.9))) {
      cadre.commitments = [{ year: this.year, signedOn: this.dateIn('01-04', '03-31') }];
    }
    let seq = 0;
    this.doc.entities.forEach((entity, i) => {
      for (const link of this.links[i] ?? []) {
        this.doc.assignments.push({
          id: `A${pad(++seq, 6)}`,
          entityId: entity.id,
          cadreId: link.cadre.id,
          start: link.start,
          end: link.end,
          reason: link.reason,
          endReason: link.endReason,
          manual: link.manual,
        });
      }
    });
    const { regions, entities, cadres, regulators, assignments } = this.doc;
    this.doc.log.push({
      at: now.toISOString(),
      operator: '系统',
      action: 'demo',
      summary:
        `载入示例数据（${label}）：区划${regions.length}个，包保主体${entities.length}户，包保干部${cadres.length}名，` +
        `网格监管人员${regulators.length}名，包保关系${assignments.length}条`,
    });
    return this.doc;
  }
}
