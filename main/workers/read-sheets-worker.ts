// Worker thread: reads one uploaded spreadsheet into sheets of cells, so that parsing a large
// workbook (seconds of CPU) never holds up the main process's answers to other requests.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '@shared/api/result';
import { readSheets } from '../import/read-sheets';
import type { ReadSheetsMessage, ReadSheetsRequest } from './off-thread';

/** Rows per message: each copy into the main thread stays a few milliseconds long. */
const BATCH_ROWS = 1000;

function send(message: ReadSheetsMessage): void {
  parentPort?.postMessage(message);
}

async function read({ fileName, bytes }: ReadSheetsRequest): Promise<void> {
  try {
    for (const sheet of await readSheets(fileName, bytes)) {
      send({ kind: 'sheet', name: sheet.name });
      for (let i = 0; i < sheet.rows.length; i += BATCH_ROWS) send({ kind: 'rows', rows: sheet.rows.slice(i, i + BATCH_ROWS) });
    }
    send({ kind: 'done' });
  } catch (error) {
    // An ApiError carries the Chinese message meant for the clerk; dispatch reports anything else.
    const { code, message } = error instanceof ApiError ? error : { code: 'internal' as const, message: (error as Error).message };
    send({ kind: 'error', code, message });
  }
}

// No top-level await: the built app runs this file as CommonJS.
void read(workerData as ReadSheetsRequest);
