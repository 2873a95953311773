import type { Region } from '../domain/schemas';
import { cellText, type Cell } from './cell';
import { columnName, findHeaderRow, HEADER_SCAN_ROWS, mapColumns, type ColumnMapping, type FieldColumns } from './header';
import { RECORD_KIND_LABELS, type RecordContext, type RecordDefinition, type RecordKind, type RowCells } from './types';

export interface Sheet {
  readonly name: string;
  /** By row number − 1. A row the file leaves out is a hole (read it as blank: `rows[i] ?? []`), never filled in. */
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

/** One field an update changes, as the list shows it. */
export interface FieldChange {
  readonly key: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface PlannedRow {
  /** The sheet the row is on. */
  readonly sheet: string;
  /** 1-based row number as the clerk sees it in Excel/WPS. */
  readonly row: number;
  readonly outcome: RowOutcome;
  readonly name: string;
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  /** For an update: what it changes (old → new). */
  readonly changes?: readonly FieldChange[];
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

/** Where the rows of a sheet without 旗区/乡镇/村 columns are placed. */
export interface SheetArea {
  readonly from: '工作表名' | '标题行';
  readonly text: string;
  /** 东胜区 / 交通街道 */
  readonly path: string;
}

/** One sheet that is read: its header and what its columns became. */
export interface SheetPlan {
  readonly name: string;
  /** 1-based. */
  readonly headerRow: number;
  readonly header: readonly string[];
  readonly columns: readonly ColumnMapping[];
  readonly area: SheetArea | null;
}

/** A column no field is taken from, and why. */
export interface IgnoredColumn {
  readonly sheet: string;
  readonly column: string;
  readonly header: string;
  readonly reason: string;
}

export interface ImportPlan<R> {
  readonly kind: RecordKind;
  /** The first sheet read, whose columns the mapping step shows. */
  readonly sheetName: string;
  /** 1-based. */
  readonly headerRow: number;
  readonly header: readonly string[];
  readonly columns: readonly ColumnMapping[];
  /** Every sheet read: all those with this kind's header. */
  readonly sheets: readonly SheetPlan[];
  /** Sheets not read, and why. */
  readonly skippedSheets: readonly { readonly sheet: string; readonly reason: string }[];
  readonly ignored: readonly IgnoredColumn[];
  /** Fields no column of the first sheet gives (nor its name or title). */
  readonly missing: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly PlannedRow[];
  readonly counts: ImportCounts;
  /** What a commit writes: every add and update, in file order. */
  readonly changes: readonly { existing: R | undefined; record: R }[];
  /** The original cells of rejected rows, for the error report. */
  readonly rejectedCells: ReadonlyMap<PlannedRow, readonly Cell[]>;
  /** Set when the columns do not allow an import yet (a required column is not mapped). */
  readonly problem?: string;
}

export type PlanResult<R> = { ok: true; plan: ImportPlan<R> } | { ok: false; message: string };

export interface PlanOptions {
  /** Blank cells clear the stored value of an updated record (清空); by default they keep it. */
  readonly clearBlanks?: boolean;
}

/**
 * Called between slices of rows with the rows checked so far: the caller records progress and
 * lets other work run (the main process answers other requests meanwhile); it may throw to stop.
 */
export type PlanPause = (done: number, total: number) => Promise<void>;

/** Rows checked between pauses: a city-sized sheet takes about 50 µs a row, so a slice stays near 25 ms. */
const ROWS_PER_SLICE = 500;
/** The longest run of rows missing from a file that still counts as blank lines skipped. */
const BLANK_LINES_SEEN = 100;

const noPause: PlanPause = () => Promise.resolve();

const TOTAL_ROW = /^(合\s*计|小\s*计|总\s*计|共\s*计)/;
const AREA_KEYS = ['county', 'township', 'village'] as const;
/** The share of the first sheet's fields a later sheet must have to be read as more of the same list. */
const SAME_KIND_SHARE = 0.8;

function isBlank(row: readonly Cell[]): boolean {
  return row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isTotalRow(row: readonly Cell[]): boolean {
  return row.slice(0, 4).some((cell) => TOTAL_ROW.test(cellText(cell)));
}

/** The place a sheet's name, or else its title rows, name; null when they name none. */
function sheetArea(sheet: Sheet, headerIndex: number, ctx: RecordContext): { region: Region; area: SheetArea } | null {
  const title = sheet.rows
    .slice(0, headerIndex)
    .flatMap((row) => row.map((cell) => cellText(cell)))
    .join(' ');
  for (const [from, text] of [
    ['工作表名', sheet.name],
    ['标题行', title],
  ] as const) {
    const region = ctx.matcher.findInText(text);
    if (region) return { region, area: { from, text, path: ctx.regions.path(region.id) } };
  }
  return null;
}

/** The columns of a sheet no field is taken from, with why. */
function notImported(sheet: string, columns: readonly ColumnMapping[]): IgnoredColumn[] {
  return columns
    .filter((c) => c.status !== 'mapped' && c.header !== '')
    .map((c) => ({ sheet, column: columnName(c.index, c.header), header: c.header, reason: c.note ?? '未识别' }));
}

/** What one field of a stored record and its update show, where they differ. */
function fieldChanges<R, P>(def: RecordDefinition<R, P>, before: R, after: R, ctx: RecordContext): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const column of def.columns) {
    if (!column.importable) continue;
    const from = cellText(column.value(before, ctx));
    const to = cellText(column.value(after, ctx));
    if (from !== to) changes.push({ key: column.key, label: column.label, from, to });
  }
  return changes;
}

/**
 * Reads a file into a plan without touching the library: finds each sheet's header row, maps the
 * columns (saved or chosen names first), and decides each row's outcome with its reasons. Every
 * sheet with this kind's header is read (workbooks with one sheet per 旗区, 乡镇 or 村); a sheet
 * without 旗区/乡镇/村 columns takes its area from its name or title. A blank cell leaves the
 * stored value of an updated record alone unless `options.clearBlanks`.
 * `pause` is awaited every few hundred rows and once at the end (done = total; total is 0 while
 * the file is still being read). Sheets still arriving are checked as their rows come.
 */
export async function planImport<R, P>(
  def: RecordDefinition<R, P>,
  input: readonly Sheet[] | ArrivingSheets,
  ctx: RecordContext,
  overrides: Readonly<Record<string, string>> = {},
  pause: PlanPause = noPause,
  options: PlanOptions = {},
): Promise<PlanResult<R>> {
  const source: ArrivingSheets =
    'arrival' in input ? input : { sheets: input, complete: true, restarts: 0, arrival: () => Promise.resolve() };
  const { restarts } = source;
  /** Waits for more of the file; false when the reader started again (the plan must too). */
  const more = async (): Promise<boolean> => {
    await source.arrival();
    return source.restarts === restarts;
  };
  const again = (): Promise<PlanResult<R>> => planImport(def, source, ctx, overrides, pause, options);
  const label = RECORD_KIND_LABELS[def.kind];
  const importable = def.columns.filter((c) => c.importable);
  const labelOf = new Map(def.columns.map((c) => [c.key, c.label]));
  const located = def.kind !== 'regions' && importable.some((c) => c.key === 'township');

  const sheets: SheetPlan[] = [];
  const skippedSheets: { sheet: string; reason: string }[] = [];
  const ignored: IgnoredColumn[] = [];
  let missing: { key: string; label: string }[] = [];
  const rows: PlannedRow[] = [];
  const changes: { existing: R | undefined; record: R }[] = [];
  const rejectedCells = new Map<PlannedRow, readonly Cell[]>();
  const firstRowOfKey = new Map<string, string>();
  const firstRowOfRecord = new Map<R, string>();
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0, warning: 0, skipped: 0 };
  let checked = 0;
  let firstSheetFields: FieldColumns = {};

