import { normalizeCode, toHalfWidth } from '../domain/normalize';

/**
 * One spreadsheet cell as the importer sees it, whatever the file type: text, a number, a
 * boolean, a calendar date (from a Date cell) or empty.
 */
export type Cell = string | number | boolean | { readonly date: string } | null;

/** What a cell says as trimmed text: numbers without exponent, dates as YYYY-MM-DD. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return toHalfWidthText(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cell.date;
}

/** Names and addresses keep their Chinese; stray ideographic spaces and ends go. */
function toHalfWidthText(text: string): string {
  return text
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A code of 16 digits or more in a number cell: Excel keeps 15 significant digits, so what the cell
 * holds is no longer the code (a USCC typed so reads as …000 and fails its check digit).
 */
export function numberCellProblem(cell: Cell | undefined, label: string): string | null {
  if (typeof cell !== 'number' || cellText(cell).length < 16) return null;
  return `${label}所在的单元格是数字格式（Excel 只保留 15 位数字，显示为 ${cellText(cell)}），代码已被改写。请把该列设为“文本”格式后重新填写${label}`;
}

/** Codes and phones: numbers stored as text or as numbers, full width, spaces. */
export function cellCode(cell: Cell | undefined): string {
  return normalizeCode(cellText(cell));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (year < 1950 || year > 2100) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Excel's day 1 is 1900-01-01 and it counts a non-existent 1900-02-29, hence 1899-12-30. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Dates as clerks type them: Date cells, Excel serial numbers, 2027-3-1, 2027.3.1, 2027/03/01,
 * 2027年3月1日, 20270301. Empty gives ''.
 */
export function parseDateCell(cell: Cell | undefined, label: string): Parsed<string> {
  if (cell !== null && typeof cell === 'object') {
    const [year, month, day] = cell.date.split('-').map(Number);
    const iso = isoDate(year ?? NaN, month ?? NaN, day ?? NaN);
    return iso ? { ok: true, value: iso } : { ok: false, message: `${label}“${cell.date}”不是有效日期` };
  }
  if (typeof cell === 'number' && !/^\d{8}$/.test(String(cell))) {
    const iso = excelSerialToIso(cell);
    return iso ? { ok: true, value: iso } : { ok: false, message: `${label}“${cell}”不是有效日期` };
  }
  const text = toHalfWidth(cellText(cell));
  if (text === '') return { ok: true, value: '' };
  const match =
    /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  return iso ? { ok: true, value: iso } : { ok: false, message: `${label}“${text}”不是有效日期，请写成 2027-03-01 的形式` };
}

/** 是/否 and the usual variants; empty gives the fallback. */
export function parseYesNo(cell: Cell | undefined, label: string, fallback: boolean): Parsed<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const text = toHalfWidth(cellText(cell)).toUpperCase();
  if (text === '') return { ok: true, value: fallback };
  if (['是', 'Y', 'YES', 'TRUE', '1', '√', '在岗', '有'].includes(text)) return { ok: true, value: true };
  if (['否', 'N', 'NO', 'FALSE', '0', '×', '不在岗', '离岗', '调离', '无'].includes(text)) return { ok: true, value: false };
  return { ok: false, message: `${label}“${text}”应填“是”或“否”` };
}

/**
 * A word from a fixed vocabulary, tolerating full width and the synonyms given
 * (e.g. 旗级/区级/县级 for 旗区级). Matching ignores spaces.
 */
export function parseChoice<T extends string>(
  cell: Cell | undefined,
  label: string,
  choices: Readonly<Record<string, T>>,
  allowed: string,
): Parsed<T | ''> {
  const text = toHalfWidth(cellText(cell)).replace(/\s+/g, '').toUpperCase();
  if (text === '') return { ok: true, value: '' };
  const value = choices[text];
  return value ? { ok: true, value } : { ok: false, message: `${label}“${cellText(cell)}”无法识别，应为${allowed}` };
}

/** "王芳 13804770001；李强 13904770002" ⇄ people. Separators: ；;、，, and line breaks. */
export function parsePeople(cell: Cell | undefined): { name: string; phone: string }[] {
  return cellText(cell)
    .split(/[；;、，,\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(.*?)[\s:：（(]*([0-9０-９][0-9０-９\-－ ]{6,})[)）]?$/.exec(part);
      return match ? { name: (match[1] ?? '').trim(), phone: normalizeCode(match[2] ?? '') } : { name: part, phone: '' };
    });
}

export function formatPeople(people: readonly { name: string; phone: string }[]): string {
  return people.map((p) => (p.phone ? `${p.name} ${p.phone}` : p.name)).join('；');
}

/** 13904771234 → 139****1234 wherever a mobile number appears in the text. */
export function maskMobiles(text: string): string {
  return text.replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}
