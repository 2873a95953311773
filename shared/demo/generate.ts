import type { DemoScale } from '../api/contract';
import { addDays } from '../calendar/days';
import { requiresDirector } from '../domain/director';
import type {
  Assignment,
  BusinessKind,
  Cadre,
  CadreLevel,
  CanteenKind,
  Entity,
  EntityType,
  Grade,
  Person,
  Profile,
  Region,
  Scale,
} from '../domain/schemas';
import { orgCodeCheckChar, usccCheckChar, USCC_ALPHABET } from '../domain/uscc';
import { emptyDoc, type DataDoc } from '../storage/types';
import { ORDOS_REGIONS_CSV, parseRegionCsv } from './ordos-regions';

/**
 * Realistic synthetic libraries for demos, manual testing and load tests (`demo`, docs/domain.md#示范数据与规模).
 * `city` reproduces the seed's figures exactly (docs/domain.md#示范数据与规模); every record is invented except the
 * real 旗区 and 乡镇 of 鄂尔多斯市. The same seed always gives the same library.
 */

// ---- seeded random numbers -----------------------------------------------------------------

/** mulberry32: tiny and fast; Math.random would make demo libraries unreproducible. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One of the options, each as likely as its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let x = this.next() * total;
    for (const [value, weight] of options) {
      x -= weight;
      if (x < 0) return value;
    }
    return this.pick(options)[0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, count));
  }

  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String(Math.floor(this.next() * 10));
    return text;
  }

  /** A YYYY-MM-DD day between two days, both included. */
  date(from: string, to: string): string {
    const start = dayNumber(from);
    return dayText(start + this.int(0, dayNumber(to) - start));
  }
}

// Date parsing and formatting dominate a 100,000-主体 run without these caches.
const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, string>();

function dayNumber(text: string): number {
  let n = dayNumbers.get(text);
  if (n === undefined) dayNumbers.set(text, (n = Math.round(Date.parse(`${text}T00:00:00Z`) / 86_400_000)));
  return n;
}

function dayText(n: number): string {
  let text = dayTexts.get(n);
  if (text === undefined) dayTexts.set(n, (text = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  return text;
}

/** Draws items in proportion to their weights (binary search over running totals). */
class WeightedPicker<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[] = [];

  constructor(items: readonly T[], weights: readonly number[]) {
    this.items = items;
    let total = 0;
    for (const weight of weights) this.cumulative.push((total += weight));
  }

  pick(rng: Random): T {
    const x = rng.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    const item = this.items[lo];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

// ---- small helpers -------------------------------------------------------------------------

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1–99 in Chinese numerals (二, 十二, 三十五), for 分店, 中学 and 社. */
function cnNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10 === 0 ? '' : CN_DIGITS.charAt(n % 10);
  if (tens === 0) return CN_DIGITS.charAt(n);
  return `${tens === 1 ? '' : CN_DIGITS.charAt(tens)}十${ones}`;
}

/** Integer shares of `total` in proportion to `weights` that add up to exactly `total`. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** As `apportion`, but every share gets at least `floor` first (when the total allows). */
function apportionWithFloor(total: number, weights: readonly number[], floor: number): number[] {
  const base = Math.min(floor, Math.floor(total / Math.max(1, weights.length)));
  return apportion(total - base * weights.length, weights).map((n) => n + base);
}

/** Retries `make` until the name is new; then numbers a branch (…二分店) as a last resort. */
function uniqueName(used: Set<string>, make: () => string, variant: (base: string, n: number) => string): string {
  let name = make();
  for (let tries = 0; used.has(name) && tries < 20; tries++) name = make();
  const base = name;
  for (let n = 2; used.has(name); n++) name = variant(base, n);
  used.add(name);
  return name;
}

function branchName(base: string, n: number): string {
  if (base.endsWith('公司')) return `${base}第${cnNumber(n)}分公司`;
  if (base.endsWith('食堂')) return `${base.slice(0, -2)}第${cnNumber(n)}食堂`;
  return `${base}${cnNumber(n)}分店`;
}

/** 交通街道 → 交通, 罕台镇 → 罕台, 展旦召苏木 → 展旦召. */
function shortName(name: string): string {
  const short = name.replace(/(街道|苏木|社区|嘎查|镇|乡|村|区|旗|县|市)$/, '');
  return short === '' ? name : short;
}

// ---- word lists ----------------------------------------------------------------------------

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '程', '曹', '袁', '邓', '许', '沈', '曾', '彭', '吕', '苏', '卢',
  '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '闫', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜', '范', '方',
  '石', '姚', '谭', '邹', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '史', '侯', '孟', '段', '雷', '乔',
  '贺', '武', '常', '尹', '奇', '包', '云', '乌', '苗', '杭', '边', '訾', '折', '高', '张', '王', '李', '刘', '杨', '郭',
];
const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '国', '文', '辉', '玉', '兰', '红', '志', '海', '峰', '鹏', '飞', '宇', '浩', '凯', '晓',
  '东', '亮', '林', '斌', '波', '宁', '春', '燕', '雪', '梅', '琳', '婷', '慧', '佳', '欣', '瑞', '俊', '鑫', '晨', '阳',
  '博', '振', '永', '成', '福', '生', '荣', '忠', '德', '新', '利', '旭', '彬', '蓉', '莉', '锋', '毅', '岩', '彤', '璐',
];
/** Mongolian given names, common in 鄂尔多斯 and usually written without a surname. */
const MONGOLIAN_NAMES = [
  '巴特尔', '乌云其木格', '额尔敦', '苏日娜', '那仁格日勒', '宝音', '其其格', '斯琴', '阿拉坦', '图雅', '孟和', '萨仁',
  '哈斯', '朝鲁', '额尔德木图', '达来', '巴图', '敖登', '格日勒图', '吉日嘎拉', '娜仁花', '乌日娜', '布和', '特木尔',
];
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199',
];

