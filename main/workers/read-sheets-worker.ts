// Worker thread: reads one uploaded spreadsheet into sheets of cells, so that parsing a large
// workbook (seconds of CPU) never holds up the main process's answers to other requests.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '@shared/api/result';
import { readSheets } from '../import/read-sheets';
import type { ReadSheetsReply, ReadSheetsRequest } from './off-thread';

/** The reply for one file: its sheets, or the error to show. */
async function read({ fileName, bytes }: ReadSheetsRequest): Promise<ReadSheetsReply> {
  try {
    return { ok: true, sheets: await readSheets(fileName, bytes) };
  } catch (error) {
    // An ApiError carries the Chinese message meant for the clerk; dispatch reports anything else.
    return error instanceof ApiError ? { ok: false, code: error.code, message: error.message } : { ok: false, code: 'internal', message: (error as Error).message };
  }
}

// No top-level await: the built app runs this file as CommonJS.
void read(workerData as ReadSheetsRequest).then((reply) => parentPort?.postMessage(reply));
