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

/**
 * What one record can be found by: its name, the name's pinyin initials, codes and phones.
 * The initials are worked out on first use (pinyin of 20,000 names takes a few hundred ms, too
 * long to hold up opening the library); `warmInitials` fills them in the background meanwhile.
 */
export class SearchKey {
  #initials: string | undefined;

  constructor(
    readonly name: string,
    /** Upper-case codes and phone numbers joined with a separator that no query contains. */
    readonly codes: string,
  ) {}

  get initials(): string {
    this.#initials ??= pinyinInitials(this.name);
    return this.#initials;
  }
}

export function makeSearchKey(name: string, codes: readonly string[]): SearchKey {
  return new SearchKey(name, codes.filter(Boolean).join('|'));
}

/** Every runtime the app runs in has it; shared/ is compiled without Node's or the DOM's types. */
declare const setTimeout: (run: () => void, ms: number) => unknown;

/** The next turn of the event loop; in Node the timer does not keep a finishing process (the CLI) alive. */
function later(run: () => void): void {
  (setTimeout(run, 0) as { unref?: () => void }).unref?.();
}

/** Names still waiting for their initials, worked through a few ms at a time between requests. */
const unwarmed: string[] = [];
let warmed: Promise<void> = Promise.resolve();
const WARM_SLICE_MS = 8;

/**
 * Works out the initials of `names` in short slices on the event loop, so that the first search
 * by initials after a load finds them ready without the load waiting for them. Resolves when done.
 */
export function warmInitials(names: Iterable<string>): Promise<void> {
  const idle = unwarmed.length === 0;
  for (const name of names) if (!initialsCache.has(name)) unwarmed.push(name);
  if (idle && unwarmed.length > 0) {
    warmed = new Promise((resolve) => {
      const slice = () => {
        const until = Date.now() + WARM_SLICE_MS;
        while (unwarmed.length > 0 && Date.now() < until) pinyinInitials(unwarmed.pop() as string);
        if (unwarmed.length > 0) later(slice);
        else resolve();
      };
      later(slice);
    });
  }
  return warmed;
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
