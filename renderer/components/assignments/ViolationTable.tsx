import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { ViolationView } from '@shared/api/contract';
import { RowLink } from '../RowLink';
import { VIOLATION_LABELS, VIOLATION_SHORT_LABELS, VIOLATION_TAG_COLORS } from './violation-kinds';

export interface ViolationTableProps {
  readonly rows: readonly ViolationView[];
  readonly loading: boolean;
  readonly width: number;
  readonly height: number;
  readonly emptyText: string;
  readonly selectedKeys: readonly string[];
  readonly onSelect: (keys: string[]) => void;
  readonly onOpenEntity: (id: string) => void;
  readonly onOpenCadre: (id: string) => void;
}

const HEADER_HEIGHT = 40;
const SELECTION_WIDTH = 40;
const FIXED = { kind: 124, entity: 210, cadre: 96 };
/** The table's own scrollbar, so the last column does not push the table wider than its box. */
const SCROLLBAR = 16;

/** One key per row: a 主体 can break several rules, and the same rule with two cadres. */
export function violationKey(v: ViolationView): string {
  return `${v.kind}|${v.entityId}|${v.cadreId}`;
}

/** The violation list, virtualised; rows about a 主体 can be selected for the bulk actions. */
export function ViolationTable({
  rows,
  loading,
  width,
  height,
  emptyText,
  selectedKeys,
  onSelect,
  onOpenEntity,
  onOpenCadre,
}: ViolationTableProps) {
  const messageWidth = Math.max(240, width - SELECTION_WIDTH - FIXED.kind - FIXED.entity - FIXED.cadre - SCROLLBAR);
  const columns = useMemo<TableColumnsType<ViolationView>>(
    () => [
      {
        title: '类型',
        dataIndex: 'kind',
        width: FIXED.kind,
        render: (kind: ViolationView['kind']) => (
          <Tag color={VIOLATION_TAG_COLORS[kind]} title={VIOLATION_LABELS[kind]} style={{ marginInlineEnd: 0 }}>
            {VIOLATION_SHORT_LABELS[kind]}
          </Tag>
        ),
      },
      {
        title: '主体',
        dataIndex: 'entityName',
        width: FIXED.entity,
        ellipsis: true,
        render: (name: string, row) =>
          row.entityId ? (
            <RowLink label={name} onOpen={() => onOpenEntity(row.entityId)} />
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      {
        title: '包保干部',
        dataIndex: 'cadreName',
        width: FIXED.cadre,
        ellipsis: true,
        render: (name: string, row) =>
          row.cadreId ? (
            <RowLink label={name} onOpen={() => onOpenCadre(row.cadreId)} />
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      {
        title: '说明',
        dataIndex: 'message',
        width: messageWidth,
        ellipsis: true,
        render: (text: string, row) => (
          <span title={text}>
            {row.overdue && (
              <Tag color="red" style={{ marginInlineEnd: 6 }}>
                逾期
              </Tag>
            )}
            {text}
          </span>
        ),
      },
    ],
    [messageWidth, onOpenEntity, onOpenCadre],
  );
  const total = SELECTION_WIDTH + FIXED.kind + FIXED.entity + FIXED.cadre + messageWidth;
  return (
    <Table<ViolationView>
      virtual
      size="small"
      rowKey={violationKey}
      columns={columns}
      dataSource={rows as ViolationView[]}
      loading={loading}
      pagination={false}
      scroll={{ x: total, y: Math.max(height - HEADER_HEIGHT, 120) }}
      locale={{ emptyText }}
      rowSelection={{
        columnWidth: SELECTION_WIDTH,
        selectedRowKeys: selectedKeys as string[],
        onChange: (keys) => onSelect(keys.map(String)),
        // 超出上限 is about a cadre, not a 主体: nothing to move or release from that row.
        getCheckboxProps: (row) => ({ disabled: !row.entityId, 'aria-label': `选择 ${row.entityName || row.cadreName}` }),
      }}
    />
  );
}
