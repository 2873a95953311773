import type { BattleStatus, ScheduleMode } from '@shared/battlemap/types';
import { WEEKDAY_NAMES } from '@shared/calendar/days';

export const MODE_LABELS: Readonly<Record<ScheduleMode, string>> = { backward: '倒排工期', forward: '顺排' };

export const MODE_OPTIONS = [
  { value: 'backward' as const, label: '倒排工期（从总截止日期往前排）' },
  { value: 'forward' as const, label: '顺排（从计划开始日期往后排）' },
];

/** 1 = 周一 … 7 = 周日, as the API counts. */
export const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((label, i) => ({ value: i + 1, label }));

export function weekdayLabel(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? '';
}

export interface StatusLook {
  /** antd Tag colour. */
  readonly tag: string;
  /** Bar background and border, and the progress fill. */
  readonly light: string;
  readonly border: string;
  readonly fill: string;
}

/** 未开始 grey · 进行中 blue · 已完成 green · 逾期 red (status colours of docs/domain.md#作战图与周调度的规则). */
export const STATUS_LOOKS: Readonly<Record<BattleStatus, StatusLook>> = {
  未开始: { tag: 'default', light: '#f5f5f5', border: '#bfbfbf', fill: '#bfbfbf' },
  进行中: { tag: 'blue', light: '#e6f4ff', border: '#69b1ff', fill: '#1677ff' },
  已完成: { tag: 'green', light: '#f6ffed', border: '#95de64', fill: '#52c41a' },
  逾期: { tag: 'red', light: '#fff1f0', border: '#ff7875', fill: '#f5222d' },
};

/** The statuses a clerk sets by hand; 逾期 follows from the dates. */
export const EDITABLE_STATUSES: readonly BattleStatus[] = ['未开始', '进行中', '已完成'];

/** Today as the services count it: the PC's local date. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
