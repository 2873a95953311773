import type { CadreLevel, Grade } from '../domain/schemas';
import { ORDOS_REGIONS_CSV, parseRegionCsv } from './ordos-regions';
import { type Random } from './random';
import { apportion, cnNumber, uniqueName } from './text';
import { MONGOLIAN_HEADS, MONGOLIAN_TAILS, PLACE_HEADS, PLACE_TAILS, SYNTHETIC_CITIES } from './words';

/** The demo's cities and how many records of each kind each one gets. */

interface TownshipPlan {
  readonly name: string;
  readonly kind: string;
}
interface CountyPlan {
  readonly code: string;
  readonly name: string;
  readonly townships: readonly TownshipPlan[];
}
export interface CityPlan {
  readonly code: string;
  readonly name: string;
  readonly counties: readonly CountyPlan[];
}

/** How many of each kind of record one city gets. */
export interface Quota {
  readonly grades: Readonly<Record<Grade, number>>;
  readonly enterprises: number;
  readonly large: number;
  readonly cadres: Readonly<Record<CadreLevel, number>>;
}

/** docs/domain.md#示范数据与规模: the seed's city, with the earlier report's level and grade shape. */
export const CITY_QUOTA: Quota = {
  grades: { A: 31, B: 246, C: 2_404, D: 19_212 },
  enterprises: 1_635,
  large: 332,
  cadres: { city: 16, county: 154, township: 674, village: 1_840 },
};
export const CITY_ENTITIES = 21_893;

/** About 1,000 villages for the city's 1,840 村级 cadres, so most villages have one or two. */
export const VILLAGES_PER_VILLAGE_CADRE = 1_000 / 1_840;

function apportionRecord<K extends string>(total: number, shape: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(shape) as K[];
  const counts = apportion(
    total,
    keys.map((k) => shape[k]),
  );
  return Object.fromEntries(keys.map((k, i) => [k, counts[i] ?? 0])) as Record<K, number>;
}

/** The city's shape at another size. */
export function scaleQuota(entities: number, cadres: number): Quota {
  const grades = apportionRecord(entities, CITY_QUOTA.grades);
  const top = grades.A + grades.B;
  const enterprises = Math.min(top + grades.C, Math.max(top, Math.round((entities * CITY_QUOTA.enterprises) / CITY_ENTITIES)));
  const large = Math.min(enterprises, Math.max(grades.A, Math.round((entities * CITY_QUOTA.large) / CITY_ENTITIES)));
  return { grades, enterprises, large, cadres: apportionRecord(cadres, CITY_QUOTA.cadres) };
}

export function ordosPlan(): CityPlan {
  const counties = new Map<string, { code: string; name: string; townships: TownshipPlan[] }>();
  for (const row of parseRegionCsv(ORDOS_REGIONS_CSV)) {
    const county = counties.get(row.countyCode) ?? { code: row.countyCode, name: row.county, townships: [] };
    county.townships.push({ name: row.township, kind: row.townshipKind });
    counties.set(row.countyCode, county);
  }
  return { code: '150600000000', name: '鄂尔多斯市', counties: [...counties.values()] };
}

/** 东胜区 alone, still under its city node so that A-grade 主体 have 市级 cadres to go to. */
export function districtPlan(): CityPlan {
  const city = ordosPlan();
  return { ...city, counties: city.counties.filter((c) => c.code === '150602') };
}

/**
 * An invented city with 鄂尔多斯's shape (same 旗区 and 乡镇 kinds) and made-up names; codes
 * 1591–1594 are not in use in 内蒙古, so they cannot be mistaken for real places.
 */
export function syntheticPlan(index: number, rng: Random, usedNames: Set<string>): CityPlan {
  const prefix = `15${91 + index}`;
  const placeWord = (kind: string): string =>
    uniqueName(
      usedNames,
      () =>
        kind === '苏木' ? `${rng.pick(MONGOLIAN_HEADS)}${rng.pick(MONGOLIAN_TAILS)}` : `${rng.pick(PLACE_HEADS)}${rng.pick(PLACE_TAILS)}`,
      (base, n) => `${base}${cnNumber(n)}`,
    );
  return {
    code: `${prefix}00000000`,
    name: SYNTHETIC_CITIES[index] ?? `示例${cnNumber(index + 1)}市`,
    counties: ordosPlan().counties.map((county) => ({
      code: `${prefix}${county.code.slice(4)}`,
      name: `${placeWord('')}${county.name.endsWith('旗') ? '旗' : '区'}`,
      townships: county.townships.map((t) => ({ name: `${placeWord(t.kind)}${t.kind}`, kind: t.kind })),
    })),
  };
}
