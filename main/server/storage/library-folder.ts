import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LogEntrySchema, type LogEntry } from '@shared/domain/schemas';
import type { Visit } from '@shared/visits/types';
import { CURRENT_SCHEMA_VERSION, DataDocSchema, HISTORY_APART_SINCE, PackedVisitsSchema, type DataDoc } from '@shared/storage/types';
import { damagedName, inspectParsed, issueText, NOT_JSON } from './backups';
import { NotJsonError, readPartFile } from './part-file';
import { checkLibrarySize, fileFault, MAX_LIBRARY_BYTES } from './file-faults';
import {
  KEYS,
  MASTER_FILE_NAME,
  parseYearHead,
  PLACEMENT,
  unpackChecklists,
  yearFileName,
  yearOf,
  yearOfFileName,
  type Key,
  type YearHead,
} from './layout';

/** What a data folder (or a backup folder) holds, or which of its files cannot be used and why. */
export type FolderCheck =
  | {
      readonly ok: true;
      readonly doc: DataDoc;
      /** The schema version the library was written by. */
      readonly from: number;
      /** data.json holds the whole library (written before history was stored apart, or a download): it is split on the next save. */
      readonly single: boolean;
      /** data.json's text when `single` (kept as the pre-migration copy). */
      readonly text: string | null;
      /** Per yearly part, the years whose files were left unread (see `years`). */
      readonly unread: ReadonlyMap<Key, readonly number[]>;
    }
  | { readonly ok: false; readonly newer: boolean; readonly reason: string; readonly file: string };

export interface FolderOptions {
  readonly log: 'read' | 'later';
  /**
   * Which years of the yearly parts to read, given the plan year data.json names (absent: every year).
   * The others stay on disk (FolderCheck `unread`) until asked for (readYearFiles).
   */
  readonly years?: (planYear: number) => (year: number) => boolean;
}

/**
 * Reads the library in `dir`: data.json and, unless it holds the whole library itself, the files its
 * history is kept in (layout.ts). The 操作日志 is read only with `log: 'read'` (a backup); the store
 * leaves it on disk (`log` is then empty) and reads it when asked (readLogFile). null: no data.json.
 */
export async function readLibraryFolder(dir: string, options: FolderOptions): Promise<FolderCheck | null> {
  const masterFile = path.join(dir, MASTER_FILE_NAME);
  let read: Awaited<ReturnType<typeof readPartFile>>;
  try {
    read = await readPartFile(masterFile);
  } catch (error) {
    if (error instanceof NotJsonError) return { ok: false, newer: false, reason: NOT_JSON, file: masterFile };
    throw error;
  }
  if (read === null) return null;
  const { data: master, text } = read;
  const version = (master as { schemaVersion?: unknown } | null)?.schemaVersion;
  // A library written before history was stored apart, or a backup downloaded as one file.
  const single = 'visits' in master || typeof version !== 'number' || version < HISTORY_APART_SINCE;
  // A newer library's files may not read as ours: it is refused as newer (inspectParsed), nothing read or moved.
  const newer = typeof version === 'number' && version > CURRENT_SCHEMA_VERSION;
  const unread = new Map<Key, number[]>();
  const yearly = new Map<Key, unknown>();
  if (!single && !newer) {
    const names = await readdir(dir);
    const raw = master;
    // The migrations since the history was kept apart leave its files as they are (the year files of
    // each version are read: yearPart), so they may be read apart. One that changed them would have to
    // read every year (years: undefined).
    const planYear = (raw['profile'] as { planYear?: unknown } | undefined)?.planYear;
    const wanted = options.years && typeof planYear === 'number' ? options.years(planYear) : null;
    for (const key of KEYS) {
      const failed = await readPart(dir, names, key, raw, options.log, wanted, unread);
      if (failed) return failed;
      // Each year's records were checked as their file was read: the whole check skips them.
      if (PLACEMENT[key].kind === 'yearly') {
        yearly.set(key, raw[key]);
        raw[key] = [];
      }
    }
  }
  const check = inspectParsed(master);
  if (!check.ok) return { ...check, file: masterFile };
  for (const [key, records] of yearly) (check.doc as Record<Key, unknown>)[key] = records;
  return { ok: true, doc: check.doc, from: check.from, single, text: single ? text : null, unread };
}

/**
 * The records of a yearly part's files for `years`, each checked against the library's schema, or the
 * file that cannot be used and why (read after the library was opened: see LowdbStore.ensureYears).
 */
