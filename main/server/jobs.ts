import { randomUUID } from 'node:crypto';
import type { JobStatus } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import type { SkippedFile } from './export/unique-name';

/** What a job's work function sees: report progress between units and stop when asked. */
export interface JobControl {
  /**
   * Records progress, then yields to the event loop (so IPC and harness requests are answered
   * between units) and tells whether the user asked to cancel.
   */
  checkpoint(done: number, total: number, message: string): Promise<'go' | 'cancelled'>;
  /** Counts a file written, for the status and for what a cancelled run leaves behind. */
  wrote(): void;
  /** Records a file that could not be written; the job goes on with the next. */
  skip(file: SkippedFile): void;
}

/** How a run ended: every unit done, or stopped early on cancel; and the closing sentence. */
export interface JobOutcome {
  readonly cancelled: boolean;
  readonly message: string;
}

export type JobWork = (job: JobControl) => Promise<JobOutcome>;

interface Job {
  status: JobStatus;
  cancelRequested: boolean;
}

/** Lets pending I/O and IPC requests run before the next unit of long work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Long work in the main process (bulk exports): one heavy job at a time, run in the background
 * with progress and cancel. The last job is kept so a screen opened later still shows it.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private latest: Job | null = null;

  /** Starts `work` in the background and returns at once; refused while another job runs. */
  start(kind: string, label: string, outDir: string, work: JobWork): JobStatus {
    const running = this.latest?.status.state === 'running' ? this.latest.status : null;
    if (running) {
      throw new ApiError('conflict', `“${running.label}”正在进行（${running.done}/${running.total}），请等它完成或取消后再开始新的导出`);
    }
    const job: Job = {
      status: {
        jobId: randomUUID(),
        kind,
        label,
        state: 'running',
        done: 0,
        total: 0,
        message: '正在准备…',
        outDir,
        files: 0,
        skipped: [],
        error: '',
      },
      cancelRequested: false,
    };
    // Only the latest job is kept: a finished one is read once by the screen that started it.
    this.jobs.clear();
    this.jobs.set(job.status.jobId, job);
    this.latest = job;
    const control: JobControl = {
      checkpoint: async (done, total, message) => {
        job.status = { ...job.status, done, total, message };
        await yieldToEventLoop();
        return job.cancelRequested ? 'cancelled' : 'go';
      },
      wrote: () => {
        job.status = { ...job.status, files: job.status.files + 1 };
      },
      skip: (file) => {
        job.status = { ...job.status, skipped: [...job.status.skipped, file] };
      },
    };
    void yieldToEventLoop()
      .then(() => work(control))
      .then(
        (outcome) => {
          job.status = { ...job.status, state: outcome.cancelled ? 'cancelled' : 'done', message: outcome.message };
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          job.status = {
            ...job.status,
            state: 'failed',
            error: reason,
            message: `导出中断：${reason}。已完成的 ${job.status.files} 个文件保留在 ${job.status.outDir}，请处理后重新导出`,
          };
        },
      );
    return job.status;
  }

  get(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', '找不到这项导出任务（可能已被新的任务取代），请重新开始导出');
    return job.status;
  }

  /** The running job, or the last one that ended; null before the first. */
  current(): JobStatus | null {
    return this.latest?.status ?? null;
  }

  /** Asks the job to stop after the unit in hand; files already written stay. */
  cancel(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', '找不到这项导出任务（可能已被新的任务取代），请重新开始导出');
    if (job.status.state === 'running') {
      job.cancelRequested = true;
      job.status = { ...job.status, message: '正在取消…（当前文件写完后停止）' };
    }
    return job.status;
  }
}
