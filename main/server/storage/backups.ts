import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '@shared/api/result';
import { migrate } from '@shared/storage/migrations';
import { CURRENT_SCHEMA_VERSION, DataDocSchema, type DataDoc } from '@shared/storage/types';
import { copyFileSynced, renameWithRetry, syncDirectory, tempFileOf, writeFileAtomic } from './atomic-file';
import { checkLibrarySize, fileFault } from './file-faults';
import { jsonBytes } from './json-bytes';
import { readLibraryFolder } from './library-folder';

export const BACKUP_DIR_NAME = 'backups';

export interface BackupInfo {
  readonly fileName: string;
  /** ISO time the backup was made. */
  readonly at: string;
  readonly reason: string;
  readonly bytes: number;
}

/** Why a backup was made; shown in the 备份与恢复 screen. */
export const BACKUP_REASONS = {
  start: '启动时',
  import: '导入前',
  assign: '自动分配前',
  plan: '生成督导计划前',
  replace: '干部变动前',
  restore: '恢复前',
  bulk: '批量修改前',
  migration: '升级数据前',
  manual: '手动备份',
} as const;
export type BackupReason = keyof typeof BACKUP_REASONS;

/** A backup is a folder holding the library's files, or (made by versions before 4, or of another document) one file. */
const NAME = /^backup-(\d{8})-(\d{6})-(\d{3})-([a-z]+)(\.json)?$/;

function stamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
}

export type LibraryCheck = { ok: true; doc: DataDoc; from: number } | { ok: false; newer: boolean; reason: string };

/** Parse, migrate, validate: what a library file (data or backup) holds, or why it cannot be used. */
export function inspectLibrary(text: string): LibraryCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, newer: false, reason: NOT_JSON };
  }
  return inspectParsed(raw);
}

export const NOT_JSON = '内容不是完整的 JSON（文件可能已损坏）';

/** Migrate and validate a parsed library (one file, or the parts of a data folder put together). */
export function inspectParsed(raw: unknown): LibraryCheck {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, newer: typeof version === 'number' && version > CURRENT_SCHEMA_VERSION, reason: migrated.message };
  const parsed = DataDocSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, newer: false, reason: issueText(parsed.error) };
  return { ok: true, doc: parsed.data, from: migrated.from };
}

/** Why a file's content does not pass the schema: its first issue. */
export function issueText(error: {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}): string {
  const first = error.issues[0];
  return `内容不符合数据格式（${first ? first.path.map(String).join('.') : ''}：${first?.message ?? ''}）`;
}

/** A library file's document, or an ApiError naming the file and what is wrong with it. */
export function parseLibrary(text: string, what: string): DataDoc {
  const check = inspectLibrary(text);
  if (!check.ok) throw new ApiError('invalid-argument', `${what}${check.reason.startsWith('内容') ? '' : '：'}${check.reason}`);
  return check.doc;
}

/** The store as a backup sees it (LowdbStore). */
export interface SavedLibrary {
  read(): DataDoc | null;
  /** Runs `use` on the library's files while they hold what `read` gives (no write in between). */
  withSavedFiles<T>(use: (files: readonly string[]) => Promise<T>): Promise<T>;
}

/** Backups live in `<data>/backups`, newest first when listed; only the last `keep` are kept. */
export class Backups {
  readonly dir: string;

  /** `library`: the store of the same folder, whose saved file a backup of its document copies. */
  constructor(
    dataDir: string,
    private readonly library?: SavedLibrary,
  ) {
    this.dir = path.join(dataDir, BACKUP_DIR_NAME);
  }

  /**
   * Backs the document up. The store's own document is backed up as its saved files, copied into a
   * folder (see `copy`); any other is written out as one file and read back before it is trusted.
   */
  create(doc: DataDoc, reason: BackupReason, keep: number, now: Date = new Date()): Promise<BackupInfo> {
    if (this.library && this.library.read() === doc) return this.library.withSavedFiles((files) => this.copy(files, reason, keep, now));
    const blocks = jsonBytes(doc);
    return this.add(
      `backup-${stamp(now)}-${reason}.json`,
      reason,
      keep,
      now,
      (file) => writeFileAtomic(file, blocks),
      async (file) => {
        parseLibrary(await readFile(file, 'utf8'), '备份文件');
      },
    );
  }

  /**
   * Backs up the saved library files as they are, by copying their bytes into a folder (never hard
   * links: the backup must outlive damage written into the library's files in place). They were
   * checked when they were read and every save since wrote a checked document, so the copies are
   * checked only for being whole (length, and first and last bytes against the original's). The
   * folder is filled under a temp name and renamed into place: a backup is whole or absent.
   */
  copy(libraryFiles: readonly string[], reason: BackupReason, keep: number, now: Date = new Date()): Promise<BackupInfo> {
    return this.add(
      `backup-${stamp(now)}-${reason}`,
      reason,
      keep,
      now,
      async (folder) => {
        const temp = tempFileOf(folder);
        try {
          await mkdir(temp, { recursive: true });
          // All at once: each copy's fsync waits for the disk while the others copy (about as fast as one plain copy of them all).
          const copies = await Promise.allSettled(libraryFiles.map((file) => copyFileSynced(file, path.join(temp, path.basename(file)))));
          const failed = copies.find((copy) => copy.status === 'rejected');
          if (failed) throw failed.reason;
          await syncDirectory(temp);
          await renameWithRetry(temp, folder);
        } catch (error) {
          await rm(temp, { recursive: true, force: true }).catch(() => undefined);
          throw error;
        }
        await syncDirectory(this.dir);
      },
      async (folder) => {
        for (const file of libraryFiles) await sameEnds(file, path.join(folder, path.basename(file)));
      },
    );
  }

