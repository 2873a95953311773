import { z } from 'zod';
import { type FileContent, NoInput } from './common';
import type { AppInfo } from './app';

export interface BackupInfo {
  readonly fileName: string;
  readonly at: string;
  /** 启动时, 导入前, 手动备份 … */
  readonly reason: string;
  readonly bytes: number;
}

export interface RestorePreview {
  readonly source: string;
  readonly createdAt: string;
  /**
   * Every kind of record a restore replaces: how many now and in the backup, and what the restore
   * does to them (records it brings back, changes, drops). `kept`: the restore keeps the current
   * ones (the 操作日志, which only gains the restore's own entry).
   */
  readonly collections: readonly {
    readonly label: string;
    readonly current: number;
    readonly backup: number;
    readonly added: number;
    readonly changed: number;
    readonly dropped: number;
    readonly kept?: boolean;
  }[];
}

export const BackupSource = z
  .object({
    /** A backup in the data folder's backups list… */
    fileName: z.string().min(1).optional(),
    /** …or a library file the user chose (e.g. a manual backup kept elsewhere). */
    upload: z
      .object({ fileName: z.string().min(1).max(260), contentBase64: z.string() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => (s.fileName === undefined) !== (s.upload === undefined), { error: '请选择一个备份' });

/** The `backup:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const backupSchemas = {
  /** Backups in the data folder, newest first. */
  'backup:list': NoInput,
  /** Makes a verified backup now. */
  'backup:create': NoInput,
  /** A backup as a file to keep elsewhere. */
  'backup:download': z.object({ fileName: z.string().min(1) }).strict(),
  /** What restoring would change: records per collection now and in the backup. */
  'backup:preview': BackupSource,
  /** Replaces the library with the backup (after backing up the current one). */
  'backup:restore': BackupSource,
} as const;

export interface BackupResults {
  'backup:list': readonly BackupInfo[];
  'backup:create': BackupInfo;
  'backup:download': FileContent;
  'backup:preview': RestorePreview;
  'backup:restore': AppInfo;
}
