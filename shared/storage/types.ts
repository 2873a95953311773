import { z } from 'zod';
import { BattleMapSchema, BattleTaskSchema, DispatchEntrySchema, DispatchRecordSchema } from '../battlemap/types';
import { ChecklistResultSchema, VisitProblemSchema, VisitSchema } from '../visits/types';
import { EntityChangeSchema } from '../rules/status-changes';
import { InspectionItemSchema, InspectionSchema } from '../inspections/types';
import { StoredDateOrEmptySchema, StoredDateSchema } from '../domain/dates';
import { DownwardSchema } from '../packages/down-settings';
import { ReceivedPackageSchema } from '../packages/receipt';
import {
  AssignmentSchema,
  CadreSchema,
  CommitmentSchema,
  EntityDutiesSchema,
  EntitySchema,
  LogEntrySchema,
  PersonSchema,
  type LogEntry,
  ProfileSchema,
  RegionSchema,
  RegulatorSchema,
} from '../domain/schemas';

/** Bumped with every migration in ./migrations; the file records the version it was written by. */
export const CURRENT_SCHEMA_VERSION = 5;
/** The version from which data.json holds the master records only and the history lies in files of its own. */
export const HISTORY_APART_SINCE = 4;

/** The office's own days on top of the official calendar (e.g. next year's 调休 before the package has it). */
export const CalendarSettingsSchema = z.object({
  extraHolidays: z.array(StoredDateSchema).default([]),
  extraWorkdays: z.array(StoredDateSchema).default([]),
  /** 国务院办公厅 holiday notices entered in 设置 (read from their text), each replacing its year's built-in days. */
  notices: z
    .array(
      z.object({
        year: z.number().int(),
        holidays: z.array(z.object({ date: StoredDateSchema, name: z.string() })),
        workdays: z.array(z.object({ date: StoredDateSchema, name: z.string() })),
        enteredOn: z.string().default(''),
      }),
    )
    .default([]),
});

/**
 * Codes, phones, texts and dates as the library holds them: cleaned and checked when they were
 * entered (forms, imports), so loading checks only that they are text (dates: the pattern).
 * Cleaning every code again was a third of checking a city library; and texts and dates stored by
 * older versions, which did not yet refuse control characters or 2027-02-30, must still load.
 */
const savedPhone = z.string().default('');
const savedText = z.string().default('');
const SavedPersonSchema = PersonSchema.extend({ name: z.string(), phone: savedPhone });
const SavedEntitySchema = EntitySchema.extend({
  name: z.string(),
  uscc: z.string().default(''),
  license: z.string().default(''),
  address: savedText,
  legalRep: savedText,
  legalRepPhone: savedPhone,
  director: SavedPersonSchema.nullable().default(null),
  safetyOfficers: z.array(SavedPersonSchema).default([]),
  duties: EntityDutiesSchema.extend({
    dailyWeeklyMonthly: StoredDateOrEmptySchema.default(''),
    riskList: StoredDateOrEmptySchema.default(''),
    riskSystem: StoredDateOrEmptySchema.default(''),
    commitment: StoredDateOrEmptySchema.default(''),
  }).default({ dailyWeeklyMonthly: '', riskList: '', riskSystem: '', commitment: '' }),
  notes: savedText,
});
const SavedCadreSchema = CadreSchema.extend({
  name: z.string(),
  unit: savedText,
  position: savedText,
  phone: savedPhone,
  commitments: z.array(CommitmentSchema.extend({ signedOn: StoredDateSchema })).default([]),
  notes: savedText,
  inactiveSince: StoredDateOrEmptySchema.default(''),
});
const SavedBattleMapSchema = BattleMapSchema.extend({
  planStart: StoredDateSchema,
  finalDeadline: StoredDateSchema,
  tasks: z
    .array(
      BattleTaskSchema.extend({
        name: z.string(),
        method: savedText,
        measures: savedText,
        unit: savedText,
        owner: savedText,
        deadline: StoredDateSchema.optional(),
        start: StoredDateSchema.optional(),
        finish: StoredDateSchema.optional(),
      }),
    )
    .default([]),
  dispatches: z
    .array(
      DispatchRecordSchema.extend({
        date: StoredDateSchema,
        entries: z.array(DispatchEntrySchema.extend({ note: savedText })).default([]),
      }),
    )
    .default([]),
});
const SavedChecklistSchema = z.array(ChecklistResultSchema.extend({ item: z.string() }));
const SavedVisitSchema = VisitSchema.extend({
  plannedDate: StoredDateSchema,
  doneDate: StoredDateSchema.optional(),
  checklist: SavedChecklistSchema.default([]),
  problems: z
    .array(VisitProblemSchema.extend({ description: z.string(), deadline: StoredDateSchema, rectifiedOn: StoredDateSchema.optional() }))
    .default([]),
  notes: savedText,
});

/**
 * A year's visits as their file stores them (docs/architecture.md#data-files): the year's distinct
 * 督导检查要点 lists once each in `checklists`, and each visit's `checklist` the index of its list there.
 */
export const PackedVisitsSchema = z.object({
  checklists: z.array(SavedChecklistSchema),
  visits: z.array(SavedVisitSchema.extend({ checklist: z.int().min(0) })),
});

