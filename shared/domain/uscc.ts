import { normalizeCode } from './normalize';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet
 * (digits and capitals without I, O, Z, S, V); the last one is a check character.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters (which must already be valid symbols). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] ?? '';
}

export type UsccCheck = { ok: true; value: string } | { ok: false; message: string };

/** Validates after normalising (full-width, spaces, lower case); the message says what to fix. */
export function checkUscc(raw: string): UsccCheck {
  const value = normalizeCode(raw);
  if (value.length !== 18) {
    return { ok: false, message: `统一社会信用代码应为18位，当前为${value.length}位，请核对` };
  }
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) {
      return { ok: false, message: `统一社会信用代码含有不允许的字符“${ch}”（不使用 I、O、Z、S、V），请核对` };
    }
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, message: `统一社会信用代码校验位错误：末位应为“${expected}”，实为“${value[17]}”，请核对` };
  }
  return { ok: true, value };
}

/** 组织机构代码 check (GB 11714), used to build realistic codes for demo data. */
export function orgCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += USCC_ALPHABET.indexOf(first8[i] ?? '') * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
