import type { CheckResult } from '@shared/visits/types';

/** One 督查清单 item: the text recorded with the visit, and a short name for a problem found. */
export interface ChecklistItem {
  readonly item: string;
  readonly short: string;
}

/**
 * The default 督导检查要点 (SPEC §3.8): the 三类人 · 三件事 · 三本账 checks of the 两个责任
 * programme, then the everyday food-safety basics a cadre can see on the spot.
 */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { item: '三类人：主要负责人、食品安全总监、食品安全员在岗履职', short: '三类人在岗履职' },
  { item: '三件事：日管控、周排查、月调度按要求落实', short: '日管控、周排查、月调度' },
  { item: '三本账：每日检查记录、每周排查报告、每月调度纪要齐全', short: '三本账记录' },
  { item: '许可证照齐全、在有效期内并在醒目位置公示', short: '许可证照' },
  { item: '从业人员持有效健康证明上岗', short: '从业人员健康证明' },
  { item: '进货查验记录完整，索证索票齐全', short: '进货查验记录' },
  { item: '食品贮存规范，无过期、变质食品', short: '食品贮存' },
  { item: '环境卫生整洁，防鼠、防蝇、防虫设施完好', short: '环境卫生与虫害防治' },
  { item: '餐用具清洗消毒到位（无此环节的选“不适用”）', short: '餐用具清洗消毒' },
];

export const CHECK_RESULT_OPTIONS: readonly { value: CheckResult; label: string }[] = [
  { value: '符合', label: '符合' },
  { value: '不符合', label: '不符合' },
  { value: '不适用', label: '不适用' },
];

/** The problem text offered when an item is marked 不符合; the clerk then says what was wrong. */
export function problemTextFor(item: ChecklistItem): string {
  return `${item.short}不符合要求`;
}

/** Days from the visit to the default 整改期限. */
export const RECTIFY_DAYS = 15;
