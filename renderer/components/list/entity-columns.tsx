import { Typography } from 'antd';
import type { EntityRow, EntitySort } from '@shared/api/contract';
import { GradeTag } from '../GradeTag';
import type { ListColumn } from './ListTable';

/** The 主体 list's columns; every one sorts (on the service, over every match). */
export const ENTITY_COLUMNS: readonly ListColumn<EntityRow, EntitySort['field']>[] = [
  { title: '主体名称', field: 'name', sortField: 'name', width: 230, ellipsis: true },
  { title: '统一社会信用代码', field: 'uscc', sortField: 'uscc', width: 180 },
  { title: '等级', field: 'grade', sortField: 'grade', width: 72, render: (grade: EntityRow['grade']) => <GradeTag grade={grade} /> },
  { title: '主体类型', field: 'type', sortField: 'type', width: 104 },
  { title: '所属区划', field: 'regionPath', sortField: 'regionPath', width: 212, ellipsis: true },
  { title: '法定代表人', field: 'legalRep', sortField: 'legalRep', width: 104, ellipsis: true },
  { title: '联系电话', field: 'legalRepPhone', sortField: 'legalRepPhone', width: 124 },
  {
    title: '包保干部',
    field: 'cadreName',
    sortField: 'cadreName',
    width: 98,
    ellipsis: true,
    render: (name: string) => name || <Typography.Text type="danger">未落实</Typography.Text>,
  },
  { title: '状态', field: 'status', sortField: 'status', width: 72 },
];