  for (let k = 0; ; k++) {
    // A sheet's header is known once its first rows are.
    while (!(source.complete || source.sheets.length > k + 1 || (source.sheets[k]?.rows.length ?? 0) >= HEADER_SCAN_ROWS)) {
      if (!(await more())) return again();
    }
    const sheet = source.sheets[k];
    if (!sheet) break;
    const headerIndex = findHeaderRow(sheet.rows, def.columns);
    if (headerIndex < 0) {
      if (sheet.rows.some((row) => !isBlank(row))) skippedSheets.push({ sheet: sheet.name, reason: `没有${label}表的表头行` });
      continue;
    }
    const headerCells = sheet.rows[headerIndex] ?? [];
    const { columns, fields, lookalikes } = mapColumns(headerCells, importable, overrides);
    const first = sheets.length === 0;
    if (!def.requiredKeys.some((key) => key in fields)) {
      const names = def.requiredKeys.map((key) => labelOf.get(key) ?? key).join('或');
      if (!first) {
        skippedSheets.push({ sheet: sheet.name, reason: `没有识别出“${names}”列` });
        continue;
      }
      // The columns are still returned, so the user can say which one holds the name.
      const unknown = columns.filter((c) => c.status !== 'mapped' && c.header !== '').map((c) => columnName(c.index, c.header));
      const among = unknown.length > 0 ? `（没有识别的列：${unknown.slice(0, 8).join('、')}${unknown.length > 8 ? ' 等' : ''}）` : '';
      const problem = `表中没有识别出“${names}”列${among}，请在“列对应”中指定哪一列是${names}，然后重新预览`;
      return { ok: true, plan: emptyPlan(sheet, headerIndex, headerCells, columns, problem) };
    }
    // Later sheets are read when they are the same kind of list: most of the first sheet's fields again.
    if (!first) {
      const firstFields = Object.keys(firstSheetFields);
      const shared = firstFields.filter((key) => key in fields).length;
      if (shared < Math.ceil(firstFields.length * SAME_KIND_SHARE)) {
        skippedSheets.push({ sheet: sheet.name, reason: `表头与工作表“${sheets[0]?.name ?? ''}”不同，不是同一份名单` });
        continue;
      }
    } else firstSheetFields = fields;
    const areaColumns = AREA_KEYS.some((key) => key in fields);
    const found = located && !areaColumns ? sheetArea(sheet, headerIndex, ctx) : null;
    const area = found
      ? Object.fromEntries(AREA_KEYS.map((level) => [level, ctx.regions.atLevel(found.region.id, level)?.name ?? '']))
      : null;
    const plan: SheetPlan = {
      name: sheet.name,
      headerRow: headerIndex + 1,
      header: headerCells.map((cell) => cellText(cell)),
      columns,
      area: found?.area ?? null,
    };
    sheets.push(plan);
    ignored.push(...notImported(sheet.name, columns));
    if (first) missing = fieldsNotFound(fields, area !== null);
    // Asked rather than guessed: a header that reads as two fields, two columns naming one, a grade of another scale.
    const where = source.sheets.length > 1 ? `工作表“${sheet.name}”的` : '';
    const unsure = columns.find((c) => c.status === 'unclear' || c.status === 'ambiguous');
    const lookalike = lookalikes
      .map((l) => ({ ...l, question: importable.find((c) => c.key === l.of)?.lookalikeQuestion }))
      .find((l) => l.question);
    const question = unsure
      ? `${where}${columnName(unsure.index, unsure.header)}${unsure.status === 'unclear' ? `${unsure.note}，或选“不导入”` : `${unsure.note}（其余的列在“列对应”中选“不导入”）`}；命令行导入请把列名改为明确的字段名或删去多余的列后重新导入`
      : lookalike && `${where}${columnName(lookalike.index, lookalike.header)}${lookalike.question}`;
    if (question) return { ok: true, plan: emptyPlan(sheet, headerIndex, headerCells, columns, question) };
    const result = await planSheet(sheet, headerIndex, fields, area);
    if (result === 'restart') return again();
  }

