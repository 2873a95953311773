import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/api/result';
import type { LogEntry } from '@shared/domain/schemas';
import {
  CURRENT_SCHEMA_VERSION,
  DataDocSchema,
  STORE_HOOKS,
  type DataDoc,
  type DeepReadonly,
  type Store,
  type StoreHooks,
  type YearsNeeded,
} from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { sweepTempFiles, writeFileAtomic } from './atomic-file';
import { BACKUP_DIR_NAME, moveAside } from './backups';
import { commitFiles, finishCommit, type Append, type FileWrite } from './commit';
import { stagePartFile } from './part-file';
import { acquireLock } from './lock';
import {
  byYear,
  KEYS,
  MASTER_FILE_NAME,
  MASTER_KEYS,
  PLACEMENT,
  yearFileName,
  yearFileContent,
  yearOf,
  yearOfFileName,
  type Key,
  type YearHead,
} from './layout';
import { libraryFileNames, readLibraryFolder, readLogFile, readYearFiles, readYearHead, readYearOpen } from './library-folder';
import { track, type Touched } from './tracking';

/** The library's main file; its history lives in files beside it (layout.ts). */
export const DATA_FILE_NAME = MASTER_FILE_NAME;

/** Set when the data file was damaged at start: it was moved aside and the library is empty. */
export interface Recovery {
  readonly message: string;
  readonly movedTo: string;
}

export interface OpenOptions {
  /** Take the data folder's single-writer lock (not for read-only commands). */
  readonly lock: boolean;
  /**
   * `later`: of the visits, read only the plan year's and this year's (what the first screen and a
   * day's work show); other years are read when `ensureYears` asks for them. For callers that ask
   * before they use a past year (the handlers: handlers/years.ts). Absent: every year is read.
   */
  readonly pastYears?: 'read' | 'later';
  /** Today, for `pastYears: 'later'`. */
  readonly now?: () => Date;
}

/** The 操作日志 as the store holds it: read from its file only when first asked for. */
interface LogState {
  /** Every entry once read; null until then. */
  entries: LogEntry[] | null;
  /** Entries added while the file was not read (appended at the next save). */
  pending: LogEntry[];
  /** Entries of `entries` that are in the file. */
  saved: number;
  /** The list was replaced: the file is written whole at the next save. */
  rewrite: boolean;
}

/** Every part marked as changed: a replaced document, a migration. */
const EVERYTHING: Touched = { keys: new Set(KEYS), reached: new Map() };
const MASTER_ONLY: Touched = { keys: new Set(['schemaVersion']), reached: new Map() };

/**
 * The data folder's library: `data.json` and the files its history is kept in (layout.ts). A change
 * writes only the files of the parts it used (tracking.ts), all of them as one (commit.ts), and
 * appends its 操作日志 entries.
 */
export class LowdbStore implements Store {
  private writes: Promise<unknown> = Promise.resolve();
  private writeCount = 0;
  /** Set when memory could not be put back after a failed change: no more saves (see reloadFromDisk). */
  private halted: string | null = null;
  private doc: DataDoc | null = null;
  private log: LogState = { entries: null, pending: [], saved: 0, rewrite: false };
  /** Per yearly part: each year's records as its file holds them (the same objects, in order). */
  private saved = new Map<Key, Map<number, readonly object[]>>();
  /** Per yearly part: the years whose files are not read whole yet, with their heads. */
  private unread = new Map<Key, Map<number, YearHead | null>>();
  /**
   * Per yearly part: of the years not read whole, the records their heads carry (those with a problem
   * not yet 销号), read when asked for (ensureYears) and held in the document frozen: they can be
   * looked at, never changed, as the save cannot write their year.
   */
  private partial = new Map<Key, Map<number, readonly Visit[]>>();

  private constructor(
    readonly dataDir: string,
    readonly recovery: Recovery | null,
    private readonly unlock: (() => Promise<void>) | null,
  ) {}

