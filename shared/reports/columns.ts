import type { Cell } from '../records/cell';
import type { ReportColumn, ReportTable } from './summary';

/** A report column: how it is printed, the key a column template names it by, and its value. */
export interface ReportColumnDef<Row> extends ReportColumn {
  readonly key: string;
  readonly value: (row: Row) => Cell;
}

/** What the column-template editor offers for a report: one entry per key, in default order. */
export interface ReportColumnChoice {
  readonly key: string;
  readonly label: string;
}

/** A column's name on its own: 包保干部（人）·市级 for a grouped one. */
export function fullLabel(column: ReportColumn): string {
  return column.group ? `${column.group}·${column.label}` : column.label;
}

export function columnChoices(
  defs: readonly ReportColumnDef<never>[],
  labels: Readonly<Record<string, string>> = {},
): ReportColumnChoice[] {
  const seen = new Set<string>();
  return defs.filter((d) => !seen.has(d.key) && seen.add(d.key)).map((d) => ({ key: d.key, label: labels[d.key] ?? fullLabel(d) }));
}

/**
 * The columns a template names, in its order; every column when none is given. A key may stand
 * for several columns (the 周调度 dates of the 进展表), which then come together.
 */
export function pickColumns<Row>(defs: readonly ReportColumnDef<Row>[], keys?: readonly string[]): ReportColumnDef<Row>[] {
  if (!keys) return [...defs];
  return keys.flatMap((key) => defs.filter((d) => d.key === key));
}

/** The keys a report does not have, to refuse a template made for another layout. */
export function unknownKeys(choices: readonly ReportColumnChoice[], keys: readonly string[]): string[] {
  const known = new Set(choices.map((c) => c.key));
  return keys.filter((k) => !known.has(k));
}

export function tableOf<Row>(
  head: { readonly title: string; readonly subtitle: string },
  defs: readonly ReportColumnDef<Row>[],
  rows: readonly Row[],
  total?: Row,
): ReportTable {
  const line = (row: Row): Cell[] => defs.map((d) => d.value(row));
  return {
    ...head,
    columns: defs.map(({ label, width, format, group }) => ({ label, width, format, ...(group ? { group } : {}) })),
    rows: rows.map(line),
    ...(total === undefined ? {} : { totalRow: line(total) }),
  };
}
