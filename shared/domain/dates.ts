import { z } from 'zod';

/** Calendar date as YYYY-MM-DD text: what the office types and what the sheets print. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 年-月-日，如 2027-03-01' });

/**
 * A date or '' (not yet). One pattern rather than `IsoDateSchema.or(z.literal(''))`: a union
 * builds an issue for every '' before trying the literal, a third of loading a city library.
 */
export const IsoDateOrEmptySchema = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: '日期格式应为 年-月-日，如 2027-03-01（未办理的留空）' });
