import { Table, type GetRef, type TableColumnsType, type TableProps } from 'antd';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { SortOrder } from '@shared/api/contract';
import { RowLink } from '../RowLink';
import { isPending, type PendingRow } from './useListWindow';

const HEADER_HEIGHT = 40;
/** antd's small row; measured from the table once rows show. */
const DEFAULT_ROW_HEIGHT = 39;

/** A cell of a row not fetched yet: … in the first column, nothing in the others. */
export function pendingCell(columnIndex: number): ReactNode {
  return columnIndex === 0 ? <span className="row-pending">…</span> : null;
}

/** The indexes of the first and last rows on screen when a virtual table's body (in `box`) is scrolled to `top`. */
export function rowsShownAt(box: HTMLElement | null, top: number, bodyHeight: number): [number, number] {
  const rowHeight = box?.querySelector<HTMLElement>('.ant-table-row')?.offsetHeight || DEFAULT_ROW_HEIGHT;
  const first = Math.floor(top / rowHeight);
  return [first, first + Math.ceil(bodyHeight / rowHeight)];
}

export interface ListSort<F extends string> {
  readonly field: F;
  readonly order: SortOrder;
}

/** A column of a list: its field is also what the service sorts by when `sortable`. */
export interface ListColumn<Row, F extends string> {
  readonly title: string;
  readonly field: keyof Row & string;
  readonly width: number;
  readonly sortField?: F;
  readonly ellipsis?: boolean;
  readonly align?: 'right';
  readonly render?: (value: never, row: Row) => ReactNode;
}

export interface ListTableProps<Row extends { readonly id: string; readonly name: string }, F extends string> {
  readonly columns: readonly ListColumn<Row, F>[];
  readonly rows: readonly (Row | PendingRow)[];
  readonly loading: boolean;
  /** Pixel height available for the whole table, header included. */
  readonly height: number;
  readonly emptyText: string;
  readonly onOpen: (id: string) => void;
  readonly sort: ListSort<F> | undefined;
  readonly onSort: (sort: ListSort<F> | undefined) => void;
  /** The rows on screen (indexes), as the clerk scrolls. */
  readonly onRowsShown: (first: number, last: number) => void;
  /** Changes when a new search starts: the table goes back to its top. */
  readonly resetKey: string;
}

/**
 * The 主体 and 干部 lists: one virtualised table over every match (up to 100,000) whose rows
 * arrive by window; columns sort on the service. The first column is a button (RowLink), so a
 * keyboard user can Tab to a row and open it with Enter.
 */
export function ListTable<Row extends { readonly id: string; readonly name: string }, F extends string>({
  columns,
  rows,
  loading,
  height,
  emptyText,
  onOpen,
  sort,
  onSort,
  onRowsShown,
  resetKey,
}: ListTableProps<Row, F>) {
  const box = useRef<HTMLDivElement>(null);
  const table = useRef<GetRef<typeof Table>>(null);
  const bodyHeight = Math.max(height - HEADER_HEIGHT, 120);

  const cols = useMemo<TableColumnsType<Row | PendingRow>>(
    () =>
      columns.map((col, index) => ({
        key: col.sortField ?? col.field,
        title: col.title,
        dataIndex: col.field,
        width: col.width,
        ellipsis: col.ellipsis,
        align: col.align,
        sorter: col.sortField !== undefined,
        sortOrder: col.sortField !== undefined && sort?.field === col.sortField ? sort.order : null,
        render: (value: unknown, row: Row | PendingRow) => {
          if (isPending(row)) return pendingCell(index);
          if (index === 0) return <RowLink label={row.name} onOpen={() => onOpen(row.id)} />;
          return col.render ? col.render(value as never, row) : (value as ReactNode);
        },
      })),
    [columns, sort, onOpen],
  );
  const width = columns.reduce((sum, col) => sum + col.width, 0);

  const reportShown = (top: number) => onRowsShown(...rowsShownAt(box.current, top, bodyHeight));

  // A new search or sort shows its first rows.
  useEffect(() => {
    table.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const onChange: TableProps<Row | PendingRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = columns.find((c) => (c.sortField ?? c.field) === one?.columnKey)?.sortField;
    onSort(field && one?.order ? { field, order: one.order } : undefined);
  };

  return (
    <div ref={box} style={{ height: '100%' }}>
      <Table<Row | PendingRow>
        ref={table}
        virtual
        size="small"
        rowKey="id"
        columns={cols}
        dataSource={rows as (Row | PendingRow)[]}
        loading={loading}
        pagination={false}
        showSorterTooltip={false}
        sortDirections={['ascend', 'descend']}
        scroll={{ x: width, y: bodyHeight }}
        locale={{ emptyText }}
        onChange={onChange}
        onScroll={(e) => reportShown(e.currentTarget.scrollTop)}
        onRow={(row) => (isPending(row) ? {} : { onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}
