import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR, parseIsoDate } from '../calendar/days';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;
const FORMAT = '日期格式应为 年-月-日，如 2027-03-01';

/** Why a YYYY-MM-DD text is not a date the calendar can count with (2027-02-30, 2026-13-01, 1800-01-01). */
function notARealDate(text: string): string {
  const year = Number(text.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return `日期“${text}”超出 ${MIN_YEAR}—${MAX_YEAR} 年的范围，请检查年份`;
  return `没有“${text}”这一天，请按 年-月-日 填写真实的日期，如 2027-03-01`;
}

/** Calendar date as YYYY-MM-DD text: what the office types and what the sheets print. A real day, or refused. */
export const IsoDateSchema = z
  .string()
  .regex(DATE, { error: FORMAT, abort: true })
  .refine((text) => parseIsoDate(text) !== null, { error: (issue) => notARealDate(String(issue.input)) });

/**
 * A real date or '' (not yet). One pattern rather than `IsoDateSchema.or(z.literal(''))`: a union
 * builds an issue for every '' before trying the literal.
 */
export const IsoDateOrEmptySchema = z
  .string()
  .regex(DATE_OR_EMPTY, { error: `${FORMAT}（未办理的留空）`, abort: true })
  .refine((text) => text === '' || parseIsoDate(text) !== null, { error: (issue) => notARealDate(String(issue.input)) });

/**
 * Dates as the library holds them: checked as real days where they came in (older versions
 * checked only the pattern, and their libraries must still load), so loading checks the pattern.
 */
export const StoredDateSchema = z.string().regex(DATE, { error: FORMAT });
export const StoredDateOrEmptySchema = z.string().regex(DATE_OR_EMPTY, { error: FORMAT });
