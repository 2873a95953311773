import { z } from 'zod';
import {
  AssignmentSchema,
  CadreSchema,
  EntitySchema,
  LogEntrySchema,
  ProfileSchema,
  RegionSchema,
  RegulatorSchema,
} from '../domain/schemas';

/** Bumped with every migration in ./migrations; the file records the version it was written by. */
export const CURRENT_SCHEMA_VERSION = 1;

export const DataDocSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  createdAt: z.string(),
  profile: ProfileSchema,
  regions: z.array(RegionSchema),
  entities: z.array(EntitySchema),
  cadres: z.array(CadreSchema),
  regulators: z.array(RegulatorSchema),
  assignments: z.array(AssignmentSchema),
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
