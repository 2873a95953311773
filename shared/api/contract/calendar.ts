import { z } from 'zod';
import { IsoDateSchema } from '../../domain/schemas';
import type { EnteredNotice, NoticeReading } from '../../calendar/notice-text';

/**
 * The one API contract: method name → input schema. The IPC handlers, the web harness and the
 * CLI all dispatch through it, and every input is parsed with its schema before a handler runs.
 */
/** A holiday notice as pasted; `year` when the text does not name it. */
export const HolidayNoticeText = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, { error: '请粘贴国务院办公厅放假通知的全文' })
      .max(20_000, { error: '粘贴的文字过长，请只粘贴通知本身' }),
    year: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();

/** 设置's calendar: the office's own days and the holiday notices entered. */
export interface CalendarSettings {
  readonly extraHolidays: readonly string[];
  readonly extraWorkdays: readonly string[];
  readonly notices: readonly (EnteredNotice & { readonly enteredOn: string })[];
}

/** A notice read from its text, with what saving it would change in the year's calendar. */
export interface NoticePreview extends NoticeReading {
  /** Where the year's days come from now: a notice built in or entered, or the provisional rules. */
  readonly replaces: 'built-in' | 'entered' | 'provisional';
  /** Days whose working/rest status would change, “2027-02-22 上班 → 放假（春节）”. */
  readonly changes: readonly string[];
}

/** The `calendar:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const calendarSchemas = {
  /** The office's extra days off and working days (e.g. next year's 调休 before the software has them). */
  'calendar:save': z.object({ extraHolidays: z.array(IsoDateSchema), extraWorkdays: z.array(IsoDateSchema) }).strict(),
  /** Reads a 国务院办公厅 holiday notice pasted as text (its rest days and 调休 working days) and what it would change; saves nothing. */
  'calendar:readNotice': HolidayNoticeText,
  /** Keeps the notice read from the text: it replaces that year's built-in or provisional days. */
  'calendar:saveNotice': HolidayNoticeText,
  /** Drops a notice entered in 设置: the year goes back to the built-in (or provisional) days. */
  'calendar:removeNotice': z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
} as const;

export interface CalendarResults {
  'calendar:save': { readonly notes: readonly string[] };
  'calendar:readNotice': NoticePreview;
  'calendar:saveNotice': { readonly year: number; readonly notes: readonly string[] };
  'calendar:removeNotice': { readonly notes: readonly string[] };
}
