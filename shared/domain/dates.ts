import { z } from 'zod';

/** Calendar date as YYYY-MM-DD text: what the office types and what the sheets print. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 年-月-日，如 2027-03-01' });
