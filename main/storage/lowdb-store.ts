import path from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '@shared/api/result';
import { migrate } from '@shared/storage/migrations';
import { DataDocSchema, type DataDoc, type Store } from '@shared/storage/types';
import { AtomicJsonFile } from './atomic-file';

export const DATA_FILE_NAME = 'data.json';

/** The data folder's library, held by lowdb. The only module that imports lowdb. */
export class LowdbStore implements Store {
  private writes: Promise<unknown> = Promise.resolve();
  private writeCount = 0;

  private constructor(
    readonly dataDir: string,
    private readonly db: Low<DataDoc | null>,
  ) {}

  /**
   * Opens the library in `dataDir`. A missing file is a first run (read() gives null); a file
   * that does not parse or does not pass the schema is refused and left untouched.
   */
  static async open(dataDir: string): Promise<LowdbStore> {
    const file = path.join(dataDir, DATA_FILE_NAME);
    const raw = await new AtomicJsonFile<unknown>(file).read().catch((error: unknown) => {
      if (error instanceof SyntaxError) throw unreadable(file, '内容不是完整的 JSON（文件可能已损坏）');
      throw error;
    });
    const db = new Low<DataDoc | null>(new AtomicJsonFile<DataDoc | null>(file), null);
    if (raw !== null) db.data = validateDoc(raw, file);
    return new LowdbStore(dataDir, db);
  }

  get version(): number {
    return this.writeCount;
  }

  read(): DataDoc | null {
    return this.db.data;
  }

  update<T>(mutate: (doc: DataDoc) => T): Promise<T> {
    return this.serialized(async () => {
      const doc = this.db.data;
      if (!doc) throw new ApiError('not-initialized', '尚未建立数据库，请先选择“载入示例数据”或“新建空白库”');
      const result = mutate(doc);
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

  /** One write at a time, in call order; a failed write does not block the next. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async persist(): Promise<void> {
    try {
      await this.db.write();
      this.writeCount++;
    } catch (error) {
      // The change is not on disk: reload what is, so memory never claims more than the file.
      await this.db.read().catch(() => undefined);
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ApiError('internal', `保存失败（${reason}），本次修改未生效。请检查数据文件夹是否可写、磁盘是否已满后重试`);
    }
  }
}

function validateDoc(raw: unknown, file: string): DataDoc {
  const migrated = migrate(raw);
  if (!migrated.ok) throw unreadable(file, migrated.message);
  const parsed = DataDocSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') : '';
    throw unreadable(file, `内容不符合数据格式（${where}：${first?.message ?? ''}）`);
  }
  return parsed.data;
}

function unreadable(file: string, reason: string): ApiError {
  return new ApiError(
    'internal',
    `无法读取数据文件 ${file}：${reason}。文件未被改动；请从备份恢复，或换一个数据文件夹`,
  );
}
