import { z } from 'zod';
import { BattleMapSchema } from '../battlemap/types';
import { VisitSchema } from '../visits/types';
import {
  AssignmentSchema,
  IsoDateSchema,
  CadreSchema,
  EntitySchema,
  LogEntrySchema,
  PersonSchema,
  ProfileSchema,
  RegionSchema,
  RegulatorSchema,
} from '../domain/schemas';

/** Bumped with every migration in ./migrations; the file records the version it was written by. */
export const CURRENT_SCHEMA_VERSION = 2;

/** The office's own days on top of the official calendar (e.g. next year's 调休 before the package has it). */
export const CalendarSettingsSchema = z.object({
  extraHolidays: z.array(IsoDateSchema).default([]),
  extraWorkdays: z.array(IsoDateSchema).default([]),
});

/**
 * Codes and phones as the library holds them: cleaned and checked when they were entered (forms,
 * imports), so loading checks only that they are text. Cleaning every code again was a third of
 * checking a city library.
 */
const savedPhone = z.string().default('');
const SavedPersonSchema = PersonSchema.extend({ phone: savedPhone });
const SavedEntitySchema = EntitySchema.extend({
  uscc: z.string().default(''),
  license: z.string().default(''),
  legalRepPhone: savedPhone,
  director: SavedPersonSchema.nullable().default(null),
  safetyOfficers: z.array(SavedPersonSchema).default([]),
});

export const DataDocSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  createdAt: z.string(),
  profile: ProfileSchema,
  regions: z.array(RegionSchema),
  entities: z.array(SavedEntitySchema),
  cadres: z.array(CadreSchema.extend({ phone: savedPhone })),
  regulators: z.array(RegulatorSchema.extend({ phone: savedPhone })),
  assignments: z.array(AssignmentSchema),
  /** 作战图 with its 周调度 records; null until the office makes one. */
  battleMap: BattleMapSchema.nullable(),
  /** 督导 visits, planned and done, with their problems. */
  visits: z.array(VisitSchema),
  calendar: CalendarSettingsSchema,
  log: z.array(LogEntrySchema),
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
    calendar: { extraHolidays: [], extraWorkdays: [] },
    log: [],
  };
}

/**
 * The data behind the services. `read` gives the current document (do not mutate it outside
 * `update`); `update` runs a mutation and resolves only once the result is on disk. A mutator
 * must finish its checks before it changes anything: a throw means nothing is written.
 */
export interface Store {
  readonly dataDir: string;
  /** null while the data folder holds no library yet (first run). */
  read(): DataDoc | null;
  update<T>(mutate: (doc: DataDoc) => T): Promise<T>;
  /** Replaces the whole document (new blank library, demo data, restore). */
  replace(doc: DataDoc): Promise<void>;
  /** Increases with every write; lets readers cache derived data. */
  readonly version: number;
}
