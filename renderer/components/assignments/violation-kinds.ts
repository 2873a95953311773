import { VIOLATION_KINDS, VIOLATION_LABELS, type ViolationKind } from '@shared/rules/violations';

export { VIOLATION_KINDS, VIOLATION_LABELS };
export type { ViolationKind };

/** Short names for the summary cards and the 类型 column; VIOLATION_LABELS gives the full wording. */
export const VIOLATION_SHORT_LABELS: Readonly<Record<ViolationKind, string>> = {
  unassigned: '未落实包保干部',
  'level-mismatch': '层级不符',
  'out-of-area': '不在区域内',
  overloaded: '超出上限',
  'inactive-cadre': '干部不在岗',
  'closed-entity': '已注销仍在包保',
  'multiple-cadres': '多名干部',
};

export const VIOLATION_TAG_COLORS: Readonly<Record<ViolationKind, string>> = {
  unassigned: 'red',
  'level-mismatch': 'orange',
  'out-of-area': 'gold',
  overloaded: 'purple',
  'inactive-cadre': 'magenta',
  'closed-entity': 'volcano',
  'multiple-cadres': 'cyan',
};