  /**
   * Opens the library in `dataDir`. A missing data.json is a first run (read() gives null). A library
   * from a newer version is refused and left in place. A damaged file is never overwritten: it is
   * moved aside, the library starts empty and `recovery` says what happened. A library kept in one
   * file (before version 4) is kept as it was in `backups/` and split into its files.
   */
  static async open(dataDir: string, options: OpenOptions = { lock: true }): Promise<LowdbStore> {
    const unlock = options.lock ? await acquireLock(dataDir) : null;
    try {
      if (unlock) {
        // Under the lock no other process writes here: a commit plan is what a crash interrupted,
        // a temp file what an interrupted write left.
        await finishCommit(dataDir);
        await sweepTempFiles(dataDir);
        await sweepTempFiles(path.join(dataDir, BACKUP_DIR_NAME), { folders: true });
      }
      const today = (options.now ?? (() => new Date()))();
      const check = await readLibraryFolder(dataDir, {
        log: 'later',
        ...(options.pastYears === 'later'
          ? { years: (planYear: number) => (year: number) => year === planYear || year === today.getFullYear() }
          : {}),
      });
      if (check === null) return new LowdbStore(dataDir, null, unlock);
      if (check.ok) {
        const store = new LowdbStore(dataDir, null, unlock);
        store.hold(check.doc, check.single ? check.doc.log : null, await headsOf(dataDir, check.unread));
        if (check.single && unlock) {
          if (check.from < CURRENT_SCHEMA_VERSION && check.text !== null) await keepPreMigrationCopy(dataDir, check.text, check.from);
          await store.save(EVERYTHING);
        } else if (check.from < CURRENT_SCHEMA_VERSION && unlock) {
          // data.json with the new version at once, before any file is written in the new shape: the
          // older software then refuses the folder as newer rather than taking such a file for damaged.
          await store.save(MASTER_ONLY);
        }
        return store;
      }
      const file = check.file;
      if (check.newer || !options.lock) {
        throw new ApiError('conflict', `无法打开数据文件 ${file}：${check.reason}。文件未被改动`);
      }
      const movedTo = await moveAside(file);
      const part = path.basename(file) === MASTER_FILE_NAME ? '' : `中的 ${path.basename(file)} `;
      const message = `数据文件${part}无法读取：${check.reason}。原文件已原样移到 ${path.basename(movedTo)} 保存。可以从备份恢复，或新建空白库`;
      return new LowdbStore(dataDir, { message, movedTo }, unlock);
    } catch (error) {
      await unlock?.();
      throw error;
    }
  }

  get version(): number {
    return this.writeCount;
  }

  read(): DataDoc | null {
    return this.doc;
  }

  /**
   * All or nothing: when the change throws or the save fails, memory goes back to what the files
   * hold before the next write runs, so a half-made change is never written by a later save. A
   * refusal from `check` (read-only) changed nothing and needs no reload.
   */
  update<T>(mutate: (doc: DataDoc) => T): Promise<T>;
  update<C, T>(check: (doc: DeepReadonly<DataDoc>) => C, apply: (doc: DataDoc, checked: C) => T): Promise<T>;
  update<C, T>(first: ((doc: DataDoc) => T) | ((doc: DeepReadonly<DataDoc>) => C), apply?: (doc: DataDoc, checked: C) => T): Promise<T> {
    return this.serialized(async () => {
      if (!this.doc)
        throw new ApiError('not-initialized', this.recovery?.message ?? '尚未建立数据库，请先选择“载入示例数据”或“新建空白库”');
      // The check sees the tracked document too: what it hands to `apply` may be changed there.
      const { doc, touched } = track(this.doc);
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
      await this.persist(touched);
      return result;
    });
  }

  replace(doc: DataDoc): Promise<void> {
    return this.serialized(async () => {
      const parsed = DataDocSchema.parse(doc);
      this.hold(parsed, parsed.log, new Map());
      await this.persist(EVERYTHING);
    });
  }

  /**
   * Runs `use` on the library's files once every write queued before this call has finished and
   * before any queued after it starts: the files then hold what memory holds (before the first save
   * after a migration, in the older shape), so a backup copies them rather than writing the library
   * again. Refused when saving has stopped (see reloadFromDisk).
   */
  withSavedFiles<T>(use: (files: readonly string[]) => Promise<T>): Promise<T> {
    return this.queued(() => use(libraryFileNames(this.dataDir).map((name) => path.join(this.dataDir, name))));
  }