/** 字号: the distinctive part of a business name. */
const TRADE_WORDS = [
  '金穗', '蒙源', '草原', '塞北', '大漠', '绿野', '鸿泰', '福瑞', '恒通', '兴盛', '瑞丰', '丰源', '天骄', '祥和', '聚鑫',
  '宏达', '永盛', '康源', '嘉禾', '华康', '润泽', '鑫旺', '佳美', '春晖', '德顺', '万通', '金鼎', '盛世', '百味', '鲜香',
  '牧歌', '银河', '诚信', '和顺', '乐购', '好邻居', '惠民', '利民', '万家', '旺角', '金牛', '白云', '蓝天', '苏力德',
  '成吉思', '蒙佳', '乳香', '沙棘林', '驼铃', '敖包', '马兰', '黄河湾', '鄂尔多', '顺达', '隆兴', '泰和', '益康', '新世纪',
  '好运来', '金达', '众鑫', '味之源', '老兵', '老地方', '一品', '福满', '小肥羊', '蒙味', '骏马', '阿拉腾', '塔拉', '巴音',
];
const PRODUCER_WORDS = [
  '乳业', '肉业', '食品', '粮油', '饮品', '酒业', '面业', '调味品', '农牧业', '牛羊肉食品', '沙棘饮品', '乳制品', '羊肉制品',
  '糕点', '豆制品', '米业', '饮用水', '蜂业', '绿色食品', '牧业',
];
const SELLER_WORDS = ['商贸', '超市', '食品贸易', '农产品批发市场', '商贸物流', '百货', '冷链物流', '粮油贸易'];
const CATERER_WORDS = ['餐饮', '酒店', '餐饮管理', '火锅', '羊肉馆', '饭店', '烤全羊', '大酒店'];
const SHOP_WORDS = ['超市', '便利店', '副食店', '粮油店', '烟酒商行', '水果店', '生鲜超市', '调料店', '食品店', '蔬菜店'];
const EATERY_WORDS = ['餐馆', '羊肉馆', '手把肉馆', '饭店', '火锅店', '烧烤店', '酒家', '家常菜馆', '涮羊肉馆', '烩菜馆'];
const SNACK_WORDS = [
  '面馆', '包子铺', '饺子馆', '烧麦馆', '羊杂碎馆', '凉皮店', '米粉店', '快餐店', '砂锅店', '奶茶馆', '莜面馆', '拉面馆',
];
const WORKSHOP_WORDS = ['豆腐', '粉条', '糕点', '油炸糕', '月饼', '挂面', '炒米', '奶食品', '酿皮', '黄米糕', '香油', '馍馍'];
const STALL_WORDS = ['烤红薯摊', '煎饼摊', '水果摊', '烤串摊', '凉皮摊', '糖葫芦摊', '炸串摊', '煮玉米摊', '早点摊', '蔬菜摊'];

const ROAD_WORDS = [
  '团结', '建设', '文明', '育才', '民族', '和平', '新华', '解放', '人民', '振兴', '光明', '幸福', '滨河', '迎宾', '工业',
  '友谊', '体育', '北环', '南环', '天骄', '林荫', '纺织', '宝日陶亥', '吉劳庆', '伊化',
];
const ROAD_SUFFIXES = ['路', '街', '大街', '南路', '北路', '东街', '西街'];

