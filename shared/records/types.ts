import type { RegionIndex } from '../domain/regions';
import type { DataDoc } from '../storage/types';
import type { Cell } from './cell';
import type { HeaderSpec } from './header';
import type { RegionMatcher } from './region-match';

export const RECORD_KINDS = ['entities', 'cadres', 'regulators', 'regions', 'assignments'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  entities: '包保主体',
  cadres: '包保干部',
  regulators: '网格监管人员',
  regions: '行政区划',
  assignments: '包保关系',
};

/** Lookups over the library, built once per import or export. */
export interface RecordContext {
  readonly doc: DataDoc;
  readonly regions: RegionIndex;
  readonly matcher: RegionMatcher;
  readonly today: string;
  /** Ids for new records (random in main; shared code has no crypto). */
  newId(prefix: string): string;
}

/** One column of a list: its export header and value, and the names an import may give it. */
export interface RecordColumn<R> extends HeaderSpec {
  /** Width in characters for the exported sheet. */
  readonly width: number;
  readonly format: 'text' | 'date' | 'number';
  /** false for columns that are shown in exports but set elsewhere (e.g. the current cadre). */
  readonly importable: boolean;
  value(record: R, ctx: RecordContext): Cell;
}

/** The cells of one sheet row, by field key; only mapped fields are present. */
export interface RowCells {
  has(key: string): boolean;
  get(key: string): Cell | undefined;
}

export interface ParsedRow<P> {
  /** The fields this row sets; fields whose column is absent keep the stored value. */
  readonly patch: P;
  readonly errors: string[];
  readonly warnings: string[];
}

/** Where an imported row lands: a stored record to update, or a new one. */
export interface RowTarget<R> {
  readonly existing: R | undefined;
  /** Identifies the record within the file, to find duplicate rows ("统一社会信用代码 9115…"). */
  readonly key: string;
}

/**
 * Everything the importer and exporter know about one kind of record. Import: parse a row
 * into a patch, find the record it updates, merge and validate. Export: the columns' values.
 */
export interface RecordDefinition<R, P> {
  readonly kind: RecordKind;
  readonly columns: readonly RecordColumn<R>[];
  /** At least one of these must be mapped for an import to make sense. */
  readonly requiredKeys: readonly string[];
  records(doc: DataDoc): readonly R[];
  /** Display name of a record in previews and reports. */
  describe(record: R, ctx: RecordContext): string;
  parseRow(cells: RowCells, ctx: RecordContext): ParsedRow<P>;
  target(patch: P, ctx: RecordContext): RowTarget<R>;
  /** The stored record merged with the patch, validated; or the Chinese reasons it cannot be. */
  merge(existing: R | undefined, patch: P, ctx: RecordContext): { ok: true; record: R } | { ok: false; errors: string[] };
  /** Writes accepted records into the library (inside one store mutation). */
  apply(doc: DataDoc, changes: readonly { existing: R | undefined; record: R }[], ctx: RecordContext): void;
}
