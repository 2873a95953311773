import { Select } from 'antd';
import type { CadreFilter } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type Region } from '@shared/domain/schemas';
import { DrillDownTag } from './dashboard/DrillDownTag';
import { ListToolbar } from './list/ListToolbar';
import { RegionTreeSelect } from './RegionTreeSelect';

/** What the 干部 list is narrowed by (its sort and window are kept apart). */
export type CadreFilters = Omit<CadreFilter, 'sort' | 'offset' | 'limit'>;

export const CADRE_LEVEL_OPTIONS = REGION_LEVELS.map((level) => ({ value: level, label: CADRE_LEVEL_LABELS[level] }));
const ACTIVE_OPTIONS: { value: CadreFilters['active']; label: string }[] = [
  { value: 'any', label: '在岗情况：全部' },
  { value: 'yes', label: '在岗' },
  { value: 'no', label: '不在岗' },
];

export interface CadreToolbarProps {
  readonly filters: CadreFilters;
  readonly onChange: (patch: Partial<CadreFilters>) => void;
  readonly regions: readonly Region[];
  readonly total: number | null;
  readonly onCreate: () => void;
  /** Opens the export dialog for the list as filtered now. */
  readonly onExport: () => void;
}

export function CadreToolbar({ filters, onChange, regions, total, onCreate, onExport }: CadreToolbarProps) {
  return (
    <ListToolbar
      text={filters.text}
      onText={(text) => onChange({ text })}
      placeholder="姓名 / 拼音首字母 / 电话"
      searchHint="按姓名、拼音首字母或电话查找"
      searchLabel="搜索干部"
      searchWidth={260}
      total={total}
      unit="名"
      createLabel="新增干部"
      onCreate={onCreate}
      onExport={onExport}
    >
      <RegionTreeSelect
        regions={regions}
        allowClear
        placeholder="包保区域：全部"
        value={filters.regionId}
        onChange={(regionId) => onChange({ regionId })}
        style={{ width: 200 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder="层级"
        options={CADRE_LEVEL_OPTIONS}
        value={filters.levels}
        onChange={(levels) => onChange({ levels })}
        style={{ width: 200 }}
      />
      <Select
        aria-label="在岗情况"
        options={ACTIVE_OPTIONS}
        value={filters.active}
        onChange={(active) => onChange({ active })}
        style={{ width: 140 }}
      />
      {(filters.minLoad !== undefined || filters.maxLoad !== undefined) && (
        <DrillDownTag
          text={`主体 ${loadRangeText(filters.minLoad ?? 0, filters.maxLoad)}`}
          onClear={() => onChange({ minLoad: undefined, maxLoad: undefined })}
        />
      )}
      {filters.unsignedYear !== undefined && (
        <DrillDownTag text={`${filters.unsignedYear} 年度承诺书未签`} onClear={() => onChange({ unsignedYear: undefined })} />
      )}
    </ListToolbar>
  );
}

/** "0 户", "1–6 户", "13 户及以上". */
function loadRangeText(min: number, max: number | undefined): string {
  if (max === undefined) return `${min} 户及以上`;
  return min === max ? `${min} 户` : `${min}–${max} 户`;
}
