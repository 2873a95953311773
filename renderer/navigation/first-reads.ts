import { prefetchAnswer, readAnswer } from '../api/queries';
import { dashboardInputs } from '../components/dashboard/useDashboardData';
import type { EntityFilters } from '../components/EntityToolbar';
import { prefetchWindow } from '../components/list/useListWindow';
import { firstVisitList } from '../components/visits/useVisitData';
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
  visits: () => {
    // The plan year from app:info, as the screen takes it (cached once the app has started).
    readAnswer('app:info', {}).then(
      ({ planYear }) => planYear > 0 && prefetchWindow('visits:query', firstVisitList(planYear), ON_OPEN),
      // The screen reads it again and says what failed.
      () => undefined,
    );
    prefetchAnswer('profile:get', {});
  },
};

/**
 * What a screen reads first, asked as it is opened (docs/performance.md): beside its chunk, before
 * React has rendered it; for the screen the app starts on, before React has rendered anything. The
 * services work out the list index, the statistics or the year's visits while the browser loads the
 * chunk and draws the screen, instead of after; the screen then finds its answers cached or on their
 * way. A screen opened with filters in its address (a drill-down) reads for itself.
 */
export function askFirstReads(screen: ScreenKey): void {
  if (hashParams().size === 0) FIRST_READS[screen]?.();
}
