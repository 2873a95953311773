import type { DataDoc } from '@shared/storage/types';
import { problemStage } from '@shared/visits/problems';
import type { Visit } from '@shared/visits/types';
import { MAX_LIBRARY_BYTES } from './file-faults';
import { asciiJson } from './json-bytes';

/**
 * Which file of the data folder each part of the library lives in (docs/architecture.md#data-files).
 * The master data is one file; history that only grows is kept apart, so that an edit of a 主体
 * neither reads nor writes three years of 督导 or the whole 操作日志:
 * - `master`: `data.json`;
 * - `file`: a JSON file of its own, `{ "<key>": [...] }`;
 * - `yearly`: one JSON file per year, `<prefix>-<year>.json` holding `{ "<key>": [...] }`;
 * - `lines`: JSON lines, appended to on every save and rewritten only when replaced (the 操作日志).
 * A new part of the library needs one line here.
 */
export type Placement =
  | { readonly kind: 'master' }
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'yearly'; readonly prefix: string }
  | { readonly kind: 'lines'; readonly name: string };

const MASTER: Placement = { kind: 'master' };

export const PLACEMENT: { readonly [K in keyof DataDoc]-?: Placement } = {
  schemaVersion: MASTER,
  createdAt: MASTER,
  profile: MASTER,
  regions: MASTER,
  entities: MASTER,
  cadres: MASTER,
  regulators: MASTER,
  assignments: MASTER,
  battleMap: MASTER,
  visits: { kind: 'yearly', prefix: 'visits' },
  inspections: MASTER,
  calendar: MASTER,
  entityChanges: MASTER,
  log: { kind: 'lines', name: 'log.jsonl' },
  receivedPackages: { kind: 'file', name: 'received.json' },
  downward: MASTER,
};

export const MASTER_FILE_NAME = 'data.json';
/** The list of a write in progress over several files (see commit.ts). */
export const COMMIT_FILE_NAME = '.commit.json';

/** A visit is filed under the year it was planned for (the plan year it belongs to). */
export function yearOf(record: Visit): number {
  return Number(record.plannedDate.slice(0, 4));
}

export type Key = keyof DataDoc;

export const KEYS = Object.keys(PLACEMENT) as Key[];
export const MASTER_KEYS = KEYS.filter((key) => PLACEMENT[key].kind === 'master');

/** The name of a yearly part's file for one year. */
export function yearFileName(prefix: string, year: number): string {
  return `${prefix}-${year}.json`;
}

/** The year a yearly part's file name stands for, or null when `name` is not one of its files. */
export function yearOfFileName(prefix: string, name: string): number | null {
  const match = new RegExp(`^${prefix}-(\\d{4})\\.json$`).exec(name);
  return match ? Number(match[1]) : null;
}

/** Records of a yearly part grouped by year, each year in the order the list holds them. */
export function byYear(records: readonly Visit[]): Map<number, Visit[]> {
  const years = new Map<number, Visit[]>();
  for (const record of records) {
    const year = yearOf(record);
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(record);
  }
  return years;
}

/**
 * What a yearly file says of itself before its records, so that a year not read can be judged
 * without reading it (LowdbStore.ensureYears): the years its records' planned and done dates fall in
 * (a visit planned in December may be made in January, and counts in both years' figures), how
 * many of its problems are not yet 销号, and where in the file its visits holding such problems are
 * (`open`): 首页概览, the 督导 screen and the 问题整改台账 count and list every year's unfinished
 * problems, and read them from there rather than reading the year (docs/architecture.md#data-files).
 * Written as the file's first keys, in this order:
 * `{"years":[…],"unfinished":n,"openBytes":b,"open":[…],"checklists":[…],"visits":[…]}`, `open` being those visits
 * again, whole, in the order `visits` holds them, and `openBytes` the length of its UTF-8. Files
 * written before `open` existed have no `openBytes` and are read whole when their problems are asked for.
 */
export interface YearHead {
  readonly years: readonly number[];
  readonly unfinished: number;
  /** Where the `open` list lies in the file, in bytes; absent in a file written before it existed. */
  readonly open?: { readonly at: number; readonly bytes: number };
}

