import { z } from 'zod';
import { NoInput } from './common';

/** A background job (bulk export): polled by the screen that started it, or by the CLI. */
export interface JobStatus {
  readonly jobId: string;
  readonly kind: string;
  /** What it does, in Chinese, e.g. “批量导出包保干部工作手册”. */
  readonly label: string;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly done: number;
  readonly total: number;
  /** The last progress sentence, or the closing one (how many files, where). */
  readonly message: string;
  /** The folder the files go to. */
  readonly outDir: string;
  /** Files written so far (a cancelled or failed run keeps them). */
  readonly files: number;
  /** Files that could not be written, and why; the job went on with the others. */
  readonly skipped: readonly { readonly fileName: string; readonly reason: string }[];
  readonly error: string;
}

/** The `jobs:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const jobsSchemas = {
  'jobs:get': z.object({ jobId: z.string().min(1) }).strict(),
  /** The running job, or the last one that ended (null before the first): a screen opened later shows it. */
  'jobs:current': NoInput,
  /** Stops the job after the file in hand; the files already written stay. */
  'jobs:cancel': z.object({ jobId: z.string().min(1) }).strict(),
} as const;

export interface JobsResults {
  'jobs:get': JobStatus;
  'jobs:current': JobStatus | null;
  'jobs:cancel': JobStatus;
}
