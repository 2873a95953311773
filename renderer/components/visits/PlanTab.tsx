import { Flex, Segmented, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { VisitRow } from '@shared/api/contract';
import { useElementSize } from '../assignments/useElementSize';
import { CadrePicker } from '../CadrePicker';
import { EntityPicker, type PickedRecord } from './EntityPicker';
import { matchesStatus, VISIT_STATUS_OPTIONS, type VisitStatus } from './visit-status';
import { VisitTable } from './VisitTable';
import { WeekView } from './WeekView';

export interface PlanTabProps {
  readonly year: number;
  readonly rows: readonly VisitRow[];
  readonly loading: boolean;
  readonly today: string;
  readonly weeklyCap: number | null;
  readonly onOpen: (row: VisitRow) => void;
}

type View = 'list' | 'weeks';

/** 督导计划: filters, then the list (virtualised) or the per-week counts. */
export function PlanTab({ year, rows, loading, today, weeklyCap, onOpen }: PlanTabProps) {
  const [cadre, setCadre] = useState<PickedRecord | null>(null);
  const [entity, setEntity] = useState<PickedRecord | null>(null);
  const [status, setStatus] = useState<VisitStatus>('all');
  const [date, setDate] = useState('');
  const [view, setView] = useState<View>('list');
  const [box, size] = useElementSize<HTMLDivElement>();

  // Cadre, 主体 and status narrow both views; a day picked in the week view narrows the list.
  const filtered = useMemo(
    () =>
      rows.filter((r) => (!cadre || r.cadreId === cadre.id) && (!entity || r.entityId === entity.id) && matchesStatus(r, status, today)),
    [rows, cadre, entity, status, today],
  );
  const listed = useMemo(() => (date ? filtered.filter((r) => r.plannedDate === date) : filtered), [filtered, date]);
  const narrowed = cadre !== null || entity !== null || status !== 'all' || date !== '';

  return (
    <Flex vertical style={{ flex: 1, minHeight: 0 }}>
      <Flex gap={8} align="center" wrap={false} style={{ marginBottom: 8 }}>
        <CadrePicker
          value={cadre}
          onChange={setCadre}
          width={170}
          aria-label="按包保干部筛选"
          placeholder="包保干部：全部"
          data-testid="visit-filter-cadre"
        />
        <EntityPicker value={entity} onChange={setEntity} width={210} />
        <Select<VisitStatus>
          aria-label="按状态筛选"
          data-testid="visit-filter-status"
          value={status}
          onChange={setStatus}
          options={VISIT_STATUS_OPTIONS.map((o) => ({ value: o.value, label: `状态：${o.label}` }))}
          style={{ width: 124 }}
        />
        {date && (
          <Tag closable onClose={() => setDate('')} color="blue" style={{ marginInlineEnd: 0 }}>
            计划日期 {date}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="visit-count">
          {narrowed
            ? `符合条件 ${(view === 'list' ? listed : filtered).length.toLocaleString('zh-CN')} 次`
            : `共 ${rows.length.toLocaleString('zh-CN')} 次`}
        </Typography.Text>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: '列表' },
            { value: 'weeks', label: '按周查看' },
          ]}
          style={{ marginInlineStart: 'auto' }}
        />
      </Flex>
      <div ref={box} style={{ flex: 1, minHeight: 0 }}>
        {view === 'list' ? (
          <VisitTable
            rows={listed}
            loading={loading}
            width={size.width}
            height={size.height}
            today={today}
            onOpen={onOpen}
            emptyText={rows.length === 0 ? `${year} 年还没有督导计划：点击右上角“生成督导计划”` : '没有符合条件的督导，请调整筛选条件'}
          />
        ) : (
          <WeekView
            year={year}
            rows={filtered}
            today={today}
            cap={cadre ? weeklyCap : null}
            width={size.width}
            height={size.height}
            onPickDate={(picked) => {
              setDate(picked);
              setView('list');
            }}
          />
        )}
      </div>
    </Flex>
  );
}
