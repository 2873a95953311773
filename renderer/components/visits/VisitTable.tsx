import { Table, Tag, Typography, type GetRef, type TableColumnType, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { VisitRow } from '@shared/api/contract';
import { GradeTag } from '../GradeTag';
import { pendingCell, rowsShownAt } from '../list/ListTable';
import { isPending, type PendingRow } from '../list/useListWindow';
import { RowLink } from '../RowLink';
import { isOverdue } from './visit-status';

type Row = VisitRow | PendingRow;

export interface VisitTableProps {
  /** One entry per visit listed; those not fetched yet are PendingRow. */
  readonly rows: readonly Row[];
  readonly loading: boolean;
  readonly width: number;
  readonly height: number;
  readonly today: string;
  readonly emptyText: string;
  readonly onOpen: (row: VisitRow) => void;
  /** The rows on screen (indexes), as the clerk scrolls. */
  readonly onRowsShown: (first: number, last: number) => void;
  /** Changes when the filters change: the table goes back to its top. */
  readonly resetKey: string;
}

const HEADER_HEIGHT = 40;
const FIXED = { planned: 104, grade: 64, cadre: 96, done: 112, problems: 110 };
const FIXED_TOTAL = FIXED.planned + FIXED.grade + FIXED.cadre + FIXED.done + FIXED.problems;
/** The table's own scrollbar, so the last column does not push the table wider than its box. */
const SCROLLBAR = 16;

/**
 * The year's 督导计划, virtualised (a city plans ~85,000 visits a year) and fetched by window; a
 * row opens its record.
 */
export function VisitTable({ rows, loading, width, height, today, emptyText, onOpen, onRowsShown, resetKey }: VisitTableProps) {
  const box = useRef<HTMLDivElement>(null);
  const table = useRef<GetRef<typeof Table<Row>>>(null);
  const bodyHeight = Math.max(height - HEADER_HEIGHT, 120);
  // 主体 and 所属区划 share what the fixed columns leave.
  const free = Math.max(420, width - FIXED_TOTAL - SCROLLBAR);
  const entityWidth = Math.round(free * 0.55);
  const regionWidth = free - entityWidth;
  const columns = useMemo<TableColumnsType<Row>>(() => {
    const visitColumns: TableColumnType<VisitRow>[] = [
      { title: '计划日期', dataIndex: 'plannedDate', width: FIXED.planned },
      {
        title: '主体',
        dataIndex: 'entityName',
        width: entityWidth,
        ellipsis: true,
        render: (name: string, row) => <RowLink label={name} onOpen={() => onOpen(row)} />,
      },
      {
        title: '等级',
        dataIndex: 'grade',
        width: FIXED.grade,
        render: (grade: VisitRow['grade']) => (grade ? <GradeTag grade={grade} /> : '—'),
      },
      { title: '所属区划', dataIndex: 'regionPath', width: regionWidth, ellipsis: true },
      { title: '包保干部', dataIndex: 'cadreName', width: FIXED.cadre, ellipsis: true },
      {
        title: '完成日期',
        dataIndex: 'doneDate',
        width: FIXED.done,
        render: (done: string, row) =>
          done ? (
            <Typography.Text style={{ color: '#389e0d' }}>{done}</Typography.Text>
          ) : isOverdue(row, today) ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              已逾期
            </Tag>
          ) : (
            <Typography.Text type="secondary">未督导</Typography.Text>
          ),
      },
      {
        title: '问题数',
        dataIndex: 'problems',
        width: FIXED.problems,
        render: (count: number, row) =>
          row.doneDate === '' ? (
            ''
          ) : count === 0 ? (
            <Typography.Text type="secondary">0</Typography.Text>
          ) : (
            <span>
              {count}
              {row.openProblems > 0 ? (
                <Typography.Text type="danger">（未整改 {row.openProblems}）</Typography.Text>
              ) : (
                <Typography.Text type="success">（已整改）</Typography.Text>
              )}
            </span>
          ),
      },
    ];
    return visitColumns.map(({ render, ...column }, index): TableColumnType<Row> => ({
      ...(column as TableColumnType<Row>),
      render: (value: unknown, row: Row, rowIndex: number) =>
        isPending(row) ? pendingCell(index) : render ? (render(value, row, rowIndex) as ReactNode) : (value as ReactNode),
    }));
  }, [entityWidth, regionWidth, today, onOpen]);

  // New filters show their first rows.
  useEffect(() => {
    table.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div ref={box} style={{ height: '100%' }}>
      <Table<Row>
        ref={table}
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows as Row[]}
        loading={loading}
        pagination={false}
        scroll={{ x: FIXED_TOTAL + entityWidth + regionWidth, y: bodyHeight }}
        locale={{ emptyText }}
        onScroll={(e) => onRowsShown(...rowsShownAt(box.current, e.currentTarget.scrollTop, bodyHeight))}
        onRow={(row) => (isPending(row) ? {} : { onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}
