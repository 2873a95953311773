import { Tag } from 'antd';
import type { CadreRow, CadreSort } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS } from '@shared/domain/schemas';
import type { ListColumn } from './ListTable';

/** The 干部 list's columns; every one sorts (on the service, over every match). */
export const CADRE_COLUMNS: readonly ListColumn<CadreRow, CadreSort['field']>[] = [
  { title: '姓名', field: 'name', sortField: 'name', width: 100, ellipsis: true },
  { title: '层级', field: 'level', sortField: 'level', width: 84, render: (level: CadreRow['level']) => CADRE_LEVEL_LABELS[level] },
  { title: '工作单位', field: 'unit', sortField: 'unit', width: 220, ellipsis: true },
  { title: '职务', field: 'position', sortField: 'position', width: 150, ellipsis: true },
  { title: '包保区域', field: 'regionPath', sortField: 'regionPath', width: 232, ellipsis: true },
  { title: '联系电话', field: 'phone', sortField: 'phone', width: 130 },
  { title: '包保主体数', field: 'entityCount', sortField: 'entityCount', width: 108, align: 'right' },
  {
    title: '在岗',
    field: 'active',
    sortField: 'active',
    width: 80,
    render: (active: boolean) => (active ? <Tag color="green">在岗</Tag> : <Tag>不在岗</Tag>),
  },
];
