import { RECORD_KINDS, RECORD_KIND_LABELS, type RecordKind } from '@shared/records/types';
import type { ScreenKey } from '../navigation/screens';

export interface KindInfo {
  readonly kind: RecordKind;
  readonly label: string;
  /** One line on the columns the sheet should have. */
  readonly columns: string;
  /** The list screen that shows the imported records, if there is one. */
  readonly screen: ScreenKey | null;
  /** 户 for 主体, 名 for people, 条 otherwise. */
  readonly unit: string;
}

const DETAILS: Readonly<Record<RecordKind, Omit<KindInfo, 'kind' | 'label'>>> = {
  entities: {
    columns:
      '主体名称（必填）、统一社会信用代码、许可证编号、主体类型、业态、包保等级、旗区/乡镇/村、地址、负责人及电话、食品安全总监/安全员 …',
    screen: 'entities',
    unit: '户',
  },
  cadres: {
    columns: '姓名（必填）、工作单位、职务、层级（市级/旗区级/乡镇级/村级）、旗区/乡镇/村、联系电话、是否在岗、承诺书签订日期',
    screen: 'cadres',
    unit: '名',
  },
  regulators: {
    columns: '姓名（必填）、工作单位、联系电话、负责区域（多个区域用顿号分隔）',
    screen: 'grid',
    unit: '名',
  },
  regions: {
    columns: '旗区、乡镇（街道、苏木）、村（社区、嘎查），可带 12 位统计用区划代码',
    screen: null,
    unit: '条',
  },
  assignments: {
    columns: '主体名称或统一社会信用代码、旗区/乡镇/村、包保干部姓名、干部电话、包保起始日期',
    screen: 'assignments',
    unit: '条',
  },
};

export const KIND_INFOS: readonly KindInfo[] = RECORD_KINDS.map((kind) => ({ kind, label: RECORD_KIND_LABELS[kind], ...DETAILS[kind] }));

export function kindInfo(kind: RecordKind): KindInfo {
  return { kind, label: RECORD_KIND_LABELS[kind], ...DETAILS[kind] };
}
