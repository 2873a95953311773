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

/**
 * `PackageContentSchema.safeParse(data)`, a record at a time: a whole-content parse builds a checked
 * copy of every record while the parsed JSON is still held (a province's city package: both at once,
 * docs/performance.md#consolidate). Here each record's checked copy takes the place of the parsed one
 * in `data`'s lists as it goes, so only one of the two is held whole. The same answer: the content
 * around the lists (manifest, an absent or non-list kind) is checked with the lists left empty.
 */
export function parsePackageContent(data: unknown): PackageContent | null {
  if (!isRecord(data) || !isRecord(data['records'])) return null;
  const raw = data['records'];
  const lists = Object.entries(PackageRecordsSchema.shape).flatMap(([kind, schema]) => {
    const list = raw[kind];
    const element = (schema instanceof z.ZodOptional ? schema.unwrap() : schema).element as z.ZodType;
    return Array.isArray(list) ? [{ kind, list: list as unknown[], element }] : [];
  });
  const shell = PackageContentSchema.safeParse({ ...data, records: { ...raw, ...Object.fromEntries(lists.map((l) => [l.kind, []])) } });
  if (!shell.success) return null;
  const records: Record<string, unknown> = shell.data.records;
  for (const { kind, list, element } of lists) {
    for (let i = 0; i < list.length; i++) {
      const checked = element.safeParse(list[i]);
      if (!checked.success) return null;
      list[i] = checked.data;
    }
    records[kind] = list;
  }
  return shell.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
