import { describe, it, expect } from 'vitest';
import { generateDemo } from '../../shared/demo/generate';
import { ORDOS_REGIONS_CSV, parseRegionCsv } from '../../shared/demo/ordos-regions';
import { requiresDirector } from '../../shared/domain/director';
import { checkPhone } from '../../shared/domain/phone';
import { checkUscc } from '../../shared/domain/uscc';
import { VIOLATION_KINDS } from '../../shared/rules/violations';
import { computeStats, type Ratio } from '../../shared/stats/stats';
import { DataDocSchema, type DataDoc } from '../../shared/storage/types';
import { timed } from '../main/cpu-time';

const NOW = new Date('2027-03-01T08:00:00.000Z');
const city = generateDemo('city', 42, NOW);
const cityStats = computeStats(city);

describe('鄂尔多斯 region list', () => {
  it('holds the 9 旗区 and 77 乡镇/街道/苏木 with their kinds', () => {
    const rows = parseRegionCsv(ORDOS_REGIONS_CSV);
    expect(rows).toHaveLength(77);
    expect(new Set(rows.map((r) => r.countyCode)).size).toBe(9);
    expect(rows[0]).toEqual({ countyCode: '150602', county: '东胜区', township: '交通街道', townshipKind: '街道' });
    expect(new Set(rows.map((r) => r.townshipKind))).toEqual(new Set(['街道', '镇', '乡', '苏木']));
  });

  it('skips the header, blank lines and Windows line ends', () => {
    expect(parseRegionCsv('county_code,county,township,township_kind\r\n\r\n150603,康巴什区,滨河街道,街道\r\n')).toEqual([
      { countyCode: '150603', county: '康巴什区', township: '滨河街道', townshipKind: '街道' },
    ]);
  });
});