const COMMUNITY_WORDS = [
  '幸福', '和平', '团结', '文明', '建设', '振兴', '阳光', '康和', '东兴', '西园', '南苑', '北苑', '富民', '新华', '育才',
  '滨河', '馨园', '丽苑', '锦绣', '明珠', '华府', '春晓', '朝阳', '民主', '友谊', '吉祥', '松林', '天骄', '宝日陶亥', '铁西',
];
const COMMUNITY_SUFFIXES = ['', '', '', '园', '苑', '东', '西'];
const VILLAGE_PLACES = ['', '渠', '塔', '梁', '湾', '圪旦', '壕', '峁', '沟', '营子', '圪堵', '窑'];
const VILLAGE_WORDS = [
  '新民', '红旗', '光明', '永丰', '胜利', '联合', '东风', '新胜', '团结', '先锋', '前进', '中和', '五股地', '柳林', '榆树湾',
  '沙梁', '黄河湾', '大圐圙', '新地', '园子塔', '什拉塔', '海子湾', '西柳沟', '哈什拉',
];
const MONGOLIAN_HEADS = ['巴音', '乌兰', '查干', '哈日', '宝日', '阿拉腾', '额尔敦', '孟克', '呼和', '伊和', '巴嘎', '希热', '沙日', '陶力'];
const MONGOLIAN_TAILS = ['淖尔', '陶勒盖', '布拉格', '乌苏', '敖包', '高勒', '塔拉', '图', '毛都', '花', '温都尔', '呼都格'];

/** Syllables for the invented cities of the province demo. */
const PLACE_HEADS = ['新', '东', '西', '南', '北', '上', '大', '小', '高', '长', '青', '金', '石', '柳', '杨', '红', '白', '黄', '泉', '沙', '平', '安', '和', '兴', '宁', '丰', '永', '福', '清', '双'];
const PLACE_TAILS = ['庄', '河', '湾', '梁', '台', '营', '堡', '坪', '川', '沟', '口', '林', '山', '桥', '源', '原', '园', '城', '岭', '峰'];
const SYNTHETIC_CITIES = ['青原市', '金河市', '云泽市', '北岭市'];

// ---- plans and quotas ----------------------------------------------------------------------

interface TownshipPlan {
  readonly name: string;
  readonly kind: string;
}
interface CountyPlan {
  readonly code: string;
  readonly name: string;
  readonly townships: readonly TownshipPlan[];
}
interface CityPlan {
  readonly code: string;
  readonly name: string;
  readonly counties: readonly CountyPlan[];
}

/** How many of each kind of record one city gets. */
interface Quota {
  readonly grades: Readonly<Record<Grade, number>>;
  readonly enterprises: number;
  readonly large: number;
  readonly cadres: Readonly<Record<CadreLevel, number>>;
}

/** docs/domain.md#示范数据与规模: the seed's city, with the earlier report's level and grade shape. */
const CITY_QUOTA: Quota = {
  grades: { A: 31, B: 246, C: 2_404, D: 19_212 },
  enterprises: 1_635,
  large: 332,
  cadres: { city: 16, county: 154, township: 674, village: 1_840 },
};
const CITY_ENTITIES = 21_893;

/** About 1,000 villages for the city's 1,840 村级 cadres, so most villages have one or two. */
const VILLAGES_PER_VILLAGE_CADRE = 1_000 / 1_840;

function apportionRecord<K extends string>(total: number, shape: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(shape) as K[];
  const counts = apportion(total, keys.map((k) => shape[k]));
  return Object.fromEntries(keys.map((k, i) => [k, counts[i] ?? 0])) as Record<K, number>;
}

/** The city's shape at another size. */
function scaleQuota(entities: number, cadres: number): Quota {
  const grades = apportionRecord(entities, CITY_QUOTA.grades);
  const top = grades.A + grades.B;
  const enterprises = Math.min(top + grades.C, Math.max(top, Math.round((entities * CITY_QUOTA.enterprises) / CITY_ENTITIES)));
  const large = Math.min(enterprises, Math.max(grades.A, Math.round((entities * CITY_QUOTA.large) / CITY_ENTITIES)));
  return { grades, enterprises, large, cadres: apportionRecord(cadres, CITY_QUOTA.cadres) };
}

function ordosPlan(): CityPlan {
  const counties = new Map<string, { code: string; name: string; townships: TownshipPlan[] }>();
  for (const row of parseRegionCsv(ORDOS_REGIONS_CSV)) {
    const county = counties.get(row.countyCode) ?? { code: row.countyCode, name: row.county, townships: [] };
    county.townships.push({ name: row.township, kind: row.townshipKind });
    counties.set(row.countyCode, county);
  }
  return { code: '150600000000', name: '鄂尔多斯市', counties: [...counties.values()] };
}

