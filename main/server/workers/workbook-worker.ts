// Worker thread: turns sheets into xlsx bytes with buildWorkbook, one request at a time, so that
// exceljs's serialising and zipping (most of a handbook's export time) runs beside the main thread.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '@shared/api/result';
import { buildWorkbook } from '../export/xlsx';
import type { WorkbookReply, WorkbookRequest } from './workbook-pool';

function reply(message: WorkbookReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

async function build({ id, sheets }: WorkbookRequest): Promise<void> {
  try {
    const built = await buildWorkbook(sheets);
    // Only a whole buffer can be handed over without a copy; a view into a shared one is copied once.
    const bytes = built.byteOffset === 0 && built.byteLength === built.buffer.byteLength ? built : new Uint8Array(built);
    reply({ id, kind: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    // An ApiError's message is meant for the clerk as it is; the pool words anything else.
    reply(
      error instanceof ApiError
        ? { id, kind: 'error', code: error.code, message: error.message }
        : { id, kind: 'error', code: null, message: error instanceof Error ? error.message : String(error) },
    );
  }
}

parentPort?.on('message', (request: WorkbookRequest) => void build(request));
// exceljs is loaded (the slow part of a worker's start): the pool may count this thread as ready.
reply({ kind: 'ready' });
