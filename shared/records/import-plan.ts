import { cellText, type Cell } from './cell';
import { findHeaderRow, HEADER_SCAN_ROWS, mapColumns, type ColumnMapping } from './header';
import { RECORD_KIND_LABELS, type RecordContext, type RecordDefinition, type RecordKind, type RowCells } from './types';

export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * A file's sheets while they are still being read: `sheets` and the last sheet's rows grow, and
 * `arrival()` resolves when more has come (at once when `complete`; it rejects if reading fails).
 * `restarts` counts how often the reader started again from the beginning, voiding what came before.
 */
export interface ArrivingSheets {
  readonly sheets: readonly Sheet[];
  readonly complete: boolean;
  readonly restarts: number;
  arrival(): Promise<void>;
}

export type RowOutcome = 'add' | 'update' | 'unchanged' | 'reject';

export interface PlannedRow {
  /** 1-based row number as the clerk sees it in Excel/WPS. */
  readonly row: number;
  readonly outcome: RowOutcome;
  readonly name: string;
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
}

export interface ImportCounts {
  readonly add: number;
  readonly update: number;
  readonly unchanged: number;
  readonly reject: number;
  /** Rows kept with a warning (they also count as add/update/unchanged). */
  readonly warning: number;
  /** Blank rows and 合计/小计 rows, passed over. */
  readonly skipped: number;
}

export interface ImportPlan<R> {
  readonly kind: RecordKind;
  readonly sheetName: string;
  /** 1-based. */
  readonly headerRow: number;
  readonly header: readonly string[];
  readonly columns: readonly ColumnMapping[];
  readonly rows: readonly PlannedRow[];
  readonly counts: ImportCounts;
  /** What a commit writes: every add and update, in file order. */
  readonly changes: readonly { existing: R | undefined; record: R }[];
  /** The original cells of rejected rows, for the error report. */
  readonly rejectedCells: ReadonlyMap<number, readonly Cell[]>;
  /** Set when the columns do not allow an import yet (a required column is not mapped). */
  readonly problem?: string;
}

export type PlanResult<R> = { ok: true; plan: ImportPlan<R> } | { ok: false; message: string };

/**
 * Called between slices of rows with the rows checked so far: the caller records progress and
 * lets other work run (the main process answers other requests meanwhile); it may throw to stop.
 */
export type PlanPause = (done: number, total: number) => Promise<void>;

/** Rows checked between pauses: a city-sized sheet takes about 50 µs a row, so a slice stays near 25 ms. */
const ROWS_PER_SLICE = 500;

const noPause: PlanPause = () => Promise.resolve();

const TOTAL_ROW = /^(合\s*计|小\s*计|总\s*计|共\s*计)/;