  /** Names the backup, has it written, verifies it (removed when it fails), then prunes the oldest. */
  private async add(
    name: string,
    reason: BackupReason,
    keep: number,
    now: Date,
    write: (file: string) => Promise<void>,
    verify: (file: string) => Promise<void>,
  ): Promise<BackupInfo> {
    const ext = path.extname(name);
    let fileName = name;
    for (let n = 1; await exists(path.join(this.dir, fileName)); n++)
      fileName = `backup-${stamp(new Date(now.getTime() + n))}-${reason}${ext}`;
    const file = path.join(this.dir, fileName);
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fileFault(error, file, 'write');
    });
    await write(file);
    try {
      await verify(file);
    } catch (error) {
      await rm(file, { force: true, recursive: true });
      throw new ApiError('internal', `备份写入后校验失败（${(error as Error).message}），请检查磁盘后重试`);
    }
    await this.prune(keep);
    return { fileName, at: now.toISOString(), reason: BACKUP_REASONS[reason], bytes: await sizeOf(file) };
  }

  async list(): Promise<BackupInfo[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const infos: BackupInfo[] = [];
    for (const fileName of names) {
      const match = NAME.exec(fileName);
      if (!match) continue;
      const [, day = '', time = '', ms = '', reason = ''] = match;
      const at = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`;
      const size = await sizeOf(path.join(this.dir, fileName));
      infos.push({ fileName, at, reason: BACKUP_REASONS[reason as BackupReason] ?? reason, bytes: size });
    }
    return infos.sort((a, b) => b.fileName.localeCompare(a.fileName));
  }

  async read(fileName: string): Promise<DataDoc> {
    if (!NAME.test(fileName)) throw new ApiError('invalid-argument', `“${fileName}”不是本软件的备份文件名`);
    const where = path.join(this.dir, fileName);
    if (!fileName.endsWith('.json')) {
      const check = await readLibraryFolder(where, { log: 'read' }).catch(() => undefined);
      if (check === undefined || check === null) throw new ApiError('not-found', `找不到备份“${fileName}”，请刷新备份列表`);
      if (!check.ok)
        throw new ApiError(
          'invalid-argument',
          `备份“${fileName}”中的 ${path.basename(check.file)}${check.reason.startsWith('内容') ? '' : '：'}${check.reason}，这个备份不能使用，当前数据未改动。请选用另一个备份`,
        );
      return check.doc;
    }
    await checkLibrarySize(where, `备份“${fileName}”`);
    const text = await readFile(path.join(this.dir, fileName), 'utf8').catch(() => {
      throw new ApiError('not-found', `找不到备份“${fileName}”，请刷新备份列表`);
    });
    return parseLibrary(text, `备份“${fileName}”`);
  }

  /** The newest backup that still reads as a valid library, if any. */
  async newestGood(): Promise<BackupInfo | null> {
    for (const info of await this.list()) {
      try {
        await this.read(info.fileName);
        return info;
      } catch {
        // A damaged backup is skipped; an older one may still be good.
      }
    }
    return null;
  }

  private async prune(keep: number): Promise<void> {
    const all = await this.list();
    for (const old of all.slice(Math.max(1, keep))) await rm(path.join(this.dir, old.fileName), { force: true, recursive: true });
  }
}

/** Bytes compared at each end of a copy. */
const END_BYTES = 64 * 1024;

/** Throws unless `copy` has the length of `original` and the same first and last END_BYTES. */
async function sameEnds(original: string, copy: string): Promise<void> {
  const [a, b] = await Promise.all([readEnds(original), readEnds(copy)]);
  if (a.size !== b.size) throw new Error(`副本长度 ${b.size} 字节，原文件 ${a.size} 字节`);
  if (!a.head.equals(b.head) || !a.tail.equals(b.tail)) throw new Error('副本内容与原文件不同');
}

async function readEnds(file: string): Promise<{ size: number; head: Buffer; tail: Buffer }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const read = async (position: number) => {
      const buffer = Buffer.alloc(Math.min(END_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    };
    return { size, head: await read(0), tail: await read(Math.max(0, size - END_BYTES)) };
  } finally {
    await handle.close();
  }
}

/** A backup's size: the file's, or the sum of its folder's files. */
async function sizeOf(file: string): Promise<number> {
  const info = await stat(file).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(file)) total += (await stat(path.join(file, name)).catch(() => null))?.size ?? 0;
  return total;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Moves a damaged file of the library aside (never overwrites or deletes it); returns the new name. */
export async function moveAside(file: string, now: Date = new Date()): Promise<string> {
  const target = damagedName(file, now);
  await rename(file, target);
  return target;
}

/** Where a damaged file of the data folder is moved: `data.json` → `data.damaged-<time>.json`, `log.jsonl` → `log.damaged-<time>.jsonl`. */
export function damagedName(file: string, now: Date): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.damaged-${stamp(now)}${ext}`);
}
