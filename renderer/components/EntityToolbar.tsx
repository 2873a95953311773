import { Select } from 'antd';
import type { EntityFilter } from '@shared/api/contract';
import { ENTITY_STATUSES, ENTITY_TYPES, GRADES, type Region } from '@shared/domain/schemas';
import { DrillDownTag } from './dashboard/DrillDownTag';
import { DUTY_LABELS } from './dashboard/duties';
import { ListToolbar } from './list/ListToolbar';
import { RegionTreeSelect } from './RegionTreeSelect';

/** What the 主体 list is narrowed by (its sort and window are kept apart). */
export type EntityFilters = Omit<EntityFilter, 'sort' | 'offset' | 'limit'>;

const GRADE_OPTIONS = GRADES.map((g) => ({ value: g, label: `${g}级` }));
const TYPE_OPTIONS = ENTITY_TYPES.map((t) => ({ value: t, label: t }));
const STATUS_OPTIONS = ENTITY_STATUSES.map((s) => ({ value: s, label: s }));
const ASSIGNED_OPTIONS: { value: EntityFilters['assigned']; label: string }[] = [
  { value: 'any', label: '落实：全部' },
  { value: 'yes', label: '已落实' },
  { value: 'no', label: '未落实' },
];

export interface EntityToolbarProps {
  readonly filters: EntityFilters;
  readonly onChange: (patch: Partial<EntityFilters>) => void;
  /** Shown while the list is narrowed to one grid regulator's 主体. */
  readonly regulatorName: string;
  readonly regions: readonly Region[];
  readonly total: number | null;
  readonly onCreate: () => void;
  /** Opens the export dialog for the list as filtered now. */
  readonly onExport: () => void;
}

export function EntityToolbar({ filters, onChange, regions, regulatorName, total, onCreate, onExport }: EntityToolbarProps) {
  return (
    <ListToolbar
      text={filters.text}
      onText={(text) => onChange({ text })}
      placeholder="名称、拼音首字母、证照号码或电话"
      searchHint="按主体名称、拼音首字母、统一社会信用代码、许可证号或电话查找"
      searchLabel="搜索主体"
      searchWidth={300}
      total={total}
      unit="户"
      createLabel="新增主体"
      onCreate={onCreate}
      onExport={onExport}
    >
      <RegionTreeSelect
        regions={regions}
        allowClear
        placeholder="全部区划"
        aria-label="所属区划"
        value={filters.regionId}
        onChange={(regionId) => onChange({ regionId })}
        style={{ width: 150 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder="等级"
        aria-label="包保等级"
        options={GRADE_OPTIONS}
        value={filters.grades}
        onChange={(grades) => onChange({ grades })}
        style={{ width: 100 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder="类型"
        aria-label="主体类型"
        options={TYPE_OPTIONS}
        value={filters.types}
        onChange={(types) => onChange({ types })}
        style={{ width: 110 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder="状态"
        aria-label="经营状态"
        options={STATUS_OPTIONS}
        value={filters.statuses}
        onChange={(statuses) => onChange({ statuses })}
        style={{ width: 100 }}
      />
      <Select
        aria-label="包保落实"
        options={ASSIGNED_OPTIONS}
        value={filters.assigned}
        onChange={(assigned) => onChange({ assigned })}
        style={{ width: 116 }}
      />
      {filters.regulatorId && (
        <DrillDownTag text={`网格监管人员：${regulatorName || filters.regulatorId}`} onClear={() => onChange({ regulatorId: '' })} />
      )}
      {filters.lacking && (
        <DrillDownTag text={`未落实：${DUTY_LABELS[filters.lacking]}（企业，不含注销）`} onClear={() => onChange({ lacking: '' })} />
      )}
      {filters.scales && filters.scales.length > 0 && (
        <DrillDownTag text={`规模：${filters.scales.join('、')}`} onClear={() => onChange({ scales: [] })} />
      )}
    </ListToolbar>
  );
}
