import type { ImportPreview } from '@shared/api/contract';
import { columnLetter } from '@shared/records/header';

/** What the mapping step shows: the sheet's header as the last preview found it. */
export interface SheetHeader {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columns: ImportPreview['columns'];
  readonly fields: ImportPreview['fields'];
  readonly sheets: ImportPreview['sheets'];
  readonly skippedSheets: ImportPreview['skippedSheets'];
  readonly ignored: ImportPreview['ignored'];
  readonly missing: ImportPreview['missing'];
}

/** The user's choices: header text → field key, '' = 不导入. Sent as import:preview's `mapping`. */
export type MappingEdits = Readonly<Record<string, string>>;

export type LiveStatus = 'mapped' | 'unmapped' | 'ambiguous' | 'unclear' | 'ignored';

export interface MappingRow {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** The chosen field key, '' for none. */
  readonly value: string;
  readonly status: LiveStatus;
  /** The user changed this column in the mapping step. */
  readonly edited: boolean;
  /** How sure the automatic match was, 0–1 (1 for a chosen column). */
  readonly confidence: number;
  /** Why the column is not imported as the last preview found it ('' when it is, or when edited). */
  readonly note: string;
}

/** The table's rows with the status the current choices give (before they are previewed again). */
export function mappingRows(header: SheetHeader, edits: MappingEdits): MappingRow[] {
  const named = header.columns.filter((c) => c.header !== '');
  const valueOf = (c: (typeof named)[number]): string => edits[c.header] ?? c.key ?? '';
  const uses = new Map<string, number>();
  for (const c of named) {
    const value = valueOf(c);
    if (value) uses.set(value, (uses.get(value) ?? 0) + 1);
  }
  return named.map((c) => {
    const value = valueOf(c);
    const edited = c.header in edits;
    const unset: LiveStatus = edited ? 'ignored' : c.status === 'unclear' ? 'unclear' : 'unmapped';
    const status: LiveStatus = value === '' ? unset : (uses.get(value) ?? 0) > 1 ? 'ambiguous' : 'mapped';
    // The status tag already says 未识别; a note says more (重复 with which column, 请确认 between which fields).
    const note = edited || status === 'mapped' || c.note === '未识别' ? '' : (c.note ?? '');
    return {
      index: c.index,
      letter: columnLetter(c.index),
      header: c.header,
      value,
      status,
      edited,
      confidence: edited ? 1 : c.confidence,
      note,
    };
  });
}

/** The required fields no column is mapped to yet: at least one of them must be ('' when fine). */
export function missingRequired(header: SheetHeader, rows: readonly MappingRow[]): string {
  const required = header.fields.filter((f) => f.required);
  if (required.length === 0) return '';
  const chosen = new Set(rows.filter((r) => r.status === 'mapped').map((r) => r.value));
  if (required.some((f) => chosen.has(f.key))) return '';
  return required.map((f) => `“${f.label}”`).join('或');
}

export function sameEdits(a: MappingEdits, b: MappingEdits): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}
