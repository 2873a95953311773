import type { EntityType } from '../../domain/schemas';

export interface EntityTypeGuess {
  readonly type: EntityType;
  /** What it was read from, as the import preview says it: 由统一社会信用代码推断 / 由名称推断. */
  readonly from: '统一社会信用代码' | '名称';
}

// GB 32100-2015: the 1st character is the registering authority (9 = 市场监管/工商), the 2nd its
// kind of body (1 企业, 2 个体工商户, 3 农民专业合作社). Other authorities register 机关, 事业单位,
// 社会团体 …: 其他.
const USCC_TYPES: Readonly<Record<string, EntityType>> = { '91': '企业', '92': '个体工商户' };

// Names: a 公司 or 厂 is an 企业; 作坊 and 摊 name themselves; a 店, 馆, 部 … without 公司 is an 个体工商户.
const NAME_RULES: readonly (readonly [RegExp, EntityType])[] = [
  [/公司|集团|厂$/, '企业'],
  [/作坊/, '小作坊'],
  [/摊/, '食品摊贩'],
  [/(店|馆|部|行|铺|超市|餐厅|饭庄|酒楼|坊|屋|吧|门市)$/, '个体工商户'],
];

/**
 * The 主体类型 a list without one implies: from a valid 统一社会信用代码 where its kind digits
 * say 企业 or 个体工商户, else from the name. null when neither tells (the 主体 is 其他).
 */
export function guessEntityType(uscc: string, name: string): EntityTypeGuess | null {
  const byCode = USCC_TYPES[uscc.slice(0, 2)];
  if (byCode) return { type: byCode, from: '统一社会信用代码' };
  for (const [pattern, type] of NAME_RULES) if (pattern.test(name)) return { type, from: '名称' };
  return null;
}

/** How the import preview marks a guessed type: 由统一社会信用代码推断为“企业”，请核对. */
export function guessText(guess: EntityTypeGuess): string {
  return `由${guess.from}推断为“${guess.type}”，请核对`;
}