describe('city demo (docs/domain.md#示范数据与规模)', () => {
  it('hits the seed figures exactly', () => {
    expect(cityStats.entities).toEqual({
      total: 21_893,
      byGrade: { A: 31, B: 246, C: 2_404, D: 19_212 },
      enterprises: 1_635,
      largeEnterprises: 332,
    });
    expect(cityStats.cadres.total).toBe(2_684);
    expect(cityStats.cadres.byLevel).toEqual({ city: 16, county: 154, township: 674, village: 1_840 });
    expect(cityStats.regions.county).toBe(9);
    expect(cityStats.regions.township).toBe(77);
    expect(cityStats.regions.village).toBeGreaterThanOrEqual(900);
    expect(cityStats.regions.village).toBeLessThanOrEqual(1_100);
  });

  it('is a valid library that the schema leaves unchanged', () => {
    expect(DataDocSchema.parse(city)).toEqual(city);
    expect(city.log).toEqual([expect.objectContaining({ at: NOW.toISOString(), operator: '系统', action: 'demo' })]);
  });

  it('uses the real 旗区 and 乡镇 with 12-digit codes and unique ids', () => {
    const countyNames = city.regions.filter((r) => r.level === 'county').map((r) => r.name);
    expect(countyNames).toEqual(['东胜区', '康巴什区', '达拉特旗', '准格尔旗', '鄂托克前旗', '鄂托克旗', '杭锦旗', '乌审旗', '伊金霍洛旗']);
    for (const r of city.regions) expect(r.code).toMatch(r.level === 'county' ? /^\d{6}$/ : /^\d{12}$/);
    for (const list of [city.regions, city.entities, city.cadres, city.regulators, city.assignments]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
    const kindsUnder = (townshipKind: string): Set<string> => {
      const ids = new Set(city.regions.filter((r) => r.kind === townshipKind).map((r) => r.id));
      return new Set(city.regions.filter((r) => r.parentId !== null && ids.has(r.parentId)).map((r) => r.kind));
    };
    expect(kindsUnder('苏木')).toEqual(new Set(['社区', '嘎查']));
    expect(kindsUnder('街道').has('社区')).toBe(true);
  });

  it('gives every 企业 and most 个体工商户 a valid 统一社会信用代码', () => {
    const withCode = city.entities.filter((e) => e.uscc !== '');
    for (const e of withCode) expect(checkUscc(e.uscc)).toEqual({ ok: true, value: e.uscc });
    expect(city.entities.filter((e) => e.type === '企业').every((e) => e.uscc.startsWith('91'))).toBe(true);
    const individuals = city.entities.filter((e) => e.type === '个体工商户');
    expect(individuals.filter((e) => e.uscc.startsWith('92')).length / individuals.length).toBeGreaterThan(0.8);
  });

  it('writes licences, phones and names in their real shapes', () => {
    for (const e of city.entities) {
      if (e.type === '企业' && e.businessKinds.includes('食品生产')) expect(e.license).toMatch(/^SC\d{14}$/);
      if (e.type === '企业' && !e.businessKinds.includes('食品生产')) expect(e.license).toMatch(/^JY\d{14}$/);
      expect(checkPhone(e.legalRepPhone).ok).toBe(true);
    }
    for (const c of city.cadres) expect(c.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(city.entities.map((e) => e.name)).size).toBe(city.entities.length);
    expect(city.entities.some((e) => e.type === '食品摊贩' && /登字/.test(e.license))).toBe(true);
  });

  it('places 主体 in villages (a few only in their 乡镇) with a cadre and a grid regulator at hand', () => {
    const regionById = new Map(city.regions.map((r) => [r.id, r]));
    const levels = city.entities.map((e) => regionById.get(e.regionId)?.level);
    const townshipOnly = levels.filter((l) => l === 'township').length / levels.length;
    expect(levels.every((l) => l === 'village' || l === 'township')).toBe(true);
    expect(townshipOnly).toBeGreaterThan(0.01);
    expect(townshipOnly).toBeLessThan(0.03);

    const villagesWithCadres = new Set(city.cadres.filter((c) => c.level === 'village').map((c) => c.regionId));
    const villagesWithEntities = new Set(city.entities.filter((_, i) => levels[i] === 'village').map((e) => e.regionId));
    for (const id of villagesWithEntities) expect(villagesWithCadres.has(id)).toBe(true);

    const gridOf = new Map(city.regulators.map((g) => [g.id, new Set(g.regionIds)]));
    for (const e of city.entities) {
      const region = regionById.get(e.regionId);
      const township = region?.level === 'village' ? region.parentId : e.regionId;
      expect(gridOf.get(e.regulatorId)?.has(township ?? '')).toBe(true);
    }
  });

  it('covers about 97 % of the open 主体 and shows every kind of violation', () => {
    const { assigned, unassigned, byKind } = cityStats.coverage;
    const coverage = assigned / (assigned + unassigned);
    expect(coverage).toBeGreaterThan(0.955);
    expect(coverage).toBeLessThan(0.985);
    for (const kind of VIOLATION_KINDS) expect(byKind[kind], kind).toBeGreaterThan(0);
  });

  it('keeps assignment history: ended 干部变动 and 主体注销 records', () => {
    const ended = city.assignments.filter((a) => a.end !== '');
    expect(ended.some((a) => a.endReason === '干部变动')).toBe(true);
    expect(ended.some((a) => a.endReason === '主体注销')).toBe(true);
    for (const a of ended) expect(a.end >= a.start).toBe(true);
    expect(city.entities.some((e) => e.status === '停业')).toBe(true);
    expect(city.entities.filter((e) => e.status === '注销').every((e) => e.type !== '企业')).toBe(true);
  });

  it('has nearly, but not quite, every enterprise duty done', () => {
    const ratios: Record<string, Ratio> = { ...cityStats.duties };
    for (const [name, { done, total }] of Object.entries(ratios)) {
      expect(total, name).toBeGreaterThan(0);
      expect(done / total, name).toBeGreaterThan(0.9);
      expect(done / total, name).toBeLessThan(1);
    }
    expect(cityStats.duties.dailyWeeklyMonthly.total).toBe(1_635);
    const large = city.entities.filter((e) => e.scale === '大型');
    expect(large.every((e) => requiresDirector(e, city.profile.directorRule))).toBe(true);
    expect(city.entities.some((e) => e.canteen !== null && e.businessKinds.includes('集中用餐单位食堂'))).toBe(true);
    expect(city.entities.some((e) => e.businessKinds.includes('特殊食品'))).toBe(true);
  });

  it('has about 90 % of cadres with a signed 承诺书 and a few who have left', () => {
    const signed = cityStats.cadres.commitmentSigned;
    expect(signed.done / signed.total).toBeGreaterThan(0.85);
    expect(signed.done / signed.total).toBeLessThan(0.95);
    const inactive = city.cadres.filter((c) => !c.active).length;
    expect(inactive).toBeGreaterThan(0);
    expect(inactive).toBeLessThan(30);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const json = (doc: DataDoc): string => JSON.stringify(doc);
    expect(json(generateDemo('city', 42, NOW))).toBe(json(city));
    expect(json(generateDemo('city', 43, NOW))).not.toBe(json(city));
  });
});

describe('district demo', () => {
  it('is one 旗区 with about 2,500 主体 and every kind of violation', () => {
    const doc = generateDemo('district', 7, NOW);
    const stats = computeStats(doc);
    expect(DataDocSchema.safeParse(doc).success).toBe(true);
    expect(stats.regions.county).toBe(1);
    expect(stats.regions.township).toBe(15);
    expect(stats.entities.total).toBeGreaterThan(2_300);
    expect(stats.entities.total).toBeLessThan(2_700);
    expect(stats.cadres.total).toBeGreaterThan(250);
    expect(stats.cadres.total).toBeLessThan(350);
    for (const kind of VIOLATION_KINDS) expect(stats.coverage.byKind[kind], kind).toBeGreaterThan(0);
  });
});

describe('province demo', () => {
  it('has 100,000 主体 and 12,000 cadres in the city shape, built in seconds', async () => {
    const { value: doc, cpuSeconds } = await timed(() => generateDemo('province', 1, NOW));
    const stats = computeStats(doc);
    expect(stats.entities.total).toBe(100_000);
    expect(stats.cadres.total).toBe(12_000);
    expect(stats.entities.byGrade.D / stats.entities.total).toBeCloseTo(19_212 / 21_893, 2);
    expect(stats.cadres.byLevel.village / stats.cadres.total).toBeCloseTo(1_840 / 2_684, 2);
    expect(stats.regions.county).toBe(45);
    expect(cpuSeconds).toBeLessThan(15);
  });
});
