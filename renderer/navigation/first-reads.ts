import { prefetchAnswer } from '../api/queries';
import { dashboardInputs } from '../components/dashboard/useDashboardData';
import type { EntityFilters } from '../components/EntityToolbar';
import { prefetchWindow } from '../components/list/useListWindow';
import { hashParams } from '../hooks/useHashScreen';
import type { ScreenKey } from './screens';

/** The 主体 list unfiltered: the screen's filters when nothing narrows it. */
export const NO_ENTITY_FILTERS: EntityFilters = {
  text: '',
  regionId: '',
  grades: [],
  types: [],
  statuses: [],
  assigned: 'any',
  regulatorId: '',
  scales: [],
  lacking: '',
};

/** What a screen reads first when it opens with nothing in its address, under the keys it reads them by. */
const FIRST_READS: Partial<Record<ScreenKey, () => void>> = {
  dashboard: () => {
    const inputs = dashboardInputs('', { from: '', to: '' }, null);
    prefetchAnswer('stats:get', inputs.stats);
    prefetchAnswer('stats:breakdown', inputs.breakdown);
    prefetchAnswer('stats:weekly', inputs.weekly);
    prefetchAnswer('stats:loads', inputs.loads);
    prefetchAnswer('battlemap:get', {});
    prefetchAnswer('regions:list', {});
  },
  entities: () => {
    prefetchWindow('entities:query', NO_ENTITY_FILTERS);
    prefetchAnswer('regions:list', {});
    prefetchAnswer('regulators:list', {});
  },
};

/**
 * What the screen the app starts on reads first, asked before React has rendered anything
 * (docs/performance.md): the list index or the statistics are worked out by the services while the
 * browser still parses the bundle and draws the shell, instead of after; the screen then finds its
 * answers cached or on their way. A screen opened with filters in its address (a drill-down) reads
 * for itself.
 */
export function askFirstReads(screen: ScreenKey): void {
  if (hashParams().size === 0) FIRST_READS[screen]?.();
}
