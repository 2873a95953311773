import type { ApiHandlers } from '@shared/api/contract';
import type { JobRunner } from '../jobs';

/** Progress and cancel of background jobs (bulk exports), for the screen and the CLI alike. */
export function jobHandlers(jobs: JobRunner): Pick<ApiHandlers, 'jobs:get' | 'jobs:current' | 'jobs:cancel'> {
  return {
    'jobs:get': async ({ jobId }) => jobs.get(jobId),
    'jobs:current': async () => jobs.current(),
    'jobs:cancel': async ({ jobId }) => jobs.cancel(jobId),
  };
}
