import type { CadreLevel, Region } from '../domain/schemas';
import { type Random } from './random';
import { COMMUNITY_SUFFIXES, COMMUNITY_WORDS, MONGOLIAN_HEADS, MONGOLIAN_TAILS, SURNAMES, VILLAGE_PLACES, VILLAGE_WORDS } from './words';

/** Villages and cadre posts of the demo. */

/** 街道 hold 社区, 苏木 hold 嘎查, 镇 and 乡 hold 村 (some 嘎查); a 镇's seat is a 社区. */
export function villageKind(townshipKind: string, index: number, rng: Random): string {
  if (townshipKind === '街道') return rng.chance(0.1) ? '村' : '社区';
  if (index === 0) return '社区';
  if (townshipKind === '苏木') return '嘎查';
  return rng.chance(0.15) ? '嘎查' : '村';
}

export function villageName(kind: string, rng: Random): string {
  if (kind === '社区') return `${rng.pick(COMMUNITY_WORDS)}${rng.pick(COMMUNITY_SUFFIXES)}社区`;
  if (kind === '嘎查') return `${rng.pick(MONGOLIAN_HEADS)}${rng.chance(0.7) ? rng.pick(MONGOLIAN_TAILS) : ''}嘎查`;
  return rng.chance(0.5) ? `${rng.pick(SURNAMES)}家${rng.pick(VILLAGE_PLACES)}村` : `${rng.pick(VILLAGE_WORDS)}村`;
}

type Post = readonly [unit: string, position: string];

/** Posts for the cadres of one region: leading posts in order, then deputies for the rest. */
export function postsFor(level: CadreLevel, region: Region, parentName: string): { leading: readonly Post[]; deputies: readonly Post[] } {
  const name = region.name;
  switch (level) {
    case 'city': {
      const gov = `${name}人民政府`;
      const samr = `${name}市场监督管理局`;
      return {
        leading: [
          [gov, '市长'],
          [gov, '常务副市长'],
          [gov, '副市长'],
          [gov, '副市长'],
          [`中共${name}委员会`, '常委'],
          [gov, '秘书长'],
          [samr, '局长'],
          [samr, '副局长'],
          [`${name}教育局`, '局长'],
          [`${name}卫生健康委员会`, '主任'],
          [`${name}商务局`, '局长'],
          [`${name}农牧局`, '局长'],
          [`${name}公安局`, '副局长'],
          [samr, '食品安全总监'],
          [`${name}文化和旅游局`, '局长'],
          [samr, '副局长'],
        ],
        deputies: [
          [gov, '副秘书长'],
          [samr, '副局长'],
          [`${name}人民政府办公室`, '副主任'],
        ],
      };
    }
    case 'county': {
      const head = region.kind === '旗' ? '旗长' : '区长';
      const gov = `${name}人民政府`;
      const samr = `${name}市场监督管理局`;
      return {
        leading: [
          [`中共${name}委员会`, '书记'],
          [gov, head],
          [gov, `常务副${head}`],
          [gov, `副${head}`],
          [gov, `副${head}`],
          [`中共${name}委员会`, '常委'],
          [samr, '局长'],
          [samr, '副局长'],
          [`${name}教育体育局`, '局长'],
          [`${name}卫生健康委员会`, '主任'],
          [`${name}商务局`, '局长'],
          [`${name}农牧局`, '局长'],
          [samr, '党组书记'],
        ],
        deputies: [
          [samr, '副局长'],
          [gov, `副${head}`],
          [`${name}人民政府办公室`, '副主任'],
          [samr, '四级主任科员'],
        ],
      };
    }
    case 'township': {
      const county = parentName;
      if (region.kind === '街道') {
        const party = `中共${county}${name}工作委员会`;
        const office = `${county}${name}办事处`;
        return {
          leading: [
            [party, '党工委书记'],
            [office, '主任'],
            [party, '党工委副书记'],
            [office, '副主任'],
            [office, '副主任'],
            [party, '纪工委书记'],
          ],
          deputies: [
            [office, '副主任'],
            [party, '党工委委员'],
            [office, '综合执法办主任'],
          ],
        };
      }
      const head = region.kind === '苏木' ? '苏木达' : region.kind === '乡' ? '乡长' : '镇长';
      const party = `中共${county}${name}委员会`;
      const gov = `${county}${name}人民政府`;
      return {
        leading: [
          [party, '党委书记'],
          [gov, head],
          [party, '党委副书记'],
          [gov, `副${head}`],
          [gov, `副${head}`],
          [party, '纪委书记'],
          [party, '武装部长'],
        ],
        deputies: [
          [gov, `副${head}`],
          [party, '党委委员'],
          [gov, '综合保障中心主任'],
        ],
      };
    }
    case 'village': {
      const township = parentName;
      if (region.kind === '社区') {
        const party = `中共${township}${name}委员会`;
        const committee = `${township}${name}居民委员会`;
        return {
          leading: [
            [party, '社区党委书记'],
            [committee, '居委会主任'],
          ],
          deputies: [
            [committee, '居委会副主任'],
            [committee, '专职网格员'],
          ],
        };
      }
      const party = `中共${township}${name}支部委员会`;
      const committee = `${township}${name}村民委员会`;
      const [head, member] = region.kind === '嘎查' ? (['嘎查达', '嘎查委员'] as const) : (['村委会主任', '村委会委员'] as const);
      return {
        leading: [
          [party, '党支部书记'],
          [committee, head],
        ],
        deputies: [
          [committee, member],
          [committee, '村监委会主任'],
        ],
      };
    }
  }
}
