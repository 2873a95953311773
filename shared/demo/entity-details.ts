import type { BusinessKind, CanteenKind, EntityType, Grade, Person, Scale } from '../domain/schemas';
import { orgCodeCheckChar, usccCheckChar, USCC_ALPHABET } from '../domain/uscc';
import type { EntitySpec } from './builder';
import type { Quota } from './plans';
import { type Random } from './random';
import { cnNumber, pad, shortName } from './text';
import {
  CATERER_WORDS,
  EATERY_WORDS,
  GIVEN_CHARS,
  MOBILE_PREFIXES,
  MONGOLIAN_NAMES,
  PRODUCER_WORDS,
  ROAD_SUFFIXES,
  ROAD_WORDS,
  SELLER_WORDS,
  SHOP_WORDS,
  SNACK_WORDS,
  STALL_WORDS,
  SURNAMES,
  TRADE_WORDS,
  WORKSHOP_WORDS,
} from './words';

/** 主体 details of the demo: types and scales by grade, names, addresses, USCC and licence numbers. */

export interface Place {
  readonly city: string;
  readonly county: string;
  readonly township: string;
  readonly village: string | null;
}

/** Grade → types and scales: A and B are all 企业; C holds the rest of the 企业 (docs/domain.md#示范数据与规模). */
export function entitySpecs(quota: Quota, rng: Random): EntitySpec[] {
  const { A, B, C, D } = quota.grades;
  const specs: EntitySpec[] = [];
  const add = (count: number, grade: Grade, type: EntityType, scale: () => Scale): void => {
    for (let k = 0; k < count; k++) specs.push({ grade, type, scale: scale() });
  };
  const cEnterprises = Math.max(0, quota.enterprises - A - B);
  const largeLeft = Math.max(0, quota.large - A);
  const bLarge = Math.min(B, Math.round(largeLeft * 0.75));
  const cLarge = Math.min(cEnterprises, largeLeft - bLarge);
  const cMedium = Math.round((cEnterprises - cLarge) * 0.18);
  add(A, 'A', '企业', () => '大型');
  add(bLarge, 'B', '企业', () => '大型');
  add(B - bLarge, 'B', '企业', () => '中型');
  add(cLarge, 'C', '企业', () => '大型');
  add(cMedium, 'C', '企业', () => '中型');
  add(cEnterprises - cLarge - cMedium, 'C', '企业', () => (rng.chance(0.65) ? '小型' : '微型'));
  for (let k = 0; k < C - cEnterprises; k++) specs.push(smallBusiness('C', rng));
  for (let k = 0; k < D; k++) specs.push(smallBusiness('D', rng));
  return rng.shuffle(specs);
}

const SMALL_TYPES: Readonly<Record<'C' | 'D', readonly (readonly [EntityType, number])[]>> = {
  C: [
    ['个体工商户', 0.45],
    ['小餐饮', 0.2],
    ['小作坊', 0.12],
    ['其他', 0.18],
    ['食品摊贩', 0.05],
  ],
  D: [
    ['个体工商户', 0.45],
    ['小餐饮', 0.25],
    ['食品摊贩', 0.14],
    ['小作坊', 0.08],
    ['其他', 0.08],
  ],
};
const SMALL_SCALE_SHARE: Readonly<Record<EntityType, number>> = {
  企业: 1,
  个体工商户: 0.25,
  小餐饮: 0.1,
  小作坊: 0.1,
  食品摊贩: 0,
  其他: 0.4,
};
/** Share of non-企业 that name a 食品安全员 of their own accord (canteens most often). */
export const SMALL_OFFICER_SHARE: Readonly<Record<EntityType, number>> = {
  企业: 0,
  个体工商户: 0.2,
  小餐饮: 0.1,
  小作坊: 0.3,
  食品摊贩: 0,
  其他: 0.7,
};

function smallBusiness(grade: 'C' | 'D', rng: Random): EntitySpec {
  const type = rng.weighted(SMALL_TYPES[grade]);
  return { grade, type, scale: rng.chance(SMALL_SCALE_SHARE[type]) ? '小型' : '微型' };
}