  if (sheets.length === 0) {
    if (!source.sheets.some((s) => s.rows.some((row) => !isBlank(row))))
      return { ok: false, message: '文件中没有数据，请确认选择了正确的文件' };
    const expected = importable
      .slice(0, 6)
      .map((c) => c.label)
      .join('、');
    return { ok: false, message: `没有找到${label}表的表头行，请确认表中有“${expected}”等列名` };
  }
  await pause(checked, checked);
  const head = sheets[0] as SheetPlan;
  return {
    ok: true,
    plan: {
      kind: def.kind,
      sheetName: head.name,
      headerRow: head.headerRow,
      header: head.header,
      columns: head.columns,
      sheets,
      skippedSheets,
      ignored,
      missing,
      rows,
      counts,
      changes,
      rejectedCells,
    },
  };

  /** The importable fields no column gives (the 旗区/乡镇/村 a sheet's area stands in for count as given). */
  function fieldsNotFound(fields: FieldColumns, hasArea: boolean): { key: string; label: string }[] {
    return importable
      .filter((c) => !(c.key in fields) && !(hasArea && (AREA_KEYS as readonly string[]).includes(c.key)))
      .map((c) => ({ key: c.key, label: c.label }));
  }

  function emptyPlan(
    sheet: Sheet,
    headerIndex: number,
    headerCells: readonly Cell[],
    columns: ColumnMapping[],
    problem: string,
  ): ImportPlan<R> {
    const header = headerCells.map((cell) => cellText(cell));
    const sheetPlan: SheetPlan = { name: sheet.name, headerRow: headerIndex + 1, header, columns, area: null };
    const noCounts = { add: 0, update: 0, unchanged: 0, reject: 0, warning: 0, skipped: 0 };
    const fields = Object.fromEntries(columns.filter((c) => c.status === 'mapped' && c.key).map((c) => [c.key, c.index]));
    return {
      kind: def.kind,
      sheetName: sheet.name,
      headerRow: headerIndex + 1,
      header,
      columns,
      sheets: [sheetPlan],
      skippedSheets: [],
      ignored: notImported(sheet.name, columns),
      missing: fieldsNotFound(fields, false),
      rows: [],
      counts: noCounts,
      changes: [],
      rejectedCells: new Map(),
      problem,
    };
  }