export async function readYearFiles(
  dir: string,
  key: Key,
  years: readonly number[],
): Promise<{ ok: true; records: Map<number, unknown[]> } | { ok: false; reason: string; file: string }> {
  const placement = PLACEMENT[key];
  const records = new Map<number, unknown[]>();
  if (placement.kind !== 'yearly') return { ok: true, records };
  for (const year of years) {
    const read = await yearPart(dir, placement.prefix, year, key);
    if (!Array.isArray(read)) return read;
    records.set(year, read);
  }
  return { ok: true, records };
}

/**
 * The records of one yearly file, checked against the library's schema: as written since the year's
 * 督导检查要点 lists are stored once (`checklists`, layout.ts yearFileContent), checked as stored and
 * unpacked; as written before, the records it holds. A missing file holds none. Or why it cannot be used.
 */
async function yearPart(dir: string, prefix: string, year: number, key: Key): Promise<unknown[] | PartFault> {
  const file = path.join(dir, yearFileName(prefix, year));
  const read = await parsedPart(file);
  if (!read.ok) return read;
  const parsed = read.data;
  let records: Visit[];
  if (!('checklists' in parsed)) {
    const listed = listOf(parsed, key);
    if (listed === null) return notJson(file);
    const checked = DataDocSchema.shape[key].safeParse(listed);
    if (!checked.success) return { ok: false, newer: false, reason: issueText(checked.error), file };
    records = checked.data as Visit[];
  } else {
    const checked = PackedVisitsSchema.safeParse({ checklists: parsed['checklists'], visits: parsed[key] });
    if (!checked.success) return { ok: false, newer: false, reason: issueText(checked.error), file };
    const unpacked = unpackChecklists(checked.data.checklists, checked.data.visits);
    if (!unpacked.ok) {
      const problem = unpacked.tooLong
        ? `检查要点合计超过本软件能读取的 ${MAX_LIBRARY_BYTES / 1024 / 1024} MB，不是本软件写出的文件`
        : '检查要点编号超出范围';
      return { ok: false, newer: false, reason: `内容不符合数据格式（${key}.${unpacked.at}.checklist：${problem}）`, file };
    }
    records = unpacked.records;
  }
  const misfiled = firstMisfiled(records, year);
  return misfiled === null ? records : { ok: false, newer: false, reason: misfiledText(key, misfiled, year), file };
}

/**
 * The first of a year file's visits not planned in its year, or null. The app files each visit under
 * its plan year (layout.ts byYear); one filed elsewhere (a hand edit) would be moved to its year's
 * file in memory and lost when its own file is next written, or keep another year from being saved.
 */
function firstMisfiled(records: readonly Visit[], year: number): number | null {
  const at = records.findIndex((record) => yearOf(record) !== year);
  return at < 0 ? null : at;
}

function misfiledText(where: string, at: number, year: number): string {
  return `内容不符合数据格式（${where}.${at}.plannedDate：计划日期不在 ${year} 年，不属于这个文件）`;
}

/**
 * The visits a yearly file's head carries whole (layout.ts YearHead `open`: those with a problem not
 * yet 销号), read from their place in the file without reading the rest, each checked against the
 * library's schema; or why they cannot be used. Only for a head that says where they are.
 */
export async function readYearOpen(
  dir: string,
  key: Key,
  year: number,
  place: NonNullable<YearHead['open']>,
): Promise<{ ok: true; records: unknown[] } | { ok: false; reason: string; file: string }> {
  const placement = PLACEMENT[key];
  if (placement.kind !== 'yearly') return { ok: true, records: [] };
  const file = path.join(dir, yearFileName(placement.prefix, year));
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      // A head that claims more than the file holds was not written whole.
      if (place.at + place.bytes > (await handle.stat()).size) return { ok: false, reason: NOT_JSON, file };
      const buffer = Buffer.alloc(place.bytes);
      await handle.read(buffer, 0, place.bytes, place.at);
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileFault(error, file, 'read');
  }
  const records = parse(text);
  if (!Array.isArray(records)) return { ok: false, reason: NOT_JSON, file };
  const parsed = DataDocSchema.shape[key].safeParse(records);
  if (!parsed.success) return { ok: false, reason: issueText(parsed.error), file };
  const misfiled = firstMisfiled(parsed.data as Visit[], year);
  if (misfiled !== null) return { ok: false, reason: misfiledText('open', misfiled, year), file };
  return { ok: true, records: parsed.data as unknown[] };
}

/** Bytes read from the start of a yearly file for its head (a head of ten years fits well). */
const HEAD_BYTES = 256;

