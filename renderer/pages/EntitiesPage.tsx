import { Flex } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ENTITY_STATUSES, ENTITY_TYPES, GRADES, SCALES, type Entity } from '@shared/domain/schemas';
import { DUTY_KEYS } from '@shared/stats/tally';
import { ColumnTemplateEditor } from '../components/ColumnTemplateEditor';
import { EntityDetailDrawer } from '../components/EntityDetailDrawer';
import { EntityForm } from '../components/EntityForm';
import { EntityTable } from '../components/EntityTable';
import { EntityToolbar, type EntityFilters } from '../components/EntityToolbar';
import { LoadProblem } from '../components/LoadProblem';
import { NO_REGIONS_YET } from '../components/RegionTreeSelect';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useElementHeight } from '../hooks/useElementHeight';
import { hashParams } from '../hooks/useHashScreen';
import { useListQuery } from '../hooks/useListQuery';
import { usePanel } from '../hooks/usePanel';
import { useReference } from '../hooks/useReference';

const NO_FILTERS: EntityFilters = { text: '', regionId: '', grades: [], types: [], statuses: [], assigned: 'any', regulatorId: '', scales: [], lacking: '' };

/**
 * Filters the list was opened with (a drill-down: #/entities?regionId=…&grades=B, ?lacking=safetyDirector
 * or ?scales=大型 from 首页概览, or ?regulatorId=… from 网格监管);
 * unknown values are ignored. Lists are comma-separated.
 */
function filtersFromAddress(): EntityFilters {
  const params = hashParams();
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] =>
    (params.get(name) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  const assigned = params.get('assigned');
  const [lacking = ''] = list('lacking', DUTY_KEYS);
  return {
    text: params.get('text') ?? '',
    regionId: params.get('regionId') ?? '',
    grades: list('grades', GRADES),
    types: list('types', ENTITY_TYPES),
    statuses: list('statuses', ENTITY_STATUSES),
    assigned: assigned === 'yes' || assigned === 'no' ? assigned : 'any',
    regulatorId: params.get('regulatorId') ?? '',
    scales: list('scales', SCALES),
    lacking,
  };
}

/** 包保主体: filterable list, detail drawer, create/edit form. */
export function EntitiesPage() {
  const [filters, setFilters] = useState(filtersFromAddress);
  const text = useDebouncedValue(filters.text, 250);
  const query = useMemo(() => ({ ...filters, text }), [filters, text]);
  const list = useListQuery('entities:query', query);
  const regionList = useReference('regions:list');
  const regions = regionList.value ?? [];
  const regulators = useReference('regulators:list').value;
  const regulatorName = regulators?.find((r) => r.id === filters.regulatorId)?.name ?? '';
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const detail = usePanel<string | null>(null);
  const [detailRound, setDetailRound] = useState(0);
  const exporter = usePanel(false);
  const editor = usePanel<Entity | null>(null);

  const patchFilters = useCallback((patch: Partial<EntityFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const onSaved = (saved: Entity) => {
    editor.hide();
    list.reload();
    setDetailRound((n) => n + 1);
    detail.show(saved.id);
  };

  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      <EntityToolbar
        filters={filters}
        onChange={patchFilters}
        regions={regions}
        regulatorName={regulatorName}
        total={list.result?.total ?? null}
        onCreate={() => editor.show(null)}
        onExport={() => exporter.show(true)}
      />
      <LoadProblem text={list.error} onRetry={list.reload} />
      <LoadProblem text={regionList.error && `区划读取失败，区划筛选暂不可用：${regionList.error}`} onRetry={regionList.reload} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <EntityTable
          rows={list.result?.rows ?? []}
          loading={list.loading}
          height={tableHeight}
          emptyText={
            filtered
              ? '没有符合条件的主体，请调整搜索词或筛选条件'
              : regionList.value?.length === 0
                ? NO_REGIONS_YET
                : '还没有包保主体：点击右上角“新增主体”，或到“导入”页导入表格'
          }
          onOpen={detail.show}
        />
      </div>
      <EntityDetailDrawer
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
        kind="entities"
        scope={`${filtered ? '当前筛选的' : '全部'} ${list.result?.total ?? 0} 户`}
        entityQuery={query}
        onClose={exporter.hide}
      />
      {/* A sibling of the drawer, not inside it: Esc in the form then closes only the form. */}
      <EntityForm open={editor.open} entity={editor.target} regions={regions} onClose={editor.hide} onSaved={onSaved} />
    </Flex>
  );
}
