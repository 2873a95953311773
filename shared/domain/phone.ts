import { normalizeCode } from './normalize';

/** Mobile (11 digits from 1[3-9]) or landline with area code (0477-8581234, 04778581234). */
export function checkPhone(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = normalizeCode(raw).replace(/[（(]/g, '').replace(/[)）]/g, '-');
  if (/^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value)) return { ok: true, value };
  return { ok: false, message: `电话“${raw}”格式不正确，请填写11位手机号或带区号的固定电话（如 0477-8581234）` };
}
