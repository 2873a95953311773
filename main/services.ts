import { mkdir } from 'node:fs/promises';
import type { ApiHandlers } from '@shared/api/contract';
import { createHandlers } from './handlers';
import { LowdbStore } from './storage/lowdb-store';

/** Opens (creating if needed) the data folder and builds the handler table over it. */
export async function openServices(dataDir: string, now: () => Date = () => new Date()): Promise<{ handlers: ApiHandlers; store: LowdbStore }> {
  await mkdir(dataDir, { recursive: true });
  const store = await LowdbStore.open(dataDir);
  return { handlers: createHandlers({ store, now }), store };
}
