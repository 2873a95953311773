import { z } from 'zod';
import { CadreLevelSchema } from '../../domain/schemas';
import type { Handbook } from '../../handbook/handbook';
import type { FileContent } from './common';
import type { JobStatus } from './jobs';

/** The `handbook:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const handbookSchemas = {
  /** One cadre's 包保干部工作手册 (docs/domain.md#工作手册) as a workbook named 旗区-乡镇-姓名-包保干部工作手册-年度.xlsx. */
  'handbook:export': z
    .object({ cadreId: z.string().min(1, { error: '请选择包保干部' }), year: z.number().int().min(2000).max(2100).optional() })
    .strict(),
  /**
   * Reads the filled 督导记录表 of a returned handbook and records the visits it names, in one
   * change; rows already recorded the same way are left alone (importing twice adds nothing).
   */
  'handbook:import': z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string().max(30 * 1024 * 1024) }).strict(),
  /**
   * Starts the bulk export of the 工作手册 of every active cadre in the scope as a background
   * job (poll `jobs:get`): one file each into a new subfolder of `outDir` (default: the export
   * folder), or one combined workbook. Existing files are never overwritten.
   */
  'handbook:exportAll': z
    .object({
      regionId: z.string().default(''),
      level: CadreLevelSchema.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      outDir: z.string().trim().max(1000).optional(),
      /** false writes straight into outDir (the CLI's --out), true into a new dated subfolder. */
      subfolder: z.boolean().default(true),
      combined: z.boolean().default(false),
    })
    .strict(),
  /** One cadre's 工作手册 as data (the same sheets as the workbook) for the print view. */
  'handbook:view': z.object({ cadreId: z.string().min(1, { error: '请选择包保干部' }) }).strict(),
} as const;

export interface HandbookResults {
  'handbook:export': FileContent;
  'handbook:exportAll': JobStatus;
  'handbook:import': {
    readonly recorded: number;
    readonly unchanged: number;
    readonly pending: number;
    readonly rejected: readonly { readonly row: number; readonly entityName: string; readonly reason: string }[];
  };
  'handbook:view': Handbook & { readonly cadreName: string };
}
