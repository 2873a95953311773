import type { Cell } from '@shared/records/cell';

type Row = readonly Cell[];

/**
 * Puts a batch of consecutive rows into a sheet's rows from index `at` (0-based). Rows the file
 * leaves out stay holes, never filled one by one: a stray cell on row 1,048,576 costs one row,
 * not a million (a sheet's readers take a missing row as a blank one).
 */
export function placeRows(sheetRows: Row[], at: number, rows: readonly Row[]): void {
  for (let i = 0; i < rows.length; i++) sheetRows[at + i] = rows[i] as Row;
}