/** 东胜区 alone, still under its city node so that A-grade 主体 have 市级 cadres to go to. */
function districtPlan(): CityPlan {
  const city = ordosPlan();
  return { ...city, counties: city.counties.filter((c) => c.code === '150602') };
}

/**
 * An invented city with 鄂尔多斯's shape (same 旗区 and 乡镇 kinds) and made-up names; codes
 * 1591–1594 are not in use in 内蒙古, so they cannot be mistaken for real places.
 */
function syntheticPlan(index: number, rng: Random, usedNames: Set<string>): CityPlan {
  const prefix = `15${91 + index}`;
  const placeWord = (kind: string): string =>
    uniqueName(
      usedNames,
      () => (kind === '苏木' ? `${rng.pick(MONGOLIAN_HEADS)}${rng.pick(MONGOLIAN_TAILS)}` : `${rng.pick(PLACE_HEADS)}${rng.pick(PLACE_TAILS)}`),
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

// ---- the library being built ---------------------------------------------------------------

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

interface EntitySpec {
  readonly grade: Grade;
  readonly type: EntityType;
  readonly scale: Scale;
}

/** Where a 主体 sits: a village, or only its 乡镇 when the village is unknown. */
interface Draft {
  readonly spec: EntitySpec;
  readonly township: TownshipNode;
  readonly village: VillageNode | null;
}

type Reason = Assignment['reason'];

/** An assignment before it gets its id; current while `end` is ''. */
interface Link {
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
const UNASSIGNED_SHARE = 0.025;

class DemoBuilder {
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
    const counts = apportionWithFloor(villageTotal, townships.map((t) => t.weight), 3);
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
      const name = uniqueName(used, () => villageName(kind, rng), (base, n) => base.replace(/(社区|村|嘎查)$/, `${cnNumber(n)}$1`));
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
    const byVillage = new WeightedPicker(villages, villages.map((v) => v.weight));
    // Large firms cluster in the urban 街道.
    const byTownship = new WeightedPicker(townships, townships.map((t) => t.weight * (t.region.kind === '街道' ? 2 : 1)));
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

  private addCadres(quota: Quota, city: Region, counties: readonly Region[], townships: readonly TownshipNode[], drafts: readonly Draft[]): void {
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
    this.addCadresOn('county', counties, apportionWithFloor(quota.cadres.county, counties.map((c) => (bByCounty.get(c.id) ?? 0) + 1), 1));
    const townshipRegions = townships.map((t) => t.region);
    this.addCadresOn('township', townshipRegions, apportionWithFloor(quota.cadres.township, townshipRegions.map((r) => (cByTownship.get(r.id) ?? 0) + 1), 2));

    const villages = townships.flatMap((t) => t.villages);
    const open = villages.filter((v) => !v.crowded);
    const openCounts = apportionWithFloor(quota.cadres.village - (villages.length - open.length), open.map((v) => (dByVillage.get(v.region.id) ?? 0) + 1), 1);
    const countOf = new Map(open.map((v, i) => [v, openCounts[i] ?? 0]));
    this.addCadresOn('village', villages.map((v) => v.region), villages.map((v) => countOf.get(v) ?? 1));
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

// ---- deliberate imperfections --------------------------------------------------------------

/**
 * Real registers are never clean: a few closed or paused 主体, some not yet assigned, cadres
 * who left, and one example of every rule the violation checker knows. Counts follow the
 * city's, scaled by the number of 主体.
 */
class Sprinkler {
  private readonly used = new Set<number>();
  private readonly order: number[];
  private readonly factor: number;

  constructor(
    private readonly builder: DemoBuilder,
    private readonly rng: Random,
    private readonly drafts: readonly Draft[],
    private readonly entities: readonly Entity[],
    private readonly links: Link[][],
  ) {
    this.order = rng.shuffle(drafts.map((_, i) => i));
    this.factor = drafts.length / CITY_ENTITIES;
  }

  run(): void {
    this.closeSome();
    this.pauseSome();
    this.leaveUnassigned();
    this.retireCadres();
    this.misassign();
    this.addHistory();
  }

  /** About `cityCount` at city size, at least one. */
  private scaled(cityCount: number): number {
    return Math.max(1, Math.round(cityCount * this.factor));
  }

  /** Up to `count` not yet used 主体 that pass the test, in random order. */
  private take(count: number, test: (i: number) => boolean): number[] {
    const taken: number[] = [];
    for (const i of this.order) {
      if (taken.length >= count) break;
      if (this.used.has(i) || !test(i)) continue;
      this.used.add(i);
      taken.push(i);
    }
    return taken;
  }

  private current(i: number): Link[] {
    return (this.links[i] ?? []).filter((l) => l.end === '');
  }

  private entity(i: number): Entity {
    const entity = this.entities[i];
    if (!entity) throw new Error(`no 主体 ${i}`);
    return entity;
  }

  private endCurrent(i: number, endReason: Reason): void {
    for (const link of this.current(i)) {
      link.end = this.builder.dateIn('02-01', '04-30');
      link.endReason = endReason;
    }
  }

  /** ~0.5 % 注销 (never 企业, so the duty totals stay whole); ~20 still wrongly assigned. */
  private closeSome(): void {
    const closed = this.take(Math.round(this.drafts.length * 0.005), (i) => this.entity(i).type !== '企业' && this.current(i).length === 1);
    closed.forEach((i, k) => {
      this.entity(i).status = '注销';
      if (k >= this.scaled(20)) this.endCurrent(i, '主体注销');
    });
  }

  private pauseSome(): void {
    for (const i of this.take(Math.round(this.drafts.length * 0.004), (i) => this.entity(i).type !== '企业')) {
      this.entity(i).status = '停业';
      this.entity(i).notes = this.rng.pick(['停业装修', '季节性停业', '经营者外出，暂停营业']);
    }
  }

  /** Tops up the naturally unassigned (village unknown, so no 村级 cadre) to ~2.5 %. */
  private leaveUnassigned(): void {
    const open = this.drafts.filter((_, i) => this.entity(i).status !== '注销').length;
    const already = this.drafts.filter((_, i) => this.entity(i).status !== '注销' && this.current(i).length === 0).length;
    const extra = this.take(Math.max(0, Math.round(open * UNASSIGNED_SHARE) - already), (i) => this.current(i).length === 1);
    // A third lost their cadre to a job change and wait for a successor.
    extra.forEach((i, k) => {
      if (k % 3 === 0) this.endCurrent(i, '干部变动');
      else this.links[i]?.splice(0);
    });
  }

  /** ~0.5 % of cadres have left (调离) but still hold their 主体: the inactive-cadre case. */
  private retireCadres(): void {
    const load = new Map<Cadre, number>();
    this.drafts.forEach((_, i) => {
      for (const link of this.current(i)) load.set(link.cadre, (load.get(link.cadre) ?? 0) + 1);
    });
    const candidates = [...load.keys()].filter((c) => c.level === 'township' || c.level === 'village');
    for (const cadre of this.rng.sample(candidates, this.scaled(13))) {
      cadre.active = false;
      // Left between one and thirty days ago: some are still within the 7-working-day deadline.
      cadre.inactiveSince = addDays(this.builder.today, -this.rng.int(1, 30));
      cadre.notes = '已调离原岗位，待调整包保关系';
    }
  }

  /** Manual choices that break a rule: wrong level, outside the area, two current cadres. */
  private misassign(): void {
    const builder = this.builder;
    const healthy = (i: number, grade: Grade): boolean =>
      this.drafts[i]?.spec.grade === grade && this.drafts[i]?.village != null && this.entity(i).status !== '注销' &&
      this.current(i).length === 1 && this.current(i)[0]?.cadre.active === true;
    const reassign = (i: number, cadre: Cadre): void => {
      for (const link of this.current(i)) {
        link.cadre = cadre;
        link.reason = '调整';
        link.manual = true;
      }
    };

    // Level mismatch: D-grade 主体 kept by a 乡镇级 cadre, C-grade by a 旗区级 one.
    for (const i of this.take(this.scaled(14), (i) => healthy(i, 'D'))) {
      const draft = this.drafts[i];
      if (draft) reassign(i, this.rng.pick(builder.cadresOn(draft.township.region.id)));
    }
    for (const i of this.take(this.scaled(6), (i) => healthy(i, 'C'))) {
      const draft = this.drafts[i];
      if (draft) reassign(i, this.rng.pick(builder.cadresOn(draft.township.county.id)));
    }

    // Out of area: a 村级 cadre of the neighbouring village.
    const neighbour = (i: number): Cadre | undefined => {
      const village = this.drafts[i]?.village;
      const others = village?.township.villages.filter((v) => v !== village && builder.cadresOn(v.region.id).length > 0) ?? [];
      return others.length > 0 ? this.rng.pick(builder.cadresOn(this.rng.pick(others).region.id)) : undefined;
    };
    for (const i of this.take(this.scaled(20), (i) => healthy(i, 'D') && neighbour(i) !== undefined)) {
      const cadre = neighbour(i);
      if (cadre) reassign(i, cadre);
    }

    // Two current cadres: a second village cadre added without ending the first.
    const sibling = (i: number): Cadre | undefined => {
      const mine = this.current(i)[0]?.cadre;
      return builder.cadresOn(mine?.regionId).find((c) => c !== mine);
    };
    for (const i of this.take(this.scaled(5), (i) => healthy(i, 'D') && sibling(i) !== undefined)) {
      const cadre = sibling(i);
      if (cadre) this.links[i]?.push(builder.link(cadre, builder.dateIn('02-01', '03-31'), '调整', true));
    }
  }

  /** ~3 % changed hands in the previous year's reshuffle: an ended 干部变动 record before the current one. */
  private addHistory(): void {
    const builder = this.builder;
    const predecessor = (i: number): Cadre | undefined => {
      const mine = this.current(i)[0]?.cadre;
      return builder.cadresOn(mine?.regionId).find((c) => c !== mine);
    };
    for (const i of this.take(Math.round(this.drafts.length * 0.03), (i) => this.current(i).length === 1 && predecessor(i) !== undefined)) {
      const link = this.current(i)[0];
      const cadre = predecessor(i);
      if (!link || !cadre) continue;
      const handover = builder.dateIn('10-08', '12-25', -1);
      const before: Link = { cadre, start: builder.dateIn('03-01', '06-30', -1), end: handover, reason: '新建', endReason: '干部变动', manual: false };
      link.start = handover;
      link.reason = '干部变动';
      this.links[i]?.unshift(before);
    }
  }
}

// ---- 主体 details --------------------------------------------------------------------------

interface Place {
  readonly city: string;
  readonly county: string;
  readonly township: string;
  readonly village: string | null;
}

/** Grade → types and scales: A and B are all 企业; C holds the rest of the 企业 (docs/domain.md#示范数据与规模). */
function entitySpecs(quota: Quota, rng: Random): EntitySpec[] {
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
  C: [['个体工商户', 0.45], ['小餐饮', 0.2], ['小作坊', 0.12], ['其他', 0.18], ['食品摊贩', 0.05]],
  D: [['个体工商户', 0.45], ['小餐饮', 0.25], ['食品摊贩', 0.14], ['小作坊', 0.08], ['其他', 0.08]],
};
const SMALL_SCALE_SHARE: Readonly<Record<EntityType, number>> = { 企业: 1, 个体工商户: 0.25, 小餐饮: 0.1, 小作坊: 0.1, 食品摊贩: 0, 其他: 0.4 };
/** Share of non-企业 that name a 食品安全员 of their own accord (canteens most often). */
const SMALL_OFFICER_SHARE: Readonly<Record<EntityType, number>> = { 企业: 0, 个体工商户: 0.2, 小餐饮: 0.1, 小作坊: 0.3, 食品摊贩: 0, 其他: 0.7 };

function smallBusiness(grade: 'C' | 'D', rng: Random): EntitySpec {
  const type = rng.weighted(SMALL_TYPES[grade]);
  return { grade, type, scale: rng.chance(SMALL_SCALE_SHARE[type]) ? '小型' : '微型' };
}

function businessKinds(type: EntityType, rng: Random): BusinessKind[] {
  switch (type) {
    case '企业': {
      const main = rng.weighted<BusinessKind>([['食品生产', 0.32], ['食品销售', 0.38], ['餐饮服务', 0.24], ['集中用餐单位食堂', 0.04], ['特殊食品', 0.02]]);
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

function makeCanteen(type: EntityType, rng: Random): { kind: CanteenKind; mealHeadcount: number } {
  // Companies mostly cater for schools and works canteens; 其他 are the schools and homes themselves.
  const kind = rng.weighted<CanteenKind>(
    type === '企业'
      ? [['学校', 0.4], ['其他单位', 0.45], ['幼儿园', 0.1], ['养老机构', 0.05]]
      : [['学校', 0.45], ['幼儿园', 0.25], ['养老机构', 0.1], ['其他单位', 0.2]],
  );
  const [min, max] = CANTEEN_HEADCOUNT[kind];
  return { kind, mealHeadcount: Math.round(rng.int(min, max) / 10) * 10 };
}

function personName(rng: Random): string {
  if (rng.chance(0.08)) return rng.pick(MONGOLIAN_NAMES);
  const given = rng.chance(0.6) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

function person(rng: Random): Person {
  return { name: personName(rng), phone: rng.pick(MOBILE_PREFIXES) + rng.digits(8) };
}

function entityName(type: EntityType, kinds: readonly BusinessKind[], canteen: { kind: CanteenKind } | null, place: Place, rng: Random): string {
  const trade = rng.pick(TRADE_WORDS);
  const surname = rng.pick(SURNAMES);
  // Registered names start with the 旗区, sometimes also the 乡镇; some carry none.
  const prefix = rng.weighted([[place.county, 0.55], [place.county + place.township, 0.3], ['', 0.15]]);
  const firmPrefix = rng.weighted([[place.city, 0.45], [place.county, 0.35], ['内蒙古', 0.2]]);
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
      return rng.pick([`${place.county}第${cnNumber(rng.int(1, 12))}中学`, `${place.county}${shortName(place.township)}中心小学`, `${place.county}${trade}学校`]);
    case '幼儿园':
      return `${place.county}${trade}幼儿园`;
    case '养老机构':
      return rng.pick([`${place.county}${trade}养老院`, `${place.county}社会福利中心`, `${place.county}${shortName(place.township)}敬老院`]);
    case '其他单位':
      return rng.pick([`${place.county}人民医院职工`, `${place.county}${trade}煤业公司职工`, `${place.county}${trade}能源公司职工`, `${place.county}机关`]);
  }
}

function address(place: Place, rng: Random): string {
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

function makeUscc(type: EntityType, countyCode: string, rng: Random): string {
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

function uniqueLicense(used: Set<string>, make: () => string): string {
  for (;;) {
    const license = make();
    if (license === '' || !used.has(license)) {
      if (license) used.add(license);
      return license;
    }
  }
}

/** SC/JY + 14 digits (category, 区划, serial, check digit); 登记 and 备案 numbers as text. */
function makeLicense(type: EntityType, kinds: readonly BusinessKind[], countyCode: string, rng: Random): string {
  const registration = (word: string): string => `蒙食${word}登字〔${rng.int(2024, 2026)}〕第${countyCode}${rng.digits(4)}号`;
  if (type === '小作坊') return registration('作');
  if (type === '食品摊贩') return rng.chance(0.3) ? registration('摊') : '';
  if (type === '小餐饮' && rng.chance(0.2)) return registration('餐');
  if (kinds.includes('食品生产')) return `SC1${pad(rng.int(1, 32), 2)}${countyCode}${rng.digits(5)}`;
  if (type === '个体工商户' && kinds.includes('食品销售') && rng.chance(0.15)) return `YB1${countyCode}${rng.digits(7)}`;
  const sector = kinds.includes('集中用餐单位食堂') ? '3' : kinds.includes('餐饮服务') ? '2' : '1';
  return `JY${sector}${countyCode}${rng.digits(7)}`;
}

// ---- villages and cadre posts --------------------------------------------------------------

/** 街道 hold 社区, 苏木 hold 嘎查, 镇 and 乡 hold 村 (some 嘎查); a 镇's seat is a 社区. */
function villageKind(townshipKind: string, index: number, rng: Random): string {
  if (townshipKind === '街道') return rng.chance(0.1) ? '村' : '社区';
  if (index === 0) return '社区';
  if (townshipKind === '苏木') return '嘎查';
  return rng.chance(0.15) ? '嘎查' : '村';
}

function villageName(kind: string, rng: Random): string {
  if (kind === '社区') return `${rng.pick(COMMUNITY_WORDS)}${rng.pick(COMMUNITY_SUFFIXES)}社区`;
  if (kind === '嘎查') return `${rng.pick(MONGOLIAN_HEADS)}${rng.chance(0.7) ? rng.pick(MONGOLIAN_TAILS) : ''}嘎查`;
  return rng.chance(0.5) ? `${rng.pick(SURNAMES)}家${rng.pick(VILLAGE_PLACES)}村` : `${rng.pick(VILLAGE_WORDS)}村`;
}

type Post = readonly [unit: string, position: string];

/** Posts for the cadres of one region: leading posts in order, then deputies for the rest. */
function postsFor(level: CadreLevel, region: Region, parentName: string): { leading: readonly Post[]; deputies: readonly Post[] } {
  const name = region.name;
  switch (level) {
    case 'city': {
      const gov = `${name}人民政府`;
      const samr = `${name}市场监督管理局`;
      return {
        leading: [
          [gov, '市长'], [gov, '常务副市长'], [gov, '副市长'], [gov, '副市长'], [`中共${name}委员会`, '常委'], [gov, '秘书长'],
          [samr, '局长'], [samr, '副局长'], [`${name}教育局`, '局长'], [`${name}卫生健康委员会`, '主任'], [`${name}商务局`, '局长'],
          [`${name}农牧局`, '局长'], [`${name}公安局`, '副局长'], [samr, '食品安全总监'], [`${name}文化和旅游局`, '局长'], [samr, '副局长'],
        ],
        deputies: [[gov, '副秘书长'], [samr, '副局长'], [`${name}人民政府办公室`, '副主任']],
      };
    }
    case 'county': {
      const head = region.kind === '旗' ? '旗长' : '区长';
      const gov = `${name}人民政府`;
      const samr = `${name}市场监督管理局`;
      return {
        leading: [
          [`中共${name}委员会`, '书记'], [gov, head], [gov, `常务副${head}`], [gov, `副${head}`], [gov, `副${head}`],
          [`中共${name}委员会`, '常委'], [samr, '局长'], [samr, '副局长'], [`${name}教育体育局`, '局长'],
          [`${name}卫生健康委员会`, '主任'], [`${name}商务局`, '局长'], [`${name}农牧局`, '局长'], [samr, '党组书记'],
        ],
        deputies: [[samr, '副局长'], [gov, `副${head}`], [`${name}人民政府办公室`, '副主任'], [samr, '四级主任科员']],
      };
    }
    case 'township': {
      const county = parentName;
      if (region.kind === '街道') {
        const party = `中共${county}${name}工作委员会`;
        const office = `${county}${name}办事处`;
        return {
          leading: [[party, '党工委书记'], [office, '主任'], [party, '党工委副书记'], [office, '副主任'], [office, '副主任'], [party, '纪工委书记']],
          deputies: [[office, '副主任'], [party, '党工委委员'], [office, '综合执法办主任']],
        };
      }
      const head = region.kind === '苏木' ? '苏木达' : region.kind === '乡' ? '乡长' : '镇长';
      const party = `中共${county}${name}委员会`;
      const gov = `${county}${name}人民政府`;
      return {
        leading: [[party, '党委书记'], [gov, head], [party, '党委副书记'], [gov, `副${head}`], [gov, `副${head}`], [party, '纪委书记'], [party, '武装部长']],
        deputies: [[gov, `副${head}`], [party, '党委委员'], [gov, '综合保障中心主任']],
      };
    }
    case 'village': {
      const township = parentName;
      if (region.kind === '社区') {
        const party = `中共${township}${name}委员会`;
        const committee = `${township}${name}居民委员会`;
        return { leading: [[party, '社区党委书记'], [committee, '居委会主任']], deputies: [[committee, '居委会副主任'], [committee, '专职网格员']] };
      }
      const party = `中共${township}${name}支部委员会`;
      const committee = `${township}${name}村民委员会`;
      const [head, member] = region.kind === '嘎查' ? (['嘎查达', '嘎查委员'] as const) : (['村委会主任', '村委会委员'] as const);
      return { leading: [[party, '党支部书记'], [committee, head]], deputies: [[committee, member], [committee, '村监委会主任']] };
    }
  }
}

// ---- entry point ---------------------------------------------------------------------------

const SCALE_SETTINGS: Readonly<Record<DemoScale, { label: string; profile: Partial<Profile> }>> = {
  district: { label: '旗区级规模', profile: { orgName: '鄂尔多斯市东胜区市场监督管理局', orgLevel: 'county' } },
  city: { label: '市级规模', profile: { orgName: '鄂尔多斯市市场监督管理局', orgLevel: 'city' } },
  // The schema has no province level: the cities stand side by side as roots.
  province: { label: '省级规模', profile: { orgName: '内蒙古自治区市场监督管理局（示例）', orgLevel: 'city' } },
};

/** Province demo: 鄂尔多斯 as in `city`, plus four invented cities for the rest. */
const PROVINCE_ENTITIES = 100_000;
const PROVINCE_CADRES = 12_000;
const SYNTHETIC_CITY_WEIGHTS = [1.15, 1, 0.95, 0.9];

/**
 * A complete, valid library: `district` = 东胜区 (~2,500 主体), `city` = the docs/domain.md#示范数据与规模
 * exactly, `province` = 100,000 主体 and 12,000 cadres. `now` only stamps createdAt and the log.
 */
export function generateDemo(scale: DemoScale, seed: number, now: Date): DataDoc {
  const settings = SCALE_SETTINGS[scale];
  const builder = new DemoBuilder(seed, now, settings.profile);
  if (scale === 'district') {
    builder.addCity(districtPlan(), scaleQuota(2_500, 300));
  } else if (scale === 'city') {
    builder.addCity(ordosPlan(), CITY_QUOTA);
  } else {
    builder.addCity(ordosPlan(), CITY_QUOTA);
    const entities = apportion(PROVINCE_ENTITIES - CITY_ENTITIES, SYNTHETIC_CITY_WEIGHTS);
    const cadres = apportion(PROVINCE_CADRES - sumOf(CITY_QUOTA.cadres), SYNTHETIC_CITY_WEIGHTS);
    SYNTHETIC_CITY_WEIGHTS.forEach((_, i) => builder.addSyntheticCity(i, scaleQuota(entities[i] ?? 0, cadres[i] ?? 0)));
  }
  return builder.finish(settings.label, now);
}

function sumOf(record: Readonly<Record<string, number>>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}
