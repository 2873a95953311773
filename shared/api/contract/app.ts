import { z } from 'zod';
import { textRule } from '../../domain/text';
import { NoInput } from './common';
import type { BackupInfo } from './backup';

export const DEMO_SCALES = ['district', 'city', 'province'] as const;

export const DemoScaleSchema = z.enum(DEMO_SCALES, { error: '示例规模应为 district、city 或 province' });

export type DemoScale = z.infer<typeof DemoScaleSchema>;

export interface AppInfo {
  readonly dataDir: string;
  /** Where bulk exports (handbooks, letters) go unless the user picks another folder. */
  readonly exportDir: string;
  /** Set when the data file was damaged at start and moved aside: say so and offer a backup. */
  readonly recovery: { readonly message: string; readonly newestBackup: BackupInfo | null } | null;
  /** Why the backup made at start failed (the app runs on); '' when it did not. */
  readonly startWarning: string;
  /** false on first run: the folder holds no library yet. */
  readonly initialized: boolean;
  readonly orgName: string;
  readonly planYear: number;
  readonly counts: { readonly regions: number; readonly entities: number; readonly cadres: number; readonly regulators: number };
}

/** The `app:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const appSchemas = {
  /** Data folder, whether a library exists, record counts. */
  'app:info': NoInput,
  /** Starts an empty library (named for `orgName` when given). Error `conflict` when one exists already. */
  'app:createBlank': z
    .object({
      orgName: z
        .string()
        .trim()
        .min(1, { error: '请填写单位名称' })
        .max(60, { error: '单位名称不能超过60个字' })
        .check(textRule('单位名称'))
        .optional(),
    })
    .strict()
    .default({}),
  /** Fills an empty folder with synthetic demo data. Error `conflict` when a library exists. */
  'app:loadDemo': z.object({ scale: DemoScaleSchema, seed: z.number().int().default(1) }).strict(),
} as const;

export interface AppResults {
  'app:info': AppInfo;
  'app:createBlank': AppInfo;
  'app:loadDemo': AppInfo;
}