function isBlank(row: readonly Cell[]): boolean {
  return row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function isTotalRow(row: readonly Cell[]): boolean {
  return row.slice(0, 4).some((cell) => TOTAL_ROW.test(cellText(cell)));
}

/**
 * Reads a sheet into a plan without touching the library: finds the header row, maps the
 * columns (saved or chosen names first), and decides each row's outcome with its reasons.
 * `pause` is awaited every few hundred rows and once at the end (done = total; total is 0 while
 * the sheet is still being read). Sheets still arriving are checked as their rows come.
 */
export async function planImport<R, P>(
  def: RecordDefinition<R, P>,
  input: readonly Sheet[] | ArrivingSheets,
  ctx: RecordContext,
  overrides: Readonly<Record<string, string>> = {},
  pause: PlanPause = noPause,
): Promise<PlanResult<R>> {
  const source: ArrivingSheets = 'arrival' in input ? input : { sheets: input, complete: true, restarts: 0, arrival: () => Promise.resolve() };
  const { restarts } = source;
  /** Waits for more of the file; false when the reader started again (the plan must too). */
  const more = async (): Promise<boolean> => {
    await source.arrival();
    return source.restarts === restarts;
  };
  const again = (): Promise<PlanResult<R>> => planImport(def, source, ctx, overrides, pause);
  const label = RECORD_KIND_LABELS[def.kind];

  // The first sheet with a header row is read; a sheet's header is known once its first rows are.
  let found: { sheet: Sheet; headerIndex: number } | undefined;
  for (let k = 0; !found; k++) {
    while (!(source.complete || source.sheets.length > k + 1 || (source.sheets[k]?.rows.length ?? 0) >= HEADER_SCAN_ROWS)) {
      if (!(await more())) return again();
    }
    const sheet = source.sheets[k];
    if (!sheet) break;
    const headerIndex = findHeaderRow(sheet.rows, def.columns);
    if (headerIndex >= 0) found = { sheet, headerIndex };
  }
  if (!found) {
    if (!source.sheets.some((s) => s.rows.some((row) => !isBlank(row)))) return { ok: false, message: '文件中没有数据，请确认选择了正确的文件' };
    const expected = def.columns.filter((c) => c.importable).slice(0, 6).map((c) => c.label).join('、');
    return { ok: false, message: `没有找到${label}表的表头行，请确认表中有“${expected}”等列名` };
  }
  const { sheet, headerIndex } = found;
  const headerCells = sheet.rows[headerIndex] ?? [];
  const { columns, fields } = mapColumns(headerCells, def.columns.filter((c) => c.importable), overrides);
  const base = { kind: def.kind, sheetName: sheet.name, headerRow: headerIndex + 1, header: headerCells.map((cell) => cellText(cell)), columns };
  if (!def.requiredKeys.some((key) => key in fields)) {
    // The columns are still returned, so the user can say which one holds the name.
    const names = def.requiredKeys.map((key) => def.columns.find((c) => c.key === key)?.label ?? key).join('或');
    const counts = { add: 0, update: 0, unchanged: 0, reject: 0, warning: 0, skipped: 0 };
    const problem = `表中没有识别出“${names}”列，请在“列对应”中指定哪一列是${names}，然后重新预览`;
    return { ok: true, plan: { ...base, rows: [], counts, changes: [], rejectedCells: new Map(), problem } };
  }

  const rows: PlannedRow[] = [];
  const changes: { existing: R | undefined; record: R }[] = [];
  const rejectedCells = new Map<number, readonly Cell[]>();
  const firstRowOfKey = new Map<string, number>();
  const firstRowOfRecord = new Map<R, number>();
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0, warning: 0, skipped: 0 };
  const firstData = headerIndex + 1;
  // All its rows are in once the file is, or once the next sheet has begun.
  const sheetRead = (): boolean => source.complete || source.sheets.at(-1) !== sheet;

  for (let i = firstData; ; i++) {
    while (i >= sheet.rows.length && !sheetRead()) {
      if (!(await more())) return again();
    }
    if (i >= sheet.rows.length) break;
    if (i > firstData && (i - firstData) % ROWS_PER_SLICE === 0) {
      await pause(i - firstData, sheetRead() ? sheet.rows.length - firstData : 0);
      if (source.restarts !== restarts) return again();
    }
    const cellsOfRow = sheet.rows[i] ?? [];
    if (isBlank(cellsOfRow) || isTotalRow(cellsOfRow)) {
      counts.skipped++;
      continue;
    }
    const rowNumber = i + 1;
    const cells: RowCells = {
      has: (key) => key in fields,
      get: (key) => {
        const index = fields[key];
        return index === undefined ? undefined : (cellsOfRow[index] ?? null);
      },
    };
    const parsed = def.parseRow(cells, ctx);
    const name = cellText(cells.get(def.requiredKeys[0] ?? '')) || `第 ${rowNumber} 行`;
    const reject = (reasons: string[]): void => {
      rows.push({ row: rowNumber, outcome: 'reject', name, reasons, warnings: parsed.warnings });
      rejectedCells.set(rowNumber, cellsOfRow);
      counts.reject++;
    };
    if (parsed.errors.length > 0) {
      reject(parsed.errors);
      continue;
    }
    const target = def.target(parsed.patch, ctx);
    const earlier = firstRowOfKey.get(target.key);
    if (earlier !== undefined) {
      reject([`与第 ${earlier} 行重复（${target.key}）`]);
      continue;
    }
    firstRowOfKey.set(target.key, rowNumber);
    // Two rows with different keys (one by code, one by name) can still mean the same record.
    const sameRecord = target.existing === undefined ? undefined : firstRowOfRecord.get(target.existing);
    if (sameRecord !== undefined) {
      reject([`与第 ${sameRecord} 行对应同一条记录`]);
      continue;
    }
    if (target.existing !== undefined) firstRowOfRecord.set(target.existing, rowNumber);
    const merged = def.merge(target.existing, parsed.patch, ctx);
    if (!merged.ok) {
      reject(merged.errors);
      continue;
    }
    const same = target.existing !== undefined && JSON.stringify(target.existing) === JSON.stringify(merged.record);
    const outcome: RowOutcome = target.existing === undefined ? 'add' : same ? 'unchanged' : 'update';
    if (outcome !== 'unchanged') changes.push({ existing: target.existing, record: merged.record });
    rows.push({ row: rowNumber, outcome, name: def.describe(merged.record, ctx), reasons: [], warnings: parsed.warnings });
    counts[outcome]++;
    if (parsed.warnings.length > 0) counts.warning++;
  }
  const total = sheet.rows.length - firstData;
  await pause(total, total);

  return {
    ok: true,
    plan: {
      ...base,
      rows,
      counts,
      changes,
      rejectedCells,
    },
  };
}
