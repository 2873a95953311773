import type { ApiHandlers, JobStatus } from '@shared/api/contract';

/** Polls a job as the screen does (`jobs:get`) until `until` holds, by default to its end; every status seen, in order. */
export async function follow(
  handlers: ApiHandlers,
  started: JobStatus,
  until: (status: JobStatus) => boolean = (status) => status.state !== 'running',
): Promise<JobStatus[]> {
  const seen = [started];
  while (!until(seen.at(-1)!)) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    seen.push(await handlers['jobs:get']({ jobId: started.jobId }));
  }
  return seen;
}

/** The job's status once it has ended (done, cancelled or failed). */
export async function finished(handlers: ApiHandlers, started: JobStatus): Promise<JobStatus> {
  return (await follow(handlers, started)).at(-1)!;
}