export function businessKinds(type: EntityType, rng: Random): BusinessKind[] {
  switch (type) {
    case '企业': {
      const main = rng.weighted<BusinessKind>([
        ['食品生产', 0.32],
        ['食品销售', 0.38],
        ['餐饮服务', 0.24],
        ['集中用餐单位食堂', 0.04],
        ['特殊食品', 0.02],
      ]);
      if (main === '特殊食品') return ['特殊食品', rng.chance(0.5) ? '食品生产' : '食品销售'];
      if (main === '食品生产' && rng.chance(0.2)) return ['食品生产', '食品销售'];
      return [main];
    }
    case '个体工商户':
      return [rng.chance(0.62) ? '食品销售' : '餐饮服务'];
    case '小作坊':
      return ['食品生产'];
    case '小餐饮':
      return ['餐饮服务'];
    case '食品摊贩':
      return [rng.chance(0.5) ? '食品销售' : '餐饮服务'];
    case '其他':
      return [rng.chance(0.7) ? '集中用餐单位食堂' : '食品销售'];
  }
}

const CANTEEN_HEADCOUNT: Readonly<Record<CanteenKind, readonly [number, number]>> = {
  幼儿园: [60, 450],
  养老机构: [30, 400],
  学校: [150, 2200],
  其他单位: [50, 1800],
};

export function makeCanteen(type: EntityType, rng: Random): { kind: CanteenKind; mealHeadcount: number } {
  // Companies mostly cater for schools and works canteens; 其他 are the schools and homes themselves.
  const kind = rng.weighted<CanteenKind>(
    type === '企业'
      ? [
          ['学校', 0.4],
          ['其他单位', 0.45],
          ['幼儿园', 0.1],
          ['养老机构', 0.05],
        ]
      : [
          ['学校', 0.45],
          ['幼儿园', 0.25],
          ['养老机构', 0.1],
          ['其他单位', 0.2],
        ],
  );
  const [min, max] = CANTEEN_HEADCOUNT[kind];
  return { kind, mealHeadcount: Math.round(rng.int(min, max) / 10) * 10 };
}

