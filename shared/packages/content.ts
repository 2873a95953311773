import { z } from 'zod';
import { RegionLevelSchema } from '../domain/schemas';
import { DataDocSchema } from '../storage/types';

/** Names the machine part of a 上报包; a file without it is no package (or was saved again by Excel/WPS). */
export const PACKAGE_FORMAT = 'shian-baobao/upward-package';
/** Bumped when the machine part changes shape (2: the 督查 records): an older app refuses a newer package instead of half-reading it. */
export const PACKAGE_FORMAT_VERSION = 2;

/** What a package holds per kind, in the order previews list them. */
export const PACKAGE_KINDS = ['regions', 'entities', 'cadres', 'regulators', 'assignments', 'visits', 'inspections'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
export const PACKAGE_KIND_LABELS: Readonly<Record<PackageKind, string>> = {
  regions: '行政区划',
  entities: '包保主体',
  cadres: '包保干部',
  regulators: '网格监管人员',
  assignments: '包保关系（含历史）',
  visits: '督导记录（本年度）',
  inspections: '督查记录（本年度）',
};

export const PackageManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int(),
  /** 单位 and 操作人 of the library that made it. */
  unit: z.string(),
  operator: z.string(),
  /** The area it reports: its records are the area and everything below it. */
  region: z.object({ id: z.string().min(1), code: z.string(), name: z.string(), level: RegionLevelSchema }),
  /** The 督导 year (period) it reports. */
  year: z.number().int().min(2000).max(2100),
  createdAt: z.string().min(1),
});
export type PackageManifest = z.infer<typeof PackageManifestSchema>;

/**
 * The area's slice of a library. `regions` hold the area's ancestors too (a library started empty
 * takes them in); `referencedCadres` and `referencedRegulators` are the ones outside the area its
 * 包保 and 主体 name (市级 cadres guaranteeing its A-grade 主体): taken in when missing, never changed.
 */
export const PackageRecordsSchema = z.object({
  regions: DataDocSchema.shape.regions,
  entities: DataDocSchema.shape.entities,
  cadres: DataDocSchema.shape.cadres,
  regulators: DataDocSchema.shape.regulators,
  assignments: DataDocSchema.shape.assignments,
  visits: DataDocSchema.shape.visits,
  /** The year's 督查 of the area's cadres; absent from a package of format 1, which then leaves them as they are. */
  inspections: DataDocSchema.shape.inspections.optional(),
  referencedCadres: DataDocSchema.shape.cadres,
  referencedRegulators: DataDocSchema.shape.regulators,
});
export type PackageRecords = z.infer<typeof PackageRecordsSchema>;

export const PackageContentSchema = z.object({ manifest: PackageManifestSchema, records: PackageRecordsSchema });
export type PackageContent = z.infer<typeof PackageContentSchema>;
