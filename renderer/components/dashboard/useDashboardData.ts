import { useApiQuery, type ApiQueryState } from '../../api/queries';
import type { ApiResults } from '@shared/api/contract';

/** Date range of the weekly charts ('YYYY-MM-DD'); '' for both = the plan year. */
export interface DashboardRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The figures are read again each time 首页概览 opens (a job, the CLI or another window may have
 * changed them; the cached ones show meanwhile) and never shown for another scope or range.
 */
const FIGURES = { readOnOpen: true, keepPrevious: false } as const;

export interface DashboardData {
  readonly stats: ApiQueryState<ApiResults['stats:get']>;
  readonly breakdown: ApiQueryState<ApiResults['stats:breakdown']>;
  readonly weekly: ApiQueryState<ApiResults['stats:weekly']>;
  readonly loads: ApiQueryState<ApiResults['stats:loads']>;
  readonly battle: ApiQueryState<ApiResults['battlemap:get']>;
  /** 刷新: every figure read again. */
  readonly reload: () => void;
}

/** What the figures are asked for with: year null is the plan year (the service's default), so the first answer needs no app:info. */
export function dashboardInputs(regionId: string, range: DashboardRange, year: number | null) {
  return {
    stats: year ? { regionId, year } : { regionId },
    breakdown: { regionId },
    weekly: { regionId, from: range.from, to: range.to },
    loads: { regionId },
  } as const;
}

/**
 * What 首页概览 reads through the query cache, every figure computed and memoised on the server for
 * the scope. All are asked for at once, the scope's stats first: the server answers in order, so
 * the KPI cards paint while the charts' figures are still being worked out.
 */
export function useDashboardData(regionId: string, range: DashboardRange, year: number | null): DashboardData {
  const inputs = dashboardInputs(regionId, range, year);
  const stats = useApiQuery('stats:get', inputs.stats, FIGURES);
  const breakdown = useApiQuery('stats:breakdown', inputs.breakdown, FIGURES);
  const weekly = useApiQuery('stats:weekly', inputs.weekly, FIGURES);
  const loads = useApiQuery('stats:loads', inputs.loads, FIGURES);
  const battle = useApiQuery('battlemap:get', {}, FIGURES);
  return {
    stats,
    breakdown,
    weekly,
    loads,
    battle,
    reload: () => {
      for (const query of [stats, breakdown, weekly, loads, battle]) query.reload();
    },
  };
}