/** A problem not yet 销号: one the 问题整改台账 still lists as to be done (a 整改 without its 销号 included). */
function unfinished(problem: Visit['problems'][number]): boolean {
  return problem.rectifiedOn === undefined || problemStage(problem) !== '已销号';
}

/**
 * What a yearly file holds for `records` (the visits filed under one year), its head first, then
 * `checklists`: the 督导检查要点 of a done visit are most of a year's bytes and the same few lists
 * for every visit, so each distinct list is written once, in order of first use, and each visit's
 * `checklist` is the index of its list there (unpackChecklists turns them back). The `open` visits
 * stay whole: they are read by their byte range without the rest of the file.
 */
export function yearFileContent(key: Key, records: readonly Visit[]): object {
  const years = new Set<number>();
  let count = 0;
  const open: Visit[] = [];
  for (const record of records) {
    years.add(Number(record.plannedDate.slice(0, 4)));
    if (record.doneDate !== undefined) years.add(Number(record.doneDate.slice(0, 4)));
    const here = record.problems.filter(unfinished).length;
    count += here;
    if (here > 0) open.push(record);
  }
  return {
    years: [...years].sort((a, b) => a - b),
    unfinished: count,
    // The file is written as ASCII (json-bytes.ts asciiJson): one byte a character.
    openBytes: asciiJson(JSON.stringify(open)).length,
    open,
    ...packChecklists(key, records),
  };
}

type Checklist = Visit['checklist'];

/** `records` with each checklist replaced by the index of its list in `checklists` (see yearFileContent). */
function packChecklists(key: Key, records: readonly Visit[]): { checklists: Checklist[] } & Record<string, unknown> {
  const checklists: Checklist[] = [];
  const indexOf = new Map<string, number>();
  const packed = records.map((record) => {
    const text = JSON.stringify(record.checklist);
    let index = indexOf.get(text);
    if (index === undefined) {
      index = checklists.push(record.checklist) - 1;
      indexOf.set(text, index);
    }
    return { ...record, checklist: index };
  });
  return { checklists, [key]: packed };
}

/**
 * The visits of a year file as the library holds them, in place: each `checklist` index replaced by
 * its list, shared by the visits naming it and frozen (a change gives a visit a new list, as
 * visits:record does; one that changed a shared list in place would throw rather than reach the other
 * visits); or the first visit whose index is not in `checklists`, or from which on the visits' lists
 * together are longer than a file this software reads (a damaged file: a few bytes naming one long
 * list thousands of times would take gigabytes once written out whole, as the head's `open` and a
 * download are). `packed` is the schema check's output, the caller's own objects.
 */
export function unpackChecklists(
  checklists: readonly Checklist[],
  packed: (Omit<Visit, 'checklist'> & { checklist: number | Checklist })[],
): { ok: true; records: Visit[] } | { ok: false; at: number; tooLong: boolean } {
  const lengths: number[] = [];
  for (const list of checklists) {
    for (const entry of list) Object.freeze(entry);
    Object.freeze(list);
    lengths.push(JSON.stringify(list).length);
  }
  let written = 0;
  for (let i = 0; i < packed.length; i++) {
    const visit = packed[i] as Omit<Visit, 'checklist'> & { checklist: number | Checklist };
    const index = visit.checklist as number;
    const list = checklists[index];
    if (list === undefined) return { ok: false, at: i, tooLong: false };
    written += lengths[index] ?? 0;
    if (written > MAX_LIBRARY_BYTES) return { ok: false, at: i, tooLong: true };
    visit.checklist = list;
  }
  return { ok: true, records: packed as Visit[] };
}

/** The head at the start of a yearly file's text, or null when it has none (then nothing may be assumed of it). */
export function parseYearHead(start: string): YearHead | null {
  const match = /^\{"years":\[([0-9,]*)\],"unfinished":(\d+),(?:"openBytes":(\d+),"open":)?/.exec(start);
  if (!match) return null;
  const years = match[1] ? match[1].split(',').map(Number) : [];
  const head = { years, unfinished: Number(match[2]) };
  // The head is ASCII: its length in characters is its length in bytes.
  return match[3] === undefined ? head : { ...head, open: { at: match[0].length, bytes: Number(match[3]) } };
}
