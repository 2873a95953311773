import { z } from 'zod';
import {
  PackageDownImportSchema,
  PackageExportSchema,
  PackageImportSchema,
  PackageReceivedSchema,
  type DownImportResult,
  type DownPreview,
  type PackageExportResult,
  type PackageImportResult,
  type PackagePreview,
  type ReceivedReport,
} from '../../packages/api';

/** The `package:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const packageSchemas = {
  /** 上报包 of an area for a year (docs/domain.md#上报包与下发包): print-ready sheets and the records, checksummed. */
  'package:export': PackageExportSchema,
  /** What taking 上报包 in would do, per package and kind, with every conflict; changes nothing. */
  'package:preview': PackageImportSchema,
  /** Takes 上报包 in (汇总), after a backup; refused whole, nothing changed, while any conflict stands. */
  'package:import': PackageImportSchema,
  /** Each 旗区 of the library and its packages for a year: received, late or missing. */
  'package:received': PackageReceivedSchema,
  /** 下发包 of the library's own area: the programme's settings and the region list for the areas below. */
  'package:exportDown': z.object({}).strict(),
  /** What taking a 下发包 in would do, item by item (采用上级, 保留本地修改, conflicts) and the regions; changes nothing. */
  'package:previewDown': PackageDownImportSchema,
  /** Takes a 下发包 in after a backup, conflicts as chosen (else kept local); the same one again changes nothing. */
  'package:importDown': PackageDownImportSchema,
} as const;

export interface PackageResults {
  'package:export': PackageExportResult;
  'package:preview': readonly PackagePreview[];
  'package:import': PackageImportResult;
  'package:received': ReceivedReport;
  'package:exportDown': PackageExportResult;
  'package:previewDown': DownPreview;
  'package:importDown': DownImportResult;
}
