import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '@shared/api/result';
import type { ArrivingSheets, Sheet } from '@shared/records/import-plan';
import { placeRows } from '../import/sheet-rows';

export interface ReadSheetsRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}
/**
 * The worker answers with each sheet's rows in batches as it reads them (consecutive rows from
 * index `at`), then done (or one error); restart voids what came before.
 */
export type ReadSheetsMessage =
  | { kind: 'sheet'; name: string }
  | { kind: 'rows'; at: number; rows: Sheet['rows'] }
  | { kind: 'restart' }
  | { kind: 'done' }
  | { kind: 'error'; code: ErrorCode; message: string };

const HERE = path.dirname(fileURLToPath(import.meta.url));
const READ_SHEETS_WORKER = 'read-sheets-worker';
const ROOT = path.resolve(HERE, '../../..');

/** A worker's script: a file, or (bundled from source) the code itself. */
export type Script = { file: string } | { code: string };
const sourceBundles = new Map<string, Promise<Script>>();

/**
 * The worker's script as one CommonJS file. The built app has it beside the bundled main process
 * (an extra entry in electron.vite.config.ts); run from source (tsx, vitest, the benchmark) it is
 * bundled once per process with esbuild in the same way, so the worker runs as it does in the app.
 */
export function workerScript(name: string): Promise<Script> {
  const bundled = path.join(HERE, `${name}.cjs`);
  if (existsSync(bundled)) return Promise.resolve({ file: bundled });
  let script = sourceBundles.get(name);
  if (!script) {
    script = (async () => {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [path.join(HERE, `${name}.ts`)],
        write: false,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        packages: 'external',
        alias: { '@shared': path.join(ROOT, 'shared') },
        logLevel: 'error',
      });
      // The packages it leaves out (exceljs…) are required from the repository's node_modules.
      const requireFromRoot = `require('node:module').createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))})`;
      return { code: `(function (require) {\n${result.outputFiles[0]?.text ?? ''}\n})(${requireFromRoot});` };
    })();
    sourceBundles.set(name, script);
  }
  return script;
}

/**
 * Has the worker's script ready before the first preview: the built app's is on disk already; from
 * source this bundles it (the benchmark times the import as the app runs it, without that step).
 */
export async function prepareReadSheetsWorker(): Promise<void> {
  await workerScript(READ_SHEETS_WORKER);
}

export function startWorker(script: Script, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  return 'file' in script ? new Worker(script.file, options) : new Worker(script.code, { ...options, eval: true });
}

/**
 * The reading thread's heap. A province's 100,000-row list needs about 1 GB when it must be read
 * whole (~130 MB streamed); a hostile file that gets past the reader's own limits ends this thread
 * with one Chinese message, rather than taking the app's memory.
 */
const READ_SHEETS_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536 };

/**
 * `readSheets` in a worker thread: the main process keeps answering other requests while a large
 * workbook is parsed, and takes the rows over in batches rather than in one long copy. Resolves to
 * the same sheets, or rejects with the same ApiError.
 */
export async function readSheetsOffThread(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  const arriving = await readSheetsArriving(fileName, bytes);
  while (!arriving.complete) await arriving.arrival();
  return [...arriving.sheets];
}

/** The sheets as the worker thread reads them, usable before it has finished (see ArrivingSheets). */
export async function readSheetsArriving(fileName: string, bytes: Uint8Array): Promise<SheetsFromWorker> {
  const request: ReadSheetsRequest = { fileName, bytes };
  return new SheetsFromWorker(startWorker(await workerScript(READ_SHEETS_WORKER), request, READ_SHEETS_LIMITS), fileName);
}

export class SheetsFromWorker implements ArrivingSheets {
  sheets: { name: string; rows: Sheet['rows'][number][] }[] = [];
  complete = false;
  restarts = 0;
  private failure: ApiError | null = null;
  private waiting: { resolve: () => void; reject: (error: ApiError) => void }[] = [];

  constructor(
    private readonly worker: Worker,
    fileName: string,
  ) {
    worker.on('message', (message: ReadSheetsMessage) => {
      try {
        this.take(message);
      } catch {
        // Rows that cannot be taken over void the whole reading: a preview is of the whole file or none.
        this.fail(new ApiError('internal', `读取文件“${fileName}”时出错，请重试；仍不行请把文件另存为 .xlsx 后再导入`));
        void worker.terminate();
      }
      this.wake();
    });
    worker.once('error', (error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(
        outOfMemory
          ? new ApiError(
              'invalid-argument',
              `文件“${fileName}”内容过多，读取时超出了内存上限，文件可能已损坏。请用 Excel/WPS 打开，删去无关的工作表、行和列后“另存为” .xlsx，或分成几个文件导入`,
            )
          : new ApiError('internal', `读取文件时出错（${error.message}），请重试；仍不行请把文件另存为 .xlsx 后再导入`),
      );
    });
    // After done or an error this is the thread's normal end; before them it voids the reading.
    worker.once('exit', (code) => this.fail(new ApiError('internal', `读取文件的后台任务意外退出（代码 ${code}），请重试`)));
  }

  private take(message: ReadSheetsMessage): void {
    if (message.kind === 'sheet') this.sheets.push({ name: message.name, rows: [] });
    else if (message.kind === 'rows') {
      const sheet = this.sheets.at(-1);
      if (sheet) placeRows(sheet.rows, message.at, message.rows);
    } else if (message.kind === 'restart') {
      this.sheets = [];
      this.restarts++;
    } else {
      if (message.kind === 'done') this.complete = true;
      else this.fail(new ApiError(message.code, message.message));
      void this.worker.terminate();
    }
  }

  /** Ends the reading when the rest of the file is no longer wanted (a preview stopped or refused). */
  stop(): void {
    if (!this.complete) void this.worker.terminate();
  }

  arrival(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.complete) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private fail(error: ApiError): void {
    if (this.complete || this.failure) return;
    this.failure = error;
    this.wake();
  }

  private wake(): void {
    for (const { resolve, reject } of this.waiting.splice(0)) {
      if (this.failure) reject(this.failure);
      else resolve();
    }
  }
}
