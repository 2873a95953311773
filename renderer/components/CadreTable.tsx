import { Table, Tag, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { CadreRow } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS } from '@shared/domain/schemas';
import { RowLink } from './RowLink';

export interface CadreTableProps {
  readonly rows: readonly CadreRow[];
  readonly loading: boolean;
  /** Pixel height available for the whole table, header included. */
  readonly height: number;
  readonly emptyText: string;
  readonly onOpen: (id: string) => void;
}

const HEADER_HEIGHT = 40;

function columns(onOpen: (id: string) => void): TableColumnsType<CadreRow> {
  return [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 100,
      ellipsis: true,
      render: (name: string, row) => <RowLink label={name} onOpen={() => onOpen(row.id)} />,
    },
    { title: '层级', dataIndex: 'level', width: 76, render: (level: CadreRow['level']) => CADRE_LEVEL_LABELS[level] },
    { title: '工作单位', dataIndex: 'unit', width: 220, ellipsis: true },
    { title: '职务', dataIndex: 'position', width: 150, ellipsis: true },
    { title: '包保区域', dataIndex: 'regionPath', width: 240, ellipsis: true },
    { title: '联系电话', dataIndex: 'phone', width: 130 },
    { title: '包保主体数', dataIndex: 'entityCount', width: 96, align: 'right' },
    {
      title: '在岗',
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) => (active ? <Tag color="green">在岗</Tag> : <Tag>不在岗</Tag>),
    },
  ];
}

/** The 干部 list, virtualised like the 主体 list. */
export function CadreTable({ rows, loading, height, emptyText, onOpen }: CadreTableProps) {
  const cols = useMemo(() => columns(onOpen), [onOpen]);
  const width = cols.reduce((sum, col) => sum + Number(col.width ?? 0), 0);
  return (
    <Table<CadreRow>
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