const SavedInspectionSchema = InspectionSchema.extend({
  date: StoredDateSchema,
  team: z.string(),
  inspectors: z.string(),
  items: z.array(InspectionItemSchema.extend({ item: z.string(), note: savedText })),
  notes: savedText,
});

export const DataDocSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  createdAt: z.string(),
  profile: ProfileSchema,
  regions: z.array(RegionSchema.extend({ name: z.string(), kind: savedText })),
  entities: z.array(SavedEntitySchema),
  cadres: z.array(SavedCadreSchema),
  regulators: z.array(RegulatorSchema.extend({ name: z.string(), unit: savedText, phone: savedPhone })),
  assignments: z.array(AssignmentSchema.extend({ start: StoredDateSchema, end: StoredDateOrEmptySchema.default('') })),
  /** 作战图 with its 周调度 records; null until the office makes one. */
  battleMap: SavedBattleMapSchema.nullable(),
  /** 督导 visits, planned and done, with their problems. */
  visits: z.array(SavedVisitSchema),
  /** 督查 of cadres by the 督查组 of 省/市/旗区/乡镇, against the 督查清单. */
  inspections: z.array(SavedInspectionSchema),
  calendar: CalendarSettingsSchema,
  /** 主体 status and grade changes, with when 市场监管 reported them (docs/domain.md#包保干部的规则). */
  entityChanges: z.array(EntityChangeSchema).default([]),
  log: z.array(LogEntrySchema),
  /** 上报包 taken in from the areas below (汇总); none in a library that consolidates nothing. */
  receivedPackages: z.array(ReceivedPackageSchema).default([]),
  /** 下发包 taken in from the office above, with the settings of the last as the base of the next. */
  downward: DownwardSchema.default({ base: null, taken: [] }),
});
export type DataDoc = z.infer<typeof DataDocSchema>;

export function emptyDoc(now: Date): DataDoc {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: now.toISOString(),
    // A new library plans the current year; the office moves it on in 设置.
    profile: ProfileSchema.parse({ planYear: now.getFullYear() }),
    regions: [],
    entities: [],
    cadres: [],
    regulators: [],
    assignments: [],
    battleMap: null,
    visits: [],
    inspections: [],
    calendar: { extraHolidays: [], extraWorkdays: [], notices: [] },
    entityChanges: [],
    log: [],
    receivedPackages: [],
    downward: { base: null, taken: [] },
  };
}

/**
 * Set by a store that keeps the 操作日志 apart and reads it only when asked (docs/architecture.md#data-files):
 * `appendLog` adds an entry without reading the log, `untracked` is the document without the store's
 * note of what a change uses. Symbol-keyed, so never saved.
 */
export const STORE_HOOKS = Symbol('storeHooks');
export interface StoreHooks {
  readonly appendLog: (entry: LogEntry) => void;
  readonly untracked: DataDoc;
}

function hooksOf(doc: DataDoc): StoreHooks | undefined {
  return (doc as DataDoc & { [STORE_HOOKS]?: StoreHooks })[STORE_HOOKS];
}

/** Appends an 操作日志 entry (without reading the log where the store keeps it apart). */
export function appendLog(doc: DataDoc, entry: LogEntry): void {
  const hooks = hooksOf(doc);
  if (hooks) hooks.appendLog(entry);
  else doc.log.push(entry);
}

/** The document itself, for reads that must not count as using a part of it (the operator's name for a log entry). */
export function untracked(doc: DataDoc): DataDoc {
  return hooksOf(doc)?.untracked ?? doc;
}

/** `T` with every property and array read-only, all the way down. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * The visits a reader is about to use: every year's, or those planned or made in `years`, (with
 * `unfinishedProblems`) every visit with a problem not yet 销号, of any year, and the visits of
 * `visits` (ids) with every visit of the year each is filed under: a change may be saved there.
 */
export type YearsNeeded =
  'all' | { readonly years?: readonly number[]; readonly unfinishedProblems?: boolean; readonly visits?: readonly string[] };

/**
 * The data behind the services. `read` gives the current document (do not mutate it outside
 * `update`); `update` runs a mutation and resolves only once the result is on disk. All or
 * nothing: a mutator that throws, or a save that fails, leaves the document as the file holds it
 * (read back from disk: a load, ~0.3 s for a city library). Checks that may refuse the change go
 * first, in `check`, which sees the document read-only: its refusal needs no reload.
 */
export interface Store {
  readonly dataDir: string;
  /** null while the data folder holds no library yet (first run). */
  read(): DataDoc | null;
  update<T>(mutate: (doc: DataDoc) => T): Promise<T>;
  /** `check` refuses (throws) or hands what it found to `apply`, which makes the change. */
  update<C, T>(check: (doc: DeepReadonly<DataDoc>) => C, apply: (doc: DataDoc, checked: C) => T): Promise<T>;
  /** Replaces the whole document (new blank library, demo data, restore). */
  replace(doc: DataDoc): Promise<void>;
  /**
   * Puts into the document the visits a caller is about to use, where the library was opened without
   * them (docs/architecture.md#data-files); handlers ask through handlers/years.ts.
   */
  ensureYears(needed: YearsNeeded): Promise<void>;
  /** Increases with every write; lets readers cache derived data. */
  readonly version: number;
}
