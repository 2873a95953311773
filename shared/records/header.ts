import { toHalfWidth } from '../domain/normalize';
import { cellText, type Cell } from './cell';

/** Header text as compared: half width, no spaces, no required-field stars or colons, （）→(). */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s*＊:：]/g, '');
}

export interface HeaderSpec {
  readonly key: string;
  readonly label: string;
  readonly synonyms: readonly string[];
}

export type ColumnStatus = 'mapped' | 'unmapped' | 'ambiguous';

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  readonly index: number;
  readonly header: string;
  readonly key: string | null;
  readonly status: ColumnStatus;
}

/** Field key → column index, for the fields that got exactly one column. */
export type FieldColumns = Readonly<Record<string, number>>;

export const HEADER_SCAN_ROWS = 30;

function lookup(specs: readonly HeaderSpec[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const spec of specs) {
    for (const name of [spec.label, ...spec.synonyms]) byName.set(normalizeHeader(name), spec.key);
  }
  return byName;
}

/**
 * The header row is the first of the top rows that names the most known columns (title rows,
 * notes and merged banners above it name none). Returns its 0-based index, or -1.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], specs: readonly HeaderSpec[]): number {
  const byName = lookup(specs);
  let best = -1;
  let bestHits = 1;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    const keys = new Set(row.map((cell) => byName.get(normalizeHeader(cellText(cell)))).filter(Boolean));
    if (keys.size > bestHits) {
      best = index;
      bestHits = keys.size;
    }
  });
  return best;
}

/**
 * Maps each header cell to a field by name, with the user's saved or chosen names first
 * (`overrides`: header text → field key, '' to ignore the column). Two columns naming the same
 * field are both marked ambiguous, and neither is used until the user picks one.
 */
export function mapColumns(
  headerRow: readonly Cell[],
  specs: readonly HeaderSpec[],
  overrides: Readonly<Record<string, string>> = {},
): { columns: ColumnMapping[]; fields: FieldColumns } {
  const byName = lookup(specs);
  const known = new Set(specs.map((s) => s.key));
  const guesses = headerRow.map((cell) => {
    const header = cellText(cell);
    const override = overrides[normalizeHeader(header)];
    const key = override !== undefined ? (known.has(override) ? override : null) : (byName.get(normalizeHeader(header)) ?? null);
    return { header, key };
  });
  const uses = new Map<string, number>();
  for (const g of guesses) if (g.key) uses.set(g.key, (uses.get(g.key) ?? 0) + 1);
  const columns = guesses.map(({ header, key }, index): ColumnMapping => {
    if (!key) return { index, header, key: null, status: 'unmapped' };
    return { index, header, key, status: (uses.get(key) ?? 0) > 1 ? 'ambiguous' : 'mapped' };
  });
  const fields: Record<string, number> = {};
  for (const c of columns) if (c.status === 'mapped' && c.key) fields[c.key] = c.index;
  return { columns, fields };
}
