import { Flex } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { REGION_LEVELS, type Cadre } from '@shared/domain/schemas';
import { ColumnTemplateEditor } from '../components/ColumnTemplateEditor';
import { CadreDetailDrawer } from '../components/CadreDetailDrawer';
import { CadreForm } from '../components/CadreForm';
import { CadreTable } from '../components/CadreTable';
import { CadreToolbar, type CadreFilters } from '../components/CadreToolbar';
import { LoadProblem } from '../components/LoadProblem';
import { NO_REGIONS_YET } from '../components/RegionTreeSelect';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useElementHeight } from '../hooks/useElementHeight';
import { hashParams } from '../hooks/useHashScreen';
import { useListQuery } from '../hooks/useListQuery';
import { usePanel } from '../hooks/usePanel';
import { useReference } from '../hooks/useReference';

const NO_FILTERS: CadreFilters = { text: '', regionId: '', levels: [], active: 'any' };

const YEAR = /^\d{4}$/;

/**
 * Filters the list was opened with (a dashboard load band: #/cadres?regionId=…&levels=township
 * &minLoad=1&maxLoad=6, or 承诺书未签: ?active=yes&unsignedYear=2026); unknown values are ignored.
 */
function filtersFromAddress(): CadreFilters {
  const params = hashParams();
  const count = (name: string): number | undefined => (/^\d+$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);
  const minLoad = count('minLoad');
  const maxLoad = count('maxLoad');
  const unsignedYear = YEAR.test(params.get('unsignedYear') ?? '') ? Number(params.get('unsignedYear')) : undefined;
  const active = params.get('active');
  return {
    ...NO_FILTERS,
    regionId: params.get('regionId') ?? '',
    levels: (params.get('levels') ?? '').split(',').filter((v): v is Cadre['level'] => (REGION_LEVELS as readonly string[]).includes(v)),
    ...(minLoad === undefined ? {} : { minLoad }),
    ...(maxLoad === undefined ? {} : { maxLoad }),
    ...(active === 'yes' || active === 'no' ? { active } : {}),
    ...(unsignedYear === undefined ? {} : { unsignedYear }),
  };
}

/** 包保干部: filterable list, detail drawer, create/edit form. */
export function CadresPage() {
  const [filters, setFilters] = useState(filtersFromAddress);
  const text = useDebouncedValue(filters.text, 250);
  const query = useMemo(() => ({ ...filters, text }), [filters, text]);
  const list = useListQuery('cadres:query', query);
  const regionList = useReference('regions:list');
  const regions = regionList.value ?? [];
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const detail = usePanel<string | null>(null);
  const [detailRound, setDetailRound] = useState(0);
  const exporter = usePanel(false);
  const editor = usePanel<Cadre | null>(null);

  const patchFilters = useCallback((patch: Partial<CadreFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const onSaved = (saved: Cadre) => {
    editor.hide();
    list.reload();
    setDetailRound((n) => n + 1);
    detail.show(saved.id);
  };

  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      <CadreToolbar
        filters={filters}
        onChange={patchFilters}
        regions={regions}
        total={list.result?.total ?? null}
        onCreate={() => editor.show(null)}
        onExport={() => exporter.show(true)}
      />
      <LoadProblem text={list.error} onRetry={list.reload} />
      <LoadProblem text={regionList.error && `区划读取失败，区划筛选暂不可用：${regionList.error}`} onRetry={regionList.reload} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <CadreTable
          rows={list.result?.rows ?? []}
          loading={list.loading}
          height={tableHeight}
          emptyText={
            filtered
              ? '没有符合条件的干部，请调整搜索词或筛选条件'
              : regionList.value?.length === 0
                ? NO_REGIONS_YET
                : '还没有包保干部：点击右上角“新增干部”，或到“导入”页导入表格'
          }
          onOpen={detail.show}
        />
      </div>
      <CadreDetailDrawer
        open={detail.open}
        id={detail.target}
        round={detailRound}
        onClose={detail.hide}
        onEdit={editor.show}
        onDeleted={() => {
          detail.hide();
          list.reload();
        }}
      />
      <ColumnTemplateEditor
        open={exporter.open}
        kind="cadres"
        scope={`${filtered ? '当前筛选的' : '全部'} ${list.result?.total ?? 0} 名`}
        cadreQuery={query}
        onClose={exporter.hide}
      />
      {/* A sibling of the drawer, not inside it: Esc in the form then closes only the form. */}
      <CadreForm open={editor.open} cadre={editor.target} regions={regions} onClose={editor.hide} onSaved={onSaved} />
    </Flex>
  );
}
