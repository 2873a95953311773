import { useCallback, useState } from 'react';
import type { ApiResults, ProblemView, VisitDay, VisitFigures, VisitStatus } from '@shared/api/contract';
import { useApiQuery } from '../../api/queries';
import { useListWindow, type ListWindow } from '../list/useListWindow';
import type { PickedRecord } from './EntityPicker';

export type OpenProblemRow = ApiResults['visits:openProblems'][number];

/** Narrows the screen to a region and below, and (both dates set) to visits planned or made in those days. */
export interface VisitFocus {
  readonly regionId: string;
  readonly from: string;
  readonly to: string;
}

/** What narrows the 督导计划: cadre, 主体 and status both views, a day picked in the week view the list. */
export interface PlanFilters {
  readonly cadre: PickedRecord | null;
  readonly entity: PickedRecord | null;
  readonly status: VisitStatus;
  readonly date: string;
  readonly view: 'list' | 'weeks';
}

const NO_FILTERS: PlanFilters = { cadre: null, entity: null, status: 'all', date: '', view: 'list' };

/** The year's (or the focus's) visits under the filters but the day: what the figures, the list and the week view narrow. */
function visitScope(year: number | null, focus: VisitFocus | null, filters: PlanFilters) {
  return {
    year: year ?? 0,
    ...focus,
    cadreId: filters.cadre?.id ?? '',
    entityId: filters.entity?.id ?? '',
    status: filters.status,
  };
}

export interface VisitData {
  readonly filters: PlanFilters;
  readonly patchFilters: (patch: Partial<PlanFilters>) => void;
  /** The visits the filters leave, fetched by the window the table shows. */
  readonly list: ListWindow<'visits:query'>;
  /** The year's (or the focus's) figures, whatever the filters; null until the first answer. */
  readonly figures: VisitFigures | null;
  /** 按周查看's days; read only while it shows. */
  readonly days: readonly VisitDay[] | null;
  /** Every problem of any year with the step it waits for (问题整改台账); read only while it shows. */
  readonly ledger: readonly ProblemView[];
  readonly loading: boolean;
  readonly error: string;
  readonly reload: () => void;
}

/**
 * The 督导 screen's reads, through the query cache: the list by window with the figures computed
 * on the service, the week view's days and the 问题整改台账 when they show. Each is read again when
 * the screen opens (a change made elsewhere, e.g. by the CLI, shows) and after every change that
 * touches visits (INVALIDATES); with a focus (a dashboard drill-down), those of its region and days.
 */
export function useVisitData(year: number | null, focus: VisitFocus | null, tab: 'plan' | 'problems', withClosed: boolean): VisitData {
  const [filters, setFilters] = useState(NO_FILTERS);
  const patchFilters = useCallback((patch: Partial<PlanFilters>) => setFilters((now) => ({ ...now, ...patch })), []);
  const known = year !== null;
  const scope = visitScope(year, focus, filters);
  const list = useListWindow('visits:query', { ...scope, plannedDate: filters.date }, { enabled: known, readOnOpen: true });
  const days = useApiQuery('visits:days', scope, { enabled: known && tab === 'plan' && filters.view === 'weeks', readOnOpen: true });
  const ledger = useApiQuery(
    'problems:list',
    { ...focus, ...(withClosed ? {} : { open: true }) },
    { enabled: tab === 'problems', readOnOpen: true },
  );

  const failed = list.error || days.error || ledger.error;
  return {
    filters,
    patchFilters,
    list,
    figures: list.answer?.figures ?? null,
    days: days.result,
    ledger: ledger.result ?? [],
    loading: list.loading || days.loading || ledger.loading,
    error: failed && `督导记录读取失败：${failed}`,
    reload: () => {
      list.reload();
      if (tab === 'plan' && filters.view === 'weeks') days.reload();
      if (tab === 'problems') ledger.reload();
    },
  };
}
