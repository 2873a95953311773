import { z } from 'zod';

/**
 * What typed or imported text may hold. Control characters (ESC colour codes, NUL), bidi controls
 * and text made only of invisible characters look like nothing on screen, yet they recolour a
 * terminal, reorder what a printed sheet shows and break file names. The library refuses them
 * where text comes in (forms, API, imports); text stored by older versions is still loaded.
 */

/** C0 and C1 control characters and DEL; multi-line text (notes, letter paragraphs) keeps tab and line feed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const TAB_OR_LINE_FEED = /[\t\n]/g;
const LINE_BREAK_OR_TAB = /[\t\n\r]/g;
/** Marks and embeddings that change the direction text is shown in. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Zero-width characters; with whitespace, all that text can be made of and still show nothing. */
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff]+$/;
/** Every character the rule refuses anywhere, to strip from names that must still be used (file names). */
// eslint-disable-next-line no-control-regex -- as CONTROL
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export type TextLines = 'single' | 'multi';

/** Why `text` cannot be stored in the field `label`, in Chinese with what to do; null when it can. */
export function textProblem(text: string, label: string, lines: TextLines = 'single'): string | null {
  if (CONTROL.test(lines === 'multi' ? text.replace(TAB_OR_LINE_FEED, '') : text)) {
    const onlyLineBreaks = lines === 'single' && !CONTROL.test(text.replace(LINE_BREAK_OR_TAB, ''));
    return onlyLineBreaks ? `${label}不能换行或含有制表符，请改为一行后重新输入` : `${label}含有不可见的控制字符，请删除后重新输入`;
  }
  if (BIDI.test(text)) return `${label}含有改变文字方向的不可见字符，请删除后重新输入`;
  if (INVISIBLE_ONLY.test(text)) return `${label}只有空白或不可见的字符，请删除后重新输入`;
  return null;
}

/**
 * The one rule for every text field, as a check on a string schema (after any cleaning):
 * `z.string().trim().check(textRule('姓名'))`.
 */
export function textRule(label: string, lines: TextLines = 'single') {
  return z.superRefine((text: string, ctx) => {
    const problem = textProblem(text, label, lines);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
  });
}

/** A terminal escape sequence such as the colour code ESC[31m: all of it goes, not only the ESC. */
// eslint-disable-next-line no-control-regex -- as CONTROL
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]/g;

/**
 * `text` as it may be shown on a terminal: without escape sequences and the characters the rule
 * refuses (names stored before the rule may hold them).
 */
export function displayText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, '');
}

/** `text` as part of a file name: shown safely, and without the characters Windows refuses in file names. */
export function fileNameText(text: string): string {
  return displayText(text).replace(/[<>:"/\\|?*]/g, '');
}
