import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '@shared/api/result';
import { buildWorkbook, type TableSheet } from '../export/xlsx';
import { startWorker, workerScript, type Script } from './off-thread';

export interface WorkbookRequest {
  readonly id: number;
  readonly sheets: readonly TableSheet[];
}
/** Loaded; then per request the xlsx bytes (transferred, not copied), or why they could not be made (code null: not an ApiError). */
export type WorkbookReply =
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'done'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly kind: 'error'; readonly code: ErrorCode | null; readonly message: string };

interface Task {
  readonly id: number;
  readonly sheets: readonly TableSheet[];
  readonly resolve: (bytes: Buffer) => void;
  readonly reject: (error: ApiError) => void;
}

const WORKBOOK_WORKER = 'workbook-worker';

/** Two threads take most of the gain: the main thread still builds each handbook and writes the files. */
export function workbookPoolSize(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

/** Has the worker's script ready (from source this bundles it), so that timing a job leaves that out. */
export async function prepareWorkbookWorker(): Promise<void> {
  await workerScript(WORKBOOK_WORKER);
}

const poolClosed = (): ApiError => new ApiError('internal', '生成 Excel 文件的后台任务已结束，请重新导出');
const buildFailed = (reason: string): ApiError =>
  new ApiError('internal', `生成 Excel 文件时出错（${reason}），请重试；仍不行请重新启动本程序后再导出`);

/**
 * A few worker threads that run `buildWorkbook`, for the length of one job: each takes one workbook
 * at a time, requests beyond them wait in order. A worker that dies fails only its own workbook and
 * is replaced when more work comes. `close` ends every thread; nothing is left running.
 */
export class WorkbookPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private lastId = 0;
  private closed = false;

  private constructor(
    private readonly script: Script,
    readonly size: number,
  ) {}

  /** Workbooks worth asking for at once: two per thread, so each has its next one waiting (about 10 % faster than one). */
  get depth(): number {
    return this.size * 2;
  }

  /** Starts all `size` threads at once and resolves when each has loaded its code. */
  static async open(size = workbookPoolSize()): Promise<WorkbookPool> {
    const pool = new WorkbookPool(await workerScript(WORKBOOK_WORKER), size);
    for (let i = 0; i < size; i++) pool.idle.push(pool.spawn());
    const loaded = pool.idle.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', (error) => reject(buildFailed(error.message)));
          worker.once('exit', (code) =>
            reject(new ApiError('internal', `生成 Excel 文件的后台任务未能启动（代码 ${code}），请重新启动本程序后再导出`)),
          );
        }),
    );
    try {
      await Promise.all(loaded);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** The workbook's xlsx bytes, as `buildWorkbook` makes them. The sheets are copied to a worker when one is free. */
  build(sheets: readonly TableSheet[]): Promise<Buffer> {
    if (this.closed) return Promise.reject(poolClosed());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.lastId, sheets, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; workbooks not yet made are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(poolClosed());
    await Promise.all([...this.idle.splice(0), ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      const request: WorkbookRequest = { id: task.id, sheets: task.sheets };
      try {
        worker.postMessage(request);
      } catch (error) {
        // Sheets that cannot be copied (never the case for TableSheet's plain data) fail alone.
        this.busy.delete(worker);
        this.idle.push(worker);
        task.reject(buildFailed((error as Error).message));
      }
    }
  }

  private spawn(): Worker {
    const worker = startWorker(this.script);
    worker.on('message', (reply: WorkbookReply) => {
      const task = this.busy.get(worker);
      if (reply.kind === 'ready' || task?.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      if (reply.kind === 'done') task.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else task.reject(reply.code ? new ApiError(reply.code, reply.message) : buildFailed(reply.message));
      this.dispatch();
    });
    worker.once('error', (error) => this.lose(worker, buildFailed(error.message)));
    worker.once('exit', (code) =>
      this.lose(worker, new ApiError('internal', `生成 Excel 文件的后台任务意外退出（代码 ${code}），请关闭其他程序后重试`)),
    );
    return worker;
  }

  /** A worker that failed or ended: its workbook is rejected, and queued ones get a new worker. */
  private lose(worker: Worker, error: ApiError): void {
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    if (this.closed) task?.reject(poolClosed());
    else {
      task?.reject(error);
      this.dispatch();
    }
  }
}

/**
 * Workbooks made in the pool and handed to `take` in the order they were added, `pool.depth` of
 * them in flight at most: the threads never wait for work, and memory stays bounded.
 */
export class WorkbookPipe<Tag> {
  private readonly inFlight: { readonly tag: Tag; readonly bytes: Promise<Buffer> }[] = [];

  constructor(
    private readonly pool: WorkbookPool,
    private readonly take: (bytes: Buffer, tag: Tag) => Promise<void>,
  ) {}

  /** Waits, taking the oldest workbook, until another may be added. */
  async room(): Promise<void> {
    while (this.inFlight.length >= this.pool.depth) await this.takeOldest();
  }

  add(sheets: readonly TableSheet[], tag: Tag): void {
    const bytes = this.pool.build(sheets);
    // Taken in turn; until then a failure must not count as unhandled.
    bytes.catch(() => undefined);
    this.inFlight.push({ tag, bytes });
  }

  /** Takes every workbook still in flight. */
  async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.takeOldest();
  }

  private async takeOldest(): Promise<void> {
    const { tag, bytes } = this.inFlight.shift()!;
    await this.take(await bytes, tag);
  }
}

/** One workbook in a thread of its own (e.g. a 合订本: many seconds of exceljs work). */
export async function buildWorkbookOffThread(sheets: readonly TableSheet[]): Promise<Buffer> {
  const pool = await WorkbookPool.open(1);
  try {
    return await pool.build(sheets);
  } finally {
    await pool.close();
  }
}

/** Rows from which a download's workbook is made in a worker thread: exceljs then takes a second or more. */
const OFF_THREAD_ROWS = 2000;

/**
 * A workbook to download: made here when small (no thread to start); a large one, such as the city's
 * 主体 list or a 问题整改台账, in a thread of its own, so the main process keeps answering meanwhile.
 */
export function buildDownloadWorkbook(sheets: readonly TableSheet[]): Promise<Buffer> {
  const rows = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  return rows >= OFF_THREAD_ROWS ? buildWorkbookOffThread(sheets) : buildWorkbook(sheets);
}
