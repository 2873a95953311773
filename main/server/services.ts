import { mkdir } from 'node:fs/promises';
import type { ApiHandlers } from '@shared/api/contract';
import { createHandlers } from './handlers';
import { Backups } from './storage/backups';
import { LowdbStore } from './storage/lowdb-store';

export interface ServiceOptions {
  /** Take the single-writer lock (everything but read-only CLI commands). */
  readonly lock?: boolean;
  /** Back the library up on opening (the app and the web harness do; the CLI does not). */
  readonly backupAtStart?: boolean;
  readonly now?: () => Date;
}

export interface Services {
  readonly handlers: ApiHandlers;
  readonly store: LowdbStore;
  readonly backups: Backups;
}

/** Opens (creating if needed) the data folder and builds the handler table over it. */
export async function openServices(dataDir: string, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  await mkdir(dataDir, { recursive: true });
  // Past years of visits are read when a handler asks for them (handlers/years.ts).
  const store = await LowdbStore.open(dataDir, { lock: options.lock ?? true, pastYears: 'later', now });
  const backups = new Backups(dataDir, store);
  const doc = store.read();
  let startWarning = '';
  if (options.backupAtStart && doc) {
    // The library itself opened: a backup that cannot be made (a full disk) is said, not fatal.
    try {
      await backups.create(doc, 'start', doc.profile.backupKeep, now());
    } catch (error) {
      startWarning = `启动时未能备份数据：${error instanceof Error ? error.message : String(error)}。数据本身完好，可以继续使用；处理后请在“备份与恢复”中手动备份一次`;
      console.warn(`[services] ${startWarning}`);
    }
  }
  return { handlers: createHandlers({ store, now, backups, recovery: store.recovery, startWarning }), store, backups };
}
