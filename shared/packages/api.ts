import { z } from 'zod';
import { IsoDateSchema } from '../domain/dates';
import type { PackageKind } from './content';
import type { DownItem, DownStatus } from './down';
import type { ReceivedPackage } from './receipt';
import type { AreaReport, PackageStatus } from './slice';

/** Package files as the page or the CLI sends them; a province's city package is some 15 MB. */
export const PackageFilesSchema = z
  .array(
    z
      .object({
        fileName: z.string().min(1).max(260),
        contentBase64: z.string().max(40 * 1024 * 1024, { error: '文件过大，超过 30 MB，不是本软件导出的上报包' }),
      })
      .strict(),
  )
  .min(1, { error: '请选择要汇总的上报包' })
  .max(30, { error: '一次最多汇总 30 个上报包，请分批导入' });

/** A 下发包 to preview or take in, with the clerk's choice for each item both offices changed. */
export const PackageDownImportSchema = z
  .object({
    file: PackageFilesSchema.element,
    /** Item key → which side wins; an item both changed and not chosen keeps this library's value. */
    choices: z.record(z.string(), z.enum(['upper', 'local'])).default({}),
    /** Every item both changed takes the city's value (CLI --take-upper). */
    takeUpper: z.boolean().default(false),
  })
  .strict();

export const PackageImportSchema = z
  .object({
    files: PackageFilesSchema,
    /** Take in a package older than the one held for its area. */
    force: z.boolean().default(false),
  })
  .strict();

export const PackageExportSchema = z
  .object({
    /** '' = the library's own area (its 旗区, or its city). */
    regionId: z.string().default(''),
    year: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();

export const PackageReceivedSchema = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(),
    /** A package for the year first received after this day is late; '' = no deadline. */
    due: z.union([z.literal(''), IsoDateSchema]).default(''),
  })
  .strict();

/** Per kind: what taking the package in does, and what stands in its way. */
export interface PackageKindPreview {
  readonly kind: PackageKind;
  readonly label: string;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly conflicts: readonly string[];
}

export interface PackagePreview {
  readonly fileName: string;
  readonly region: { readonly code: string; readonly name: string };
  readonly period: number;
  readonly unit: string;
  readonly operator: string;
  readonly createdAt: string;
  readonly status: PackageStatus;
  /** The package of the same area held now: when it was made and received. */
  readonly held: { readonly createdAt: string; readonly receivedAt: string } | null;
  readonly kinds: readonly PackageKindPreview[];
  /** Every reason this package cannot be taken in (conflicts, an older package without force). */
  readonly conflicts: readonly string[];
  /** False when it would change nothing (the same package again). */
  readonly changes: boolean;
}

/** What taking a 下发包 in would do: per item, and the region list. */
export interface DownPreview {
  readonly fileName: string;
  readonly region: { readonly code: string; readonly name: string };
  readonly unit: string;
  readonly operator: string;
  readonly createdAt: string;
  readonly status: DownStatus;
  /** The last 下发包 taken in: when it was made and received. */
  readonly held: { readonly createdAt: string; readonly receivedAt: string } | null;
  /** Why it cannot be taken in at all; '' when it can. */
  readonly refusal: string;
  /** Every item that differs here from the package: taken, kept or in conflict. */
  readonly items: readonly DownItem[];
  /** Region changes, each said in a line: added, renamed, removed, and kept (still holding records). */
  readonly regions: {
    readonly added: readonly string[];
    readonly renamed: readonly string[];
    readonly removed: readonly string[];
    readonly kept: readonly string[];
  };
  readonly changes: boolean;
}

export interface DownImportResult {
  readonly preview: DownPreview;
  readonly changed: boolean;
  /** Items that took the city's value, and items that kept this library's. */
  readonly taken: number;
  readonly kept: number;
}

export interface PackageImportResult {
  readonly packages: readonly PackagePreview[];
  /** Whether the library was changed (false: every package was already taken in). */
  readonly changed: boolean;
}

export interface PackageExportResult {
  readonly fileName: string;
  readonly contentBase64: string;
  readonly region: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly sha256: string;
}

export interface ReceivedReport {
  readonly year: number;
  readonly due: string;
  readonly areas: readonly AreaReport[];
  /** Every package taken in, newest first. */
  readonly received: readonly ReceivedPackage[];
}

/** A package's ISO time as the clerk's clock shows it: 2027-03-01 09:30. */
export function packageTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
