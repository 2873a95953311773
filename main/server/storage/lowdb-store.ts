import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '@shared/api/result';
import { CURRENT_SCHEMA_VERSION, DataDocSchema, type DataDoc, type DeepReadonly, type Store } from '@shared/storage/types';
import { AtomicJsonFile, sweepTempFiles, writeFileAtomic } from './atomic-file';
import { BACKUP_DIR_NAME, inspectLibrary, moveAside } from './backups';
import { checkLibrarySize, fileFault } from './file-faults';
import { acquireLock } from './lock';

export const DATA_FILE_NAME = 'data.json';

/** Set when the data file was damaged at start: it was moved aside and the library is empty. */
export interface Recovery {
  readonly message: string;
  readonly movedTo: string;
}

export interface OpenOptions {
  /** Take the data folder's single-writer lock (not for read-only commands). */
  readonly lock: boolean;
}

/** The data folder's library, held by lowdb. The only module that imports lowdb. */
export class LowdbStore implements Store {
  private writes: Promise<unknown> = Promise.resolve();
  private writeCount = 0;
  /** Set when memory could not be put back after a failed change: no more saves (see reloadFromDisk). */
  private halted: string | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly db: Low<DataDoc | null>,
    readonly recovery: Recovery | null,
    private readonly unlock: (() => Promise<void>) | null,
  ) {}

  /**
   * Opens the library in `dataDir`. A missing file is a first run (read() gives null). A file
   * from a newer version is refused and left in place. A damaged file is never overwritten: it
   * is moved aside, the library starts empty and `recovery` says what happened.
   */
  static async open(dataDir: string, options: OpenOptions = { lock: true }): Promise<LowdbStore> {
    const unlock = options.lock ? await acquireLock(dataDir) : null;
    try {
      const file = path.join(dataDir, DATA_FILE_NAME);
      // Under the lock no other process writes here: a temp file is what an interrupted write left.
      if (unlock) for (const dir of [dataDir, path.join(dataDir, BACKUP_DIR_NAME)]) await sweepTempFiles(dir);
      const db = new Low<DataDoc | null>(new AtomicJsonFile<DataDoc | null>(file), null);
      const text = await readLibraryText(file);
      if (text === null) return new LowdbStore(dataDir, db, null, unlock);
      const check = inspectLibrary(text);
      if (check.ok) {
        if (check.from < CURRENT_SCHEMA_VERSION) await keepPreMigrationCopy(dataDir, text, check.from);
        db.data = check.doc;
        return new LowdbStore(dataDir, db, null, unlock);
      }
      if (check.newer || !options.lock) {
        throw new ApiError('conflict', `无法打开数据文件 ${file}：${check.reason}。文件未被改动`);
      }
      const movedTo = await moveAside(file);
      const message = `数据文件无法读取：${check.reason}。原文件已原样移到 ${path.basename(movedTo)} 保存。可以从备份恢复，或新建空白库`;
      return new LowdbStore(dataDir, db, { message, movedTo }, unlock);
    } catch (error) {
      await unlock?.();
      throw error;
    }
  }

  get version(): number {
    return this.writeCount;
  }

  read(): DataDoc | null {
    return this.db.data;
  }

  /**
   * All or nothing: when the change throws or the save fails, memory goes back to what the file
   * holds before the next write runs, so a half-made change is never written by a later save. A
   * refusal from `check` (read-only) changed nothing and needs no reload.
   */
  update<T>(mutate: (doc: DataDoc) => T): Promise<T>;
  update<C, T>(check: (doc: DeepReadonly<DataDoc>) => C, apply: (doc: DataDoc, checked: C) => T): Promise<T>;
  update<C, T>(first: ((doc: DataDoc) => T) | ((doc: DeepReadonly<DataDoc>) => C), apply?: (doc: DataDoc, checked: C) => T): Promise<T> {
    return this.serialized(async () => {
      const doc = this.db.data;
      if (!doc) throw new ApiError('not-initialized', this.recovery?.message ?? '尚未建立数据库，请先选择“载入示例数据”或“新建空白库”');
      let change = first as (d: DataDoc) => T;
      if (apply) {
        // Read-only, so a refusal here changed nothing.
        const checked = (first as (d: DeepReadonly<DataDoc>) => C)(doc);
        change = (d) => apply(d, checked);
      }
      let result: T;
      try {
        result = change(doc);
      } catch (error) {
        await this.reloadFromDisk();
        throw error;
      }
      await this.persist();
      return result;
    });
  }

  replace(doc: DataDoc): Promise<void> {
    return this.serialized(async () => {
      this.db.data = DataDocSchema.parse(doc);
      await this.persist();
    });
  }

  /**
   * Runs `use` on the data file once every write queued before this call has finished and before
   * any queued after it starts: the file then holds what memory holds (before the first save after
   * a migration, in the older shape), so a backup copies it rather than writing the library again.
   * Refused when saving has stopped (see reloadFromDisk).
   */
  withSavedFile<T>(use: (file: string) => Promise<T>): Promise<T> {
    return this.queued(() => use(path.join(this.dataDir, DATA_FILE_NAME)));
  }

  /** Waits for pending writes and releases the folder lock. */
  async close(): Promise<void> {
    await this.writes;
    await this.unlock?.();
  }

  /** One write at a time, in call order; a failed write does not block the next. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    if (!this.unlock) return Promise.reject(new ApiError('forbidden', '只读方式打开的数据不能修改'));
    return this.queued(work);
  }

  /** In the write queue, refused once saving has stopped. */
  private queued<T>(work: () => Promise<T>): Promise<T> {
    const guarded = (): Promise<T> => (this.halted ? Promise.reject(new ApiError('internal', this.halted)) : work());
    const run = this.writes.then(guarded, guarded);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async persist(): Promise<void> {
    try {
      await this.db.write();
      this.writeCount++;
    } catch (error) {
      // The change is not on disk: reload what is, so memory never claims more than the file.
      await this.reloadFromDisk();
      // A fault the clerk can fix already says what to do (see fileFault).
      if (error instanceof ApiError) throw new ApiError('internal', `保存失败，本次修改未生效：${error.message}`);
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ApiError('internal', `保存失败（${reason}），本次修改未生效。请检查数据文件夹是否可写、磁盘是否已满后重试`);
    }
  }

  /**
   * Memory back to the last completed save (null when none was ever made: a first run). City
   * scale: ~300 ms, paid only on a failed change. A file that no longer reads stops all saving:
   * memory may hold a half-made change, which must not reach the disk.
   */
  private async reloadFromDisk(): Promise<void> {
    try {
      const text = await readLibraryText(path.join(this.dataDir, DATA_FILE_NAME));
      const check = text === null ? null : inspectLibrary(text);
      if (check && !check.ok) throw new Error(check.reason);
      this.db.data = check?.doc ?? null;
      this.writeCount++;
    } catch (error) {
      this.halted = `数据未能从磁盘重新载入（${(error as Error).message}），为免写入不完整的数据，已停止保存。请关闭并重新打开本软件`;
    }
  }
}

/** The library file's text, null when there is none yet; a fault the clerk can fix said in Chinese. */
async function readLibraryText(file: string): Promise<string | null> {
  await checkLibrarySize(file, '数据文件');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileFault(error, file, 'read');
  }
}

/** Before the first write in the new shape, the old file is kept as it was. */
async function keepPreMigrationCopy(dataDir: string, text: string, from: number): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 15);
  await writeFileAtomic(path.join(dataDir, BACKUP_DIR_NAME, `data.v${from}-${stamp}.json`), text);
}
