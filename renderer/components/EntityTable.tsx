import { Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { EntityRow } from '@shared/api/contract';
import { GradeTag } from './GradeTag';
import { RowLink } from './RowLink';

export interface EntityTableProps {
  readonly rows: readonly EntityRow[];
  readonly loading: boolean;
  /** Pixel height available for the whole table, header included. */
  readonly height: number;
  readonly emptyText: string;
  readonly onOpen: (id: string) => void;
}

const HEADER_HEIGHT = 40;

function columns(onOpen: (id: string) => void): TableColumnsType<EntityRow> {
  return [
    {
      title: '主体名称',
      dataIndex: 'name',
      width: 230,
      ellipsis: true,
      render: (name: string, row) => <RowLink label={name} onOpen={() => onOpen(row.id)} />,
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 180 },
    { title: '等级', dataIndex: 'grade', width: 64, render: (grade: EntityRow['grade']) => <GradeTag grade={grade} /> },
    { title: '主体类型', dataIndex: 'type', width: 96 },
    { title: '所属区划', dataIndex: 'regionPath', width: 220, ellipsis: true },
    { title: '法定代表人', dataIndex: 'legalRep', width: 96, ellipsis: true },
    { title: '联系电话', dataIndex: 'legalRepPhone', width: 124 },
    {
      title: '包保干部',
      dataIndex: 'cadreName',
      width: 90,
      ellipsis: true,
      render: (name: string) => name || <Typography.Text type="danger">未落实</Typography.Text>,
    },
    { title: '状态', dataIndex: 'status', width: 64 },
  ];
}

/** The 主体 list, virtualised: all matching rows (up to 100,000) in one scrolling table. */
export function EntityTable({ rows, loading, height, emptyText, onOpen }: EntityTableProps) {
  const cols = useMemo(() => columns(onOpen), [onOpen]);
  const width = cols.reduce((sum, col) => sum + Number(col.width ?? 0), 0);
  return (
    <Table<EntityRow>
      virtual
      size="small"
      rowKey="id"
      columns={cols}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: width, y: Math.max(height - HEADER_HEIGHT, 120) }}
      locale={{ emptyText }}
      onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
    />
  );
}
