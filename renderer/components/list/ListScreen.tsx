import { Flex } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import type { ApiInput, CadreQuery, CadreRow, EntityQuery, EntityRow } from '@shared/api/contract';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useElementHeight } from '../../hooks/useElementHeight';
import { usePanel, type Panel } from '../../hooks/usePanel';
import { useReference } from '../../hooks/useReference';
import { ColumnTemplateEditor } from '../ColumnTemplateEditor';
import { LoadProblem } from '../LoadProblem';
import { NO_REGIONS_YET } from '../RegionTreeSelect';
import { ListTable, type ListColumn, type ListSort } from './ListTable';
import { useListWindow, type ListInput } from './useListWindow';

/** Typing settles for this long before the list is asked: one request per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250;

type ListMethod = 'entities:query' | 'cadres:query';
type RowOf<M extends ListMethod> = M extends 'entities:query' ? EntityRow : CadreRow;
type SortFieldOf<M extends ListMethod> = NonNullable<ApiInput<M>['sort']>['field'];
/** A screen's filters: the text searched and what its toolbar narrows by. */
type Filters = { readonly text: string };

interface Kind {
  readonly kind: 'entities' | 'cadres';
  /** 主体 or 干部, in the empty list's words. */
  readonly noun: string;
  /** 户 or 名. */
  readonly unit: string;
  readonly createLabel: string;
}

const KINDS: Readonly<Record<ListMethod, Kind>> = {
  'entities:query': { kind: 'entities', noun: '主体', unit: '户', createLabel: '新增主体' },
  'cadres:query': { kind: 'cadres', noun: '干部', unit: '名', createLabel: '新增干部' },
};

/** What the screen's own parts (toolbar, drawer, form) are given. */
export interface ListScreenParts<F extends Filters, R> {
  readonly filters: F;
  readonly patchFilters: (patch: Partial<F>) => void;
  readonly total: number | null;
  readonly regions: NonNullable<ReturnType<typeof useReference<'regions:list'>>['value']>;
  readonly detail: Panel<string | null>;
  readonly editor: Panel<R | null>;
  readonly openExport: () => void;
}

export interface ListScreenProps<M extends ListMethod, F extends Filters, R> {
  readonly method: M;
  readonly initialFilters: () => F;
  readonly noFilters: F;
  readonly columns: readonly ListColumn<RowOf<M>, SortFieldOf<M>>[];
  readonly toolbar: (parts: ListScreenParts<F, R>) => ReactNode;
  /** The record's drawer; a sibling of the form, so Esc in the form closes only the form. */
  readonly drawer: (parts: ListScreenParts<F, R>) => ReactNode;
  readonly form: (parts: ListScreenParts<F, R>) => ReactNode;
}

/**
 * The scaffold of the 包保主体 and 包保干部 screens: filters (the text debounced), a virtual
 * table fetched by window and sorted on the service, the record's drawer and form, and the
 * export of the list as filtered.
 */
export function ListScreen<M extends ListMethod, F extends Filters, R>({
  method,
  initialFilters,
  noFilters,
  columns,
  toolbar,
  drawer,
  form,
}: ListScreenProps<M, F, R>) {
  const { kind, noun, unit, createLabel } = KINDS[method];
  const [filters, setFilters] = useState(initialFilters);
  const [sort, setSort] = useState<ListSort<SortFieldOf<M>> | undefined>(undefined);
  const text = useDebouncedValue(filters.text, SEARCH_DEBOUNCE_MS);
  const input = { ...filters, text, ...(sort ? { sort } : {}) } as unknown as ListInput<M>;
  const list = useListWindow(method, input);
  const regionList = useReference('regions:list');
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const detail = usePanel<string | null>(null);
  const exporter = usePanel(false);
  const editor = usePanel<R | null>(null);

  const patchFilters = useCallback((patch: Partial<F>) => setFilters((f) => ({ ...f, ...patch })), []);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);
  const parts: ListScreenParts<F, R> = {
    filters,
    patchFilters,
    total: list.total,
    regions: regionList.value ?? [],
    detail,
    editor,
    openExport: () => exporter.show(true),
  };

  const emptyText = filtered
    ? `没有符合条件的${noun}，请调整搜索词或筛选条件`
    : regionList.value?.length === 0
      ? NO_REGIONS_YET
      : `还没有包保${noun}：点击右上角“${createLabel}”，或到“导入”页导入表格`;
  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      {toolbar(parts)}
      <LoadProblem text={list.error} onRetry={list.reload} />
      <LoadProblem text={regionList.error && `区划读取失败，区划筛选暂不可用：${regionList.error}`} onRetry={regionList.reload} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <ListTable<RowOf<M>, SortFieldOf<M>>
          columns={columns}
          rows={list.rows as never}
          loading={list.loading}
          height={tableHeight}
          emptyText={emptyText}
          onOpen={detail.show}
          sort={sort}
          onSort={setSort}
          onRowsShown={list.showRows}
          resetKey={JSON.stringify(input)}
        />
      </div>
      {drawer(parts)}
      <ColumnTemplateEditor
        open={exporter.open}
        kind={kind}
        scope={`${filtered ? '当前筛选的' : '全部'} ${list.total ?? 0} ${unit}`}
        {...(kind === 'entities' ? { entityQuery: input as EntityQuery } : { cadreQuery: input as CadreQuery })}
        onClose={exporter.hide}
      />
      {form(parts)}
    </Flex>
  );
}