  /**
   * Reads the yearly files the library was opened without (OpenOptions `pastYears`) that may hold
   * what `needed` asks for, judged by their heads (layout.ts YearHead; a file without one is read),
   * so that the document's `visits` hold them from then on. Where only the visits with a problem not
   * yet 销号 are asked for and a year's head carries them, those alone are read (see `partial`). In
   * the write queue: a save never runs while a year is being put in. A file that does not read or
   * pass the schema is left as it is and refused with a Chinese message; its year stays unread, so no
   * save ever writes it.
   */
  ensureYears(needed: YearsNeeded): Promise<void> {
    if (!KEYS.some((key) => this.toRead(key, needed).years > 0)) return Promise.resolve();
    return this.queued(async () => {
      const doc = this.doc;
      if (!doc) return;
      for (const [key, unread] of this.unread) {
        const { whole, open, years } = this.toRead(key, needed);
        if (years === 0) continue;
        const read = await readYearFiles(this.dataDir, key, whole);
        if (!read.ok) throw unreadable(read.file, read.reason);
        const heads = new Map<number, readonly Visit[]>();
        for (const year of open) {
          const place = unread.get(year)?.open;
          if (!place) continue;
          const got = await readYearOpen(this.dataDir, key, year, place);
          if (!got.ok) throw unreadable(got.file, got.reason);
          heads.set(year, frozen(got.records as Visit[]));
        }
        const saved = this.saved.get(key) ?? new Map<number, readonly object[]>();
        const partial = this.partial.get(key) ?? new Map<number, readonly Visit[]>();
        for (const [year, records] of heads) partial.set(year, records);
        for (const [year, records] of read.records) {
          saved.set(year, records as object[]);
          unread.delete(year);
          partial.delete(year);
        }
        this.saved.set(key, saved);
        this.partial.set(key, partial);
        (doc[key] as Visit[]) = newestFirst(new Map([...(saved as Map<number, Visit[]>), ...partial]));
      }
      // Not a new version: what was worked out before for another reader stays right, as that reader
      // had every year it needed (handlers/years.ts), and the years read now hold none of those.
    });
  }

  /**
   * Of a yearly part's years not read whole, those `needed` asks to read whole and those whose heads'
   * visits are enough (every unfinished problem asked for, and the head carries them).
   */
  private toRead(key: Key, needed: YearsNeeded): { whole: number[]; open: number[]; years: number } {
    const unread = this.unread.get(key) ?? new Map<number, YearHead | null>();
    const whole = new Set<number>();
    const open: number[] = [];
    for (const [year, head] of unread) {
      // A file without a head may hold any year's visits and problems.
      if (needed === 'all' || (head === null && asksYears(needed)) || (needed.years ?? []).some((y) => head?.years.includes(y)))
        whole.add(year);
      else if (needed.unfinishedProblems === true && head !== null && head.unfinished > 0) {
        if (head.open === undefined) whole.add(year);
        else if (!this.partial.get(key)?.has(year)) open.push(year);
      }
    }
    if (needed !== 'all' && unread.size > 0) {
      const records = (this.doc?.[key] ?? []) as Visit[];
      for (const id of needed.visits ?? []) {
        const visit = records.find((v) => v.id === id);
        // Not among those read: it may be filed in any year.
        if (!visit) for (const year of unread.keys()) whole.add(year);
        else if (unread.has(yearOf(visit))) whole.add(yearOf(visit));
      }
    }
    const alsoOpen = open.filter((year) => !whole.has(year));
    return { whole: [...whole], open: alsoOpen, years: whole.size + alsoOpen.length };
  }

  /** The years of visits whose files are not read yet, oldest first (see ensureYears). */
  get unreadYears(): number[] {
    return [...this.unread.values()].flatMap((years) => [...years.keys()]).sort((a, b) => a - b);
  }

  /** Waits for pending writes and releases the folder lock. */
  async close(): Promise<void> {
    await this.writes;
    await this.unlock?.();
  }

