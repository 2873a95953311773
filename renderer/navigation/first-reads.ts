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

/** Read again each time the screen opens, as the screen reads them (`readOnOpen`). */
const ON_OPEN = { readOnOpen: true } as const;

/**
 * What a screen reads first when it opens with nothing in its address, under the keys and with the
 * `readOnOpen` it reads them by.
 */
const FIRST_READS: Partial<Record<ScreenKey, () => void>> = {
  dashboard: () => {
    const inputs = dashboardInputs('', { from: '', to: '' }, null);
    prefetchAnswer('stats:get', inputs.stats, ON_OPEN);
    prefetchAnswer('stats:breakdown', inputs.breakdown, ON_OPEN);
    prefetchAnswer('stats:weekly', inputs.weekly, ON_OPEN);
    prefetchAnswer('stats:loads', inputs.loads, ON_OPEN);
    prefetchAnswer('battlemap:get', {}, ON_OPEN);
    prefetchAnswer('regions:list', {});
  },
  entities: () => {
    prefetchWindow('entities:query', NO_ENTITY_FILTERS);
    prefetchAnswer('regions:list', {});
    prefetchAnswer('regulators:list', {});
  },
  // 督导 reads for itself: its list window asked at the click, the screen's first render found the
  // year's answer cached and took 1.5 s longer to show it (docs/performance.md).
};

/**
 * What a screen reads first, asked as it is opened (docs/performance.md): beside its chunk, before
 * React has rendered it; for the screen the app starts on, before React has rendered anything. The
 * services work out the list index or the statistics while the browser loads the
 * chunk and draws the screen, instead of after; the screen then finds its answers cached or on their
 * way. A screen opened with filters in its address (a drill-down) reads for itself.
 */
export function askFirstReads(screen: ScreenKey): void {
  if (hashParams().size === 0) FIRST_READS[screen]?.();
}