  /** Checks one sheet's rows as they arrive; 'restart' when the reader started again. */
  async function planSheet(
    sheet: Sheet,
    headerIndex: number,
    fields: FieldColumns,
    area: Readonly<Record<string, string>> | null,
  ): Promise<'done' | 'restart'> {
    const many = source.sheets.length > 1;
    const firstData = headerIndex + 1;
    const fieldIndexes = Object.values(fields);
    // All its rows are in once the file is, or once the next sheet has begun.
    const sheetRead = (): boolean => source.complete || source.sheets.at(-1) !== sheet;
    // Known once the file is read: this sheet's rows and those of the sheets after it.
    const total = (): number => {
      if (!source.complete) return 0;
      const later = source.sheets.slice(source.sheets.indexOf(sheet) + 1).reduce((n, s) => n + s.rows.length, 0);
      return checkedBefore + sheet.rows.length - firstData + later;
    };
    const checkedBefore = checked;
    for (let i = firstData; ; i++) {
      while (i >= sheet.rows.length && !sheetRead()) {
        if (!(await more())) return 'restart';
      }
      if (i >= sheet.rows.length) break;
      if (i > firstData && (i - firstData) % ROWS_PER_SLICE === 0) {
        await pause(checked, total());
        if (source.restarts !== restarts) return 'restart';
      }
      checked++;
      if (!(i in sheet.rows)) {
        // Rows a file leaves out: a few between data rows are the blank lines a clerk sees; a long
        // run (a stray cell far below the list) is no rows at all and is not counted as skipped.
        let end = i;
        while (end < sheet.rows.length && !(end in sheet.rows)) end++;
        if (end - i <= BLANK_LINES_SEEN) counts.skipped += end - i;
        checked += end - i - 1;
        i = end - 1;
        continue;
      }
      const cellsOfRow = sheet.rows[i] ?? [];
      if (isBlank(cellsOfRow) || isTotalRow(cellsOfRow)) {
        counts.skipped++;
        continue;
      }
      const rowNumber = i + 1;
      const where = many ? `工作表“${sheet.name}”第 ${rowNumber} 行` : `第 ${rowNumber} 行`;
      /**
       * The row's cells by field. `keepBlanks`: a blank cell reads as no column, so the stored value
       * stays. `withArea`: the sheet's area stands in for the missing 旗区/乡镇/村 columns.
       */
      const view = (keepBlanks: boolean, withArea: boolean): RowCells => ({
        has: (key) => {
          const index = fields[key];
          if (index === undefined) return withArea && area !== null && key in area;
          return !keepBlanks || !isBlankCell(cellsOfRow[index]);
        },
        get: (key) => {
          const index = fields[key];
          if (index === undefined) return withArea ? area?.[key] : undefined;
          return cellsOfRow[index] ?? null;
        },
      });
      const parse = (keepBlanks: boolean, withArea: boolean) => {
        const result = def.parseRow(view(keepBlanks, withArea), ctx);
        return { parsed: result, target: result.errors.length === 0 ? def.target(result.patch, ctx) : undefined };
      };
      const keep = !options.clearBlanks;
      const hasBlanks = fieldIndexes.some((index) => isBlankCell(cellsOfRow[index]));
      // A stored record found without its blank cells (unless 清空) and without the sheet's area
      // keeps what they would clear and its place; a new record, or one found only by them, is
      // read in full: blanks give defaults and 缺少… reasons, the area places it.
      const partial = (keep && hasBlanks) || area !== null;
      let { parsed, target } = partial ? parse(keep, false) : parse(false, true);
      if (target?.existing === undefined && partial) {
        ({ parsed, target } = parse(false, true));
        if (keep && hasBlanks && target?.existing !== undefined) {
          const sparse = parse(true, true);
          if (sparse.target?.existing === target.existing) ({ parsed, target } = sparse);
        }
      }
      const name = cellText(view(false, true).get(def.requiredKeys[0] ?? '')) || `第 ${rowNumber} 行`;
      const reject = (reasons: string[]): void => {
        const planned: PlannedRow = { sheet: sheet.name, row: rowNumber, outcome: 'reject', name, reasons, warnings: parsed.warnings };
        rows.push(planned);
        rejectedCells.set(planned, cellsOfRow);
        counts.reject++;
      };
      if (!target) {
        reject(parsed.errors);
        continue;
      }
      const earlier = firstRowOfKey.get(target.key);
      if (earlier !== undefined) {
        reject([`与${earlier}重复（${target.key}）`]);
        continue;
      }
      firstRowOfKey.set(target.key, where);
      // Two rows with different keys (one by code, one by name) can still mean the same record.
      const sameRecord = target.existing === undefined ? undefined : firstRowOfRecord.get(target.existing);
      if (sameRecord !== undefined) {
        reject([`与${sameRecord}对应同一条记录`]);
        continue;
      }
      if (target.existing !== undefined) firstRowOfRecord.set(target.existing, where);
      const merged = def.merge(target.existing, parsed.patch, ctx);
      if (!merged.ok) {
        reject(merged.errors);
        continue;
      }
      const same = target.existing !== undefined && JSON.stringify(target.existing) === JSON.stringify(merged.record);
      const outcome: RowOutcome = target.existing === undefined ? 'add' : same ? 'unchanged' : 'update';
      if (outcome !== 'unchanged') changes.push({ existing: target.existing, record: merged.record });
      const fieldsChanged =
        outcome === 'update' && target.existing !== undefined ? fieldChanges(def, target.existing, merged.record, ctx) : undefined;
      rows.push({
        sheet: sheet.name,
        row: rowNumber,
        outcome,
        name: def.describe(merged.record, ctx),
        reasons: [],
        warnings: parsed.warnings,
        ...(fieldsChanged ? { changes: fieldsChanged } : {}),
      });
      counts[outcome]++;
      if (parsed.warnings.length > 0) counts.warning++;
    }
    return 'done';
  }
}