  /**
   * Holds `doc` as the library. Its 操作日志 is `log` when given (read already: a replaced document,
   * a library in one file); otherwise it stays in its file until the document's `log` is first used.
   * Every yearly part is noted as its files now hold it (true after the save that follows a replace);
   * `unread`: the years of each whose files were not read.
   */
  private hold(doc: DataDoc, log: LogEntry[] | null, unread: ReadonlyMap<Key, ReadonlyMap<number, YearHead | null>>): void {
    this.log = { entries: log, pending: [], saved: 0, rewrite: log !== null };
    const state = (): LogState => this.log;
    const logFile = path.join(this.dataDir, logName());
    Object.defineProperty(doc, 'log', {
      // Not enumerable: `{ ...doc }` (rules given the document with extras) must not read the log. A
      // copy of the whole document (structuredClone, JSON.stringify) names it: `{ ...copy, log: doc.log }`.
      enumerable: false,
      configurable: true,
      get: (): LogEntry[] => {
        const log = state();
        if (log.entries === null) {
          const read = readLogFile(logFile);
          if ('damaged' in read) {
            log.entries = log.pending;
            log.pending = [];
            log.saved = 0;
            throw new ApiError(
              'internal',
              `操作日志文件 ${logName()} 无法读取：${read.reason}。原文件已原样移到 ${path.basename(read.damaged)} 保存，此后的操作记入新的操作日志`,
            );
          }
          log.entries = read.entries.concat(log.pending);
          log.saved = read.entries.length;
          log.pending = [];
        }
        return log.entries;
      },
      set: (entries: LogEntry[]) => {
        this.log = { entries, pending: [], saved: 0, rewrite: true };
      },
    });
    const hooks: StoreHooks = {
      appendLog: (entry) => {
        const log = state();
        if (log.entries) log.entries.push(entry);
        else log.pending.push(entry);
      },
      untracked: doc,
    };
    Object.defineProperty(doc, STORE_HOOKS, { value: hooks, enumerable: false, configurable: true });
    this.doc = doc;
    this.saved = new Map();
    this.unread = new Map([...unread].map(([key, years]) => [key, new Map(years)]));
    this.partial = new Map();
    for (const key of KEYS) {
      if (PLACEMENT[key].kind !== 'yearly') continue;
      const years = byYear(doc[key] as Visit[]);
      (doc[key] as Visit[]) = newestFirst(years);
      this.saved.set(key, years);
    }
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

  private async persist(touched: Touched): Promise<void> {
    try {
      await this.save(touched);
      this.writeCount++;
    } catch (error) {
      // The change is not on disk: reload what is, so memory never claims more than the files.
      await this.reloadFromDisk();
      // A fault the clerk can fix already says what to do (see fileFault).
      if (error instanceof ApiError) throw new ApiError('internal', `保存失败，本次修改未生效：${error.message}`);
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ApiError('internal', `保存失败（${reason}），本次修改未生效。请检查数据文件夹是否可写、磁盘是否已满后重试`);
    }
  }

  /** Writes the files of the parts `touched` names, and the 操作日志's new entries, as one change. */
  private async save(touched: Touched): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const writes: FileWrite[] = [];
    const savedYears = new Map<Key, Map<number, readonly object[]>>();
    for (const key of touched.keys) {
      const placement = PLACEMENT[key];
      // An empty part with no file yet needs none: a library without history is data.json alone.
      if (placement.kind === 'file' && !(isEmpty(doc[key]) && !this.has(placement.name)))
        await stagePartFile(writes, placement.name, { [key]: doc[key] });
      if (placement.kind !== 'yearly') continue;
      const before = this.saved.get(key) ?? new Map<number, readonly object[]>();
      const now = byYear(doc[key] as Visit[]);
      const reached = touched.reached.get(key);
      // A whole write also empties the years only the files still hold (a library replaced by one without them).
      const onDisk = touched === EVERYTHING ? yearsOnDisk(this.dataDir, placement.prefix) : [];
      const years = new Set([...before.keys(), ...now.keys(), ...onDisk]);
      const unread = this.unread.get(key) ?? new Map<number, YearHead | null>();
      for (const year of years) {
        const records = now.get(year) ?? [];
        // A year not read whole is never written: memory does not hold it (at most its head's records,
        // frozen). A change that put records in one was made without asking for it (handlers/years.ts),
        // and would lose the file's own.
        if (unread.has(year)) {
          if (!sameRecords(this.partial.get(key)?.get(year) ?? [], records))
            throw new Error(`${yearFileName(placement.prefix, year)} 未载入，不能写入`);
          now.delete(year);
          continue;
        }
        const changed =
          touched === EVERYTHING ||
          !sameRecords(before.get(year) ?? [], records) ||
          (reached !== undefined && records.some((r) => reached.has(r)));
        // A year left without records keeps an empty file: the folder never holds an older list of it.
        if (changed) await stagePartFile(writes, yearFileName(placement.prefix, year), yearFileContent(key, records), { ascii: true });
      }
      savedYears.set(key, now);
    }
    const log = this.log;
    let append: Append | null = null;
    const unsaved = log.entries ? log.entries.slice(log.saved) : log.pending;
    if (log.rewrite && log.entries && (log.entries.length > 0 || this.has(logName())))
      writes.push({ name: logName(), blocks: [Buffer.from(lines(log.entries))] });
    else if (unsaved.length > 0) append = { name: logName(), text: lines(unsaved) };
    // data.json last: until it is replaced, a library in one file (a migration) still reads whole.
    if (MASTER_KEYS.some((key) => touched.keys.has(key))) {
      const master: Record<string, unknown> = {};
      for (const key of MASTER_KEYS) master[key] = doc[key];
      await stagePartFile(writes, MASTER_FILE_NAME, master);
    }
    await commitFiles(this.dataDir, writes, append);
    for (const [key, years] of savedYears) this.saved.set(key, years);
    if (log.entries) log.saved = log.entries.length;
    log.pending = [];
    log.rewrite = false;
  }

