import { Flex, Segmented, Select, Tag, Typography } from 'antd';
import type { VisitDay, VisitRow } from '@shared/api/contract';
import { countText } from '@shared/util/format';
import { useElementSize } from '../assignments/useElementSize';
import { CadrePicker } from '../CadrePicker';
import type { ListWindow } from '../list/useListWindow';
import { EntityPicker } from './EntityPicker';
import type { PlanFilters } from './useVisitData';
import { VISIT_STATUS_OPTIONS } from './visit-status';
import { VisitTable } from './VisitTable';
import { WeekView } from './WeekView';

export interface PlanTabProps {
  readonly year: number;
  readonly filters: PlanFilters;
  readonly onFilters: (patch: Partial<PlanFilters>) => void;
  readonly list: ListWindow<'visits:query'>;
  /** The year's planned visits (null while unknown): none means no plan yet. */
  readonly planned: number | null;
  readonly days: readonly VisitDay[] | null;
  readonly today: string;
  readonly weeklyCap: number | null;
  readonly onOpen: (row: VisitRow) => void;
}

const countOrWait = (count: number | null): string => (count === null ? '…' : countText(count));

/** 督导计划: filters, then the list (virtualised, fetched by window) or the per-week counts. */
export function PlanTab({ year, filters, onFilters, list, planned, days, today, weeklyCap, onOpen }: PlanTabProps) {
  const { cadre, entity, status, date, view } = filters;
  const [box, size] = useElementSize<HTMLDivElement>();
  const narrowed = cadre !== null || entity !== null || status !== 'all' || date !== '';
  // The week view counts every day, the list only the day picked.
  const weekTotal = days === null ? null : days.reduce((sum, day) => sum + day.total, 0);

  return (
    <Flex vertical style={{ flex: 1, minHeight: 0 }}>
      <Flex gap={8} align="center" wrap={false} style={{ marginBottom: 8 }}>
        <CadrePicker
          value={cadre}
          onChange={(next) => onFilters({ cadre: next })}
          width={170}
          aria-label="按包保干部筛选"
          placeholder="包保干部：全部"
          data-testid="visit-filter-cadre"
        />
        <EntityPicker value={entity} onChange={(next) => onFilters({ entity: next })} width={210} />
        <Select
          aria-label="按状态筛选"
          data-testid="visit-filter-status"
          value={status}
          onChange={(next) => onFilters({ status: next })}
          options={VISIT_STATUS_OPTIONS.map((o) => ({ value: o.value, label: `状态：${o.label}` }))}
          // Wide enough for the longest choice whole (「状态：未完成」), not cut to 「状态：未…」.
          style={{ width: 136 }}
        />
        {date && (
          <Tag closable onClose={() => onFilters({ date: '' })} color="blue" style={{ marginInlineEnd: 0 }}>
            计划日期 {date}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="visit-count">
          {narrowed ? `符合条件 ${countOrWait(view === 'list' ? list.total : weekTotal)} 次` : `共 ${countOrWait(list.total)} 次`}
        </Typography.Text>
        <Segmented
          value={view}
          onChange={(next) => onFilters({ view: next })}
          options={[
            { value: 'list' as const, label: '列表' },
            { value: 'weeks' as const, label: '按周查看' },
          ]}
          style={{ marginInlineStart: 'auto' }}
        />
      </Flex>
      <div ref={box} style={{ flex: 1, minHeight: 0 }}>
        {view === 'list' ? (
          <VisitTable
            rows={list.rows}
            loading={list.loading}
            width={size.width}
            height={size.height}
            today={today}
            onOpen={onOpen}
            onRowsShown={list.showRows}
            resetKey={JSON.stringify(filters)}
            emptyText={planned === 0 ? `${year} 年还没有督导计划：点击右上角“生成督导计划”` : '没有符合条件的督导，请调整筛选条件'}
          />
        ) : (
          <WeekView
            year={year}
            days={days ?? []}
            today={today}
            cap={cadre ? weeklyCap : null}
            width={size.width}
            height={size.height}
            onPickDate={(picked) => onFilters({ date: picked, view: 'list' })}
          />
        )}
      </div>
    </Flex>
  );
}
