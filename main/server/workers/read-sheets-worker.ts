// Worker thread: reads one uploaded spreadsheet into sheets of cells, so that parsing a large
// workbook (seconds of CPU) never holds up the main process's answers to other requests.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '@shared/api/result';
import { readSheetsInto } from '../import/read-sheets';
import type { ReadSheetsMessage, ReadSheetsRequest } from './off-thread';

function send(message: ReadSheetsMessage): void {
  parentPort?.postMessage(message);
}

async function read({ fileName, bytes }: ReadSheetsRequest): Promise<void> {
  try {
    // Rows go over as they are read: the main thread checks them meanwhile.
    await readSheetsInto(fileName, bytes, {
      sheet: (name) => send({ kind: 'sheet', name }),
      rows: (at, rows) => send({ kind: 'rows', at, rows }),
      restart: () => send({ kind: 'restart' }),
    });
    send({ kind: 'done' });
  } catch (error) {
    // An ApiError carries the Chinese message meant for the clerk; dispatch reports anything else.
    const { code, message } = error instanceof ApiError ? error : { code: 'internal' as const, message: (error as Error).message };
    send({ kind: 'error', code, message });
  }
}

// No top-level await: the built app runs this file as CommonJS.
void read(workerData as ReadSheetsRequest);