  private has(name: string): boolean {
    return existsSync(path.join(this.dataDir, name));
  }

  /**
   * Memory back to the last completed save (null when none was ever made: a first run). A library
   * that no longer reads stops all saving: memory may hold a half-made change, which must not reach
   * the disk.
   */
  private async reloadFromDisk(): Promise<void> {
    try {
      // The years memory held, no more: the others stay unread.
      const unread = this.unread;
      const check = await readLibraryFolder(this.dataDir, {
        log: 'later',
        years: () => (year) => ![...unread.values()].some((years) => years.has(year)),
      });
      if (check && !check.ok) throw new Error(check.reason);
      if (check) this.hold(check.doc, check.single ? check.doc.log : null, await headsOf(this.dataDir, check.unread));
      else this.doc = null;
      this.writeCount++;
    } catch (error) {
      this.halted = `数据未能从磁盘重新载入（${(error as Error).message}），为免写入不完整的数据，已停止保存。请关闭并重新打开本软件`;
    }
  }
}

function logName(): string {
  const placement = PLACEMENT.log;
  return placement.kind === 'lines' ? placement.name : 'log.jsonl';
}

/** JSON lines, each ending with a newline. */
function lines(entries: readonly LogEntry[]): string {
  let text = '';
  for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
  return text;
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** Whether `needed` asks for visits by year or by their problems (not only for visits by id). */
function asksYears(needed: YearsNeeded & object): boolean {
  return needed.unfinishedProblems === true || (needed.years ?? []).length > 0;
}

/** Deeply frozen: a record of a year not read whole can be looked at, never changed (the save could not write it). */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) frozen(member);
    Object.freeze(value);
  }
  return value;
}

/** The refusal of a reader whose past year's file does not read. */
function unreadable(file: string, reason: string): ApiError {
  return new ApiError(
    'internal',
    `数据文件 ${path.basename(file)} 无法读取：${reason}。文件未被改动；请从“备份与恢复”恢复最近一次备份，或把该文件交技术人员检查`,
  );
}

/** The heads of the yearly files left unread. */
async function headsOf(dir: string, unread: ReadonlyMap<Key, readonly number[]>): Promise<Map<Key, Map<number, YearHead | null>>> {
  const heads = new Map<Key, Map<number, YearHead | null>>();
  for (const [key, years] of unread) {
    const ofKey = new Map<number, YearHead | null>();
    for (const year of years) ofKey.set(year, await readYearHead(dir, key, year));
    heads.set(key, ofKey);
  }
  return heads;
}

/**
 * A yearly part's records, the newest year first, as the files are read: an edit mostly looks for a
 * record of the plan year, and every record a search passes counts as used (tracking.ts).
 */
function newestFirst(years: ReadonlyMap<number, readonly Visit[]>): Visit[] {
  return [...years.keys()].sort((a, b) => b - a).flatMap((year) => years.get(year) ?? []);
}

function yearsOnDisk(dir: string, prefix: string): number[] {
  return readdirSync(dir)
    .map((name) => yearOfFileName(prefix, name))
    .filter((year): year is number => year !== null);
}

function sameRecords(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Before the first write in the new shape, the old file is kept as it was. */
async function keepPreMigrationCopy(dataDir: string, text: string, from: number): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 15);
  await writeFileAtomic(path.join(dataDir, BACKUP_DIR_NAME, `data.v${from}-${stamp}.json`), text);
}