function personName(rng: Random): string {
  if (rng.chance(0.08)) return rng.pick(MONGOLIAN_NAMES);
  const given = rng.chance(0.6) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

export function person(rng: Random): Person {
  return { name: personName(rng), phone: rng.pick(MOBILE_PREFIXES) + rng.digits(8) };
}

export function entityName(
  type: EntityType,
  kinds: readonly BusinessKind[],
  canteen: { kind: CanteenKind } | null,
  place: Place,
  rng: Random,
): string {
  const trade = rng.pick(TRADE_WORDS);
  const surname = rng.pick(SURNAMES);
  // Registered names start with the 旗区, sometimes also the 乡镇; some carry none.
  const prefix = rng.weighted([
    [place.county, 0.55],
    [place.county + place.township, 0.3],
    ['', 0.15],
  ]);
  const firmPrefix = rng.weighted([
    [place.city, 0.45],
    [place.county, 0.35],
    ['内蒙古', 0.2],
  ]);
  switch (type) {
    case '企业':
      if (kinds.includes('特殊食品')) return `${firmPrefix}${trade}${rng.pick(['生物科技', '营养食品', '保健食品'])}有限公司`;
      if (canteen) return `${place.county}${trade}餐饮管理有限公司（${canteenSite(canteen.kind, place, rng)}食堂）`;
      if (kinds.includes('食品生产')) return `${firmPrefix}${trade}${rng.pick(PRODUCER_WORDS)}有限公司`;
      if (kinds.includes('食品销售')) {
        const chain = rng.chance(0.05) ? rng.pick(['连锁超市', '便利店连锁']) : rng.pick(SELLER_WORDS);
        return `${firmPrefix}${trade}${chain}有限公司`;
      }
      return `${place.county}${trade}${rng.pick(CATERER_WORDS)}有限${rng.chance(0.8) ? '' : '责任'}公司`;
    case '个体工商户':
      if (kinds.includes('餐饮服务')) return `${prefix}${rng.chance(0.3) ? `${surname}记` : trade}${rng.pick(EATERY_WORDS)}`;
      if (place.village && rng.chance(0.15)) return `${place.county}${place.village}便民超市`;
      return `${prefix}${rng.chance(0.25) ? `${surname}记` : trade}${rng.pick(SHOP_WORDS)}`;
    case '小餐饮':
      return `${prefix}${rng.chance(0.6) ? `${surname}记` : trade}${rng.pick(SNACK_WORDS)}`;
    case '小作坊':
      return `${prefix}${rng.chance(0.6) ? `${surname}家${rng.pick(WORKSHOP_WORDS)}作坊` : `${trade}${rng.pick(WORKSHOP_WORDS)}加工坊`}`;
    case '食品摊贩':
      return `${rng.chance(0.5) ? place.county : ''}${personName(rng)}${rng.pick(STALL_WORDS)}`;
    case '其他':
      if (canteen) return `${canteenSite(canteen.kind, place, rng)}食堂`;
      return rng.chance(0.5) ? `${place.county}${shortName(place.township)}供销合作社` : `${place.county}${trade}农牧民专业合作社`;
  }
}

function canteenSite(kind: CanteenKind, place: Place, rng: Random): string {
  const trade = rng.pick(TRADE_WORDS);
  switch (kind) {
    case '学校':
      return rng.pick([
        `${place.county}第${cnNumber(rng.int(1, 12))}中学`,
        `${place.county}${shortName(place.township)}中心小学`,
        `${place.county}${trade}学校`,
      ]);
    case '幼儿园':
      return `${place.county}${trade}幼儿园`;
    case '养老机构':
      return rng.pick([
        `${place.county}${trade}养老院`,
        `${place.county}社会福利中心`,
        `${place.county}${shortName(place.township)}敬老院`,
      ]);
    case '其他单位':
      return rng.pick([
        `${place.county}人民医院职工`,
        `${place.county}${trade}煤业公司职工`,
        `${place.county}${trade}能源公司职工`,
        `${place.county}机关`,
      ]);
  }
}

export function address(place: Place, rng: Random): string {
  const street = `${rng.pick(ROAD_WORDS)}${rng.pick(ROAD_SUFFIXES)}${rng.int(1, 220)}号`;
  const base = `${place.county}${place.township}`;
  if (place.village === null) return `${base}${street}`;
  // 村 and 嘎查 have no street numbers; addresses name the 社 (村民小组).
  if (/(村|嘎查)$/.test(place.village)) return `${base}${place.village}${cnNumber(rng.int(1, 9))}社`;
  return `${base}${place.village}${street}`;
}

/** GB 32100: 登记管理部门 + 机构类别, 6-digit 区划, 9-character 组织机构代码, check character. */
function buildUscc(head: string, countyCode: string, rng: Random): string {
  // Newer registrations carry an "MA…" body, older ones the digits of the former 组织机构代码.
  const modern = rng.chance(0.6);
  let body = modern ? 'MA' : '';
  while (body.length < 8) body += modern && rng.chance(0.5) ? USCC_ALPHABET.charAt(rng.int(10, 30)) : String(rng.int(0, 9));
  const first17 = `${head}${countyCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export function makeUscc(type: EntityType, countyCode: string, rng: Random): string {
  switch (type) {
    case '企业':
      return buildUscc('91', countyCode, rng);
    case '个体工商户':
      return rng.chance(0.85) ? buildUscc('92', countyCode, rng) : '';
    case '小餐饮':
    case '小作坊':
      return rng.chance(0.5) ? buildUscc('92', countyCode, rng) : '';
    case '其他':
      // School and hospital canteens belong to 事业单位 (12…).
      return rng.chance(0.5) ? buildUscc('12', countyCode, rng) : '';
    case '食品摊贩':
      return '';
  }
}

export function uniqueLicense(used: Set<string>, make: () => string): string {
  for (;;) {
    const license = make();
    if (license === '' || !used.has(license)) {
      if (license) used.add(license);
      return license;
    }
  }
}

/** SC/JY + 14 digits (category, 区划, serial, check digit); 登记 and 备案 numbers as text. */
export function makeLicense(type: EntityType, kinds: readonly BusinessKind[], countyCode: string, rng: Random): string {
  const registration = (word: string): string => `蒙食${word}登字〔${rng.int(2024, 2026)}〕第${countyCode}${rng.digits(4)}号`;
  if (type === '小作坊') return registration('作');
  if (type === '食品摊贩') return rng.chance(0.3) ? registration('摊') : '';
  if (type === '小餐饮' && rng.chance(0.2)) return registration('餐');
  if (kinds.includes('食品生产')) return `SC1${pad(rng.int(1, 32), 2)}${countyCode}${rng.digits(5)}`;
  if (type === '个体工商户' && kinds.includes('食品销售') && rng.chance(0.15)) return `YB1${countyCode}${rng.digits(7)}`;
  const sector = kinds.includes('集中用餐单位食堂') ? '3' : kinds.includes('餐饮服务') ? '2' : '1';
  return `JY${sector}${countyCode}${rng.digits(7)}`;
}
