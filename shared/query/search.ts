import { pinyin } from 'pinyin-pro';
import { normalizeCode, toHalfWidth } from '../domain/normalize';

const initialsCache = new Map<string, string>();

/** "内蒙古食用油" → "nmgsyy"; letters and digits in the name stay as they are (lower case). */
export function pinyinInitials(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    initialsCache.set(name, initials);
  }
  return initials;
}

/** What one record can be found by: its name, the name's pinyin initials, codes and phones. */
export interface SearchKey {
  readonly name: string;
  readonly initials: string;
  /** Upper-case codes and phone numbers joined with a separator that no query contains. */
  readonly codes: string;
}

export function makeSearchKey(name: string, codes: readonly string[]): SearchKey {
  return { name, initials: pinyinInitials(name), codes: codes.filter(Boolean).join('|') };
}

export interface TextMatcher {
  (key: SearchKey): boolean;
}

/**
 * Builds the test for one search box value. Latin letters search pinyin initials (and codes,
 * which contain letters too); digits search codes and phones; Chinese searches the name.
 */
export function textMatcher(raw: string): TextMatcher | null {
  const text = toHalfWidth(raw);
  if (text === '') return null;
  const code = normalizeCode(text);
  const initials = /^[a-z0-9]+$/i.test(text) ? text.toLowerCase() : '';
  return (key) =>
    key.name.includes(text) || (initials !== '' && key.initials.includes(initials)) || (code !== '' && key.codes.includes(code));
}
