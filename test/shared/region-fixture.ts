import type { Region, RegionLevel } from '@shared/domain/schemas';

/** A 行政区划 for a test, without a code or kind. */
export const region = (id: string, name: string, level: RegionLevel, parentId: string | null): Region => ({
  id,
  name,
  level,
  parentId,
  code: '',
  kind: '',
});
