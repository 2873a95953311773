import { z } from 'zod';

/**
 * A 上报包 a library has taken in: from whom (单位, 操作人), for which area and period, made and
 * received when, and its checksum. Kept with the data (docs/domain.md#上报包与下发包: who, when, what), so a restore
 * takes it back with the records it brought.
 */
export const ReceivedPackageSchema = z.object({
  /** The area's id in this library, its 区划代码 and name as the package gave them. */
  regionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The 督导 year the package reports. */
  year: z.number().int(),
  unit: z.string(),
  operator: z.string(),
  /** When the sending office made the package (ISO time) and when this library took it in. */
  createdAt: z.string(),
  receivedAt: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  /** Records of the area after the package was taken in, per kind. */
  counts: z.record(z.string(), z.number()),
});
export type ReceivedPackage = z.infer<typeof ReceivedPackageSchema>;
