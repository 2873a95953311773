import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '@shared/api/result';
import type { Sheet } from '@shared/records/import-plan';

export interface ReadSheetsRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}
export type ReadSheetsReply = { ok: true; sheets: Sheet[] } | { ok: false; code: ErrorCode; message: string };

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts a worker script: the built app has it beside the bundled main process (an extra entry in
 * electron.vite.config.ts); from source (tsx, vitest, started in the repository) the TypeScript
 * file runs through tsx's loader, registered inside the worker.
 */
function startWorker(name: string, workerData: unknown): Worker {
  const bundled = path.join(HERE, `${name}.cjs`);
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  const source = pathToFileURL(path.join(HERE, `${name}.ts`)).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * `readSheets` in a worker thread: the main process keeps answering other requests while a large
 * workbook is parsed. Resolves to the same sheets, or rejects with the same ApiError.
 */
export function readSheetsOffThread(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  const request: ReadSheetsRequest = { fileName, bytes };
  return new Promise((resolve, reject) => {
    const worker = startWorker('read-sheets-worker', request);
    worker.once('message', (reply: ReadSheetsReply) => {
      if (reply.ok) resolve(reply.sheets);
      else reject(new ApiError(reply.code, reply.message));
      void worker.terminate();
    });
    worker.once('error', (error) => reject(new ApiError('internal', `读取文件时出错（${error.message}），请重试；仍不行请把文件另存为 .xlsx 后再导入`)));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new ApiError('internal', `读取文件的后台任务意外退出（代码 ${code}），请重试`));
    });
  });
}