/** The head of a yearly file not read (layout.ts YearHead), or null when it has none or cannot be read. */
export async function readYearHead(dir: string, key: Key, year: number): Promise<YearHead | null> {
  const placement = PLACEMENT[key];
  if (placement.kind !== 'yearly') return null;
  try {
    const handle = await open(path.join(dir, yearFileName(placement.prefix, year)), 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return parseYearHead(buffer.toString('latin1', 0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable now: judged when it is read (ensureYears says what is wrong with it).
    return null;
  }
}

type PartFault = { ok: false; newer: false; reason: string; file: string };

/** The list `key` of one part's file (a missing file is an empty list), or why the file cannot be used. */
async function partOf(dir: string, name: string, key: Key): Promise<unknown[] | PartFault> {
  const file = path.join(dir, name);
  const read = await parsedPart(file);
  return read.ok ? (listOf(read.data, key) ?? notJson(file)) : read;
}

/** A part file's object (a missing file is an empty one), or why the file cannot be used. */
async function parsedPart(file: string): Promise<{ ok: true; data: Record<string, unknown> } | PartFault> {
  try {
    return { ok: true, data: (await readPartFile(file))?.data ?? {} };
  } catch (error) {
    if (error instanceof NotJsonError) return notJson(file);
    throw error;
  }
}

function notJson(file: string): PartFault {
  return { ok: false, newer: false, reason: NOT_JSON, file };
}

/** The list `key` of a part's file (none in an empty one), or null when the file holds no such list. */
function listOf(parsed: Record<string, unknown>, key: Key): unknown[] | null {
  const records = parsed[key] ?? (Object.keys(parsed).length === 0 ? [] : undefined);
  return Array.isArray(records) ? records : null;
}

/** Puts the part `key` into `raw` from its file(s); says which file cannot be used. */
async function readPart(
  dir: string,
  names: readonly string[],
  key: Key,
  raw: Record<string, unknown>,
  log: 'read' | 'later',
  wanted: ((year: number) => boolean) | null,
  unread: Map<Key, number[]>,
): Promise<(FolderCheck & { ok: false }) | null> {
  const placement = PLACEMENT[key];
  switch (placement.kind) {
    case 'master':
      return null;
    case 'file': {
      const records = await partOf(dir, placement.name, key);
      if (!Array.isArray(records)) return records;
      raw[key] = records;
      return null;
    }
    case 'yearly': {
      const years = names
        .map((name) => yearOfFileName(placement.prefix, name))
        .filter((year): year is number => year !== null)
        // The newest year first: an edit mostly looks for a record of the plan year (see tracking.ts).
        .sort((a, b) => b - a);
      const all: unknown[] = [];
      for (const year of years) {
        if (wanted && !wanted(year)) continue;
        const records = await yearPart(dir, placement.prefix, year, key);
        if (!Array.isArray(records)) return records;
        for (const record of records) all.push(record);
      }
      raw[key] = all;
      if (wanted)
        unread.set(
          key,
          years.filter((year) => !wanted(year)),
        );
      return null;
    }
    case 'lines': {
      if (log === 'later') {
        raw[key] = [];
        return null;
      }
      const file = path.join(dir, placement.name);
      await checkLibrarySize(file, '操作日志文件');
      const read = readLines(await readFile(file, 'utf8').catch(() => ''));
      if (!Array.isArray(read)) return { ok: false, newer: false, reason: read.reason, file };
      raw[key] = read;
      return null;
    }
  }
}

/**
 * The 操作日志 file's entries, read when first asked for (synchronously: it is read where the
 * document's `log` is used). A damaged file is moved aside, never overwritten; `damaged` says where.
 */
export function readLogFile(file: string): { entries: LogEntry[] } | { damaged: string; reason: string } {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileFault(error, file, 'read');
  }
  const read = readLines(text);
  if (Array.isArray(read)) return { entries: read };
  const movedTo = damagedName(file, new Date());
  renameSync(file, movedTo);
  return { damaged: movedTo, reason: read.reason };
}

/** Entries of a JSON-lines file, or the first line that is not one. */
function readLines(text: string): LogEntry[] | { reason: string } {
  const entries: LogEntry[] = [];
  const lines = text.split('\n');
  // The file ends with a newline: the last piece is empty.
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const parsed = LogEntrySchema.safeParse(parse(lines[i] ?? ''));
    if (!parsed.success) return { reason: `第 ${i + 1} 行不是完整的日志记录（文件可能已损坏）` };
    entries.push(parsed.data);
  }
  return entries;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The files of the library in `dir` as they are on disk (what a backup copies). */
export function libraryFileNames(dir: string): string[] {
  const names = readdirSync(dir);
  return names.filter(
    (name) =>
      name === MASTER_FILE_NAME ||
      KEYS.some((key) => {
        const placement = PLACEMENT[key];
        if (placement.kind === 'file' || placement.kind === 'lines') return name === placement.name;
        return placement.kind === 'yearly' && yearOfFileName(placement.prefix, name) !== null;
      }),
  );
}
