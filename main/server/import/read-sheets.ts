import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError } from '@shared/api/result';
import type { Cell } from '@shared/records/cell';
import type { Sheet } from '@shared/records/import-plan';
import { placeRows } from './sheet-rows';
import { claimedUnpackedSize } from './zip-size';

/** Larger files are almost always the wrong file (or a sheet full of images); 100,000 主体 fit in ~10 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .xls, and also any password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Excel's own last row: a row beyond it is not from a real sheet. Rows the file leaves out are
 * never filled in (see placeRows), so a stray cell far below the data costs one row.
 */
const MAX_SHEET_ROWS = 1_048_576;
/**
 * Unpacked, the city's 21,893-row list is 28 MB and a province's 100,000 主体 128 MB. A file
 * claiming more (a zip bomb claims gigabytes) is refused before anything is inflated, and one
 * whose sheets and texts inflate to more than it claims is stopped there.
 */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
/** The city's list holds 118,000 distinct texts, the province's 519,000. */
const MAX_SHARED_STRINGS = 2_000_000;
/**
 * Cells read (a row counts up to its last cell with a value): the province's list has 2.7 million.
 * Every cell goes to the main process, so a file of a million rows each with a cell on column XFD
 * must be stopped here, not by the memory running out.
 */
const MAX_CELLS = 10_000_000;

/** What one reading of a file has taken so far, against the limits above. */
class Budget {
  private unpacked = 0;
  private cells = 0;

  /** `claimed`: the unpacked size the zip claims (at most MAX_UNPACKED_BYTES). */
  constructor(
    readonly fileName: string,
    private readonly claimed: number,
  ) {}

  inflated(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > this.claimed) throw damaged(this.fileName);
  }

  sharedStrings(count: number): void {
    if (count > MAX_SHARED_STRINGS) {
      throw refuse(
        `文件“${this.fileName}”中的文字超过 ${MAX_SHARED_STRINGS / 10_000} 万条，超出导入上限，文件可能已损坏。请用 Excel/WPS 打开，删去无关内容后“另存为” .xlsx，或分成几个文件导入`,
      );
    }
  }

  row(cells: number): void {
    this.cells += cells;
    if (this.cells > MAX_CELLS) {
      throw refuse(
        `文件“${this.fileName}”的表格超过 ${MAX_CELLS / 10_000} 万个单元格，超出导入上限。请用 Excel/WPS 打开，删去无关的工作表、行和列后“另存为” .xlsx，或分成几个文件导入`,
      );
    }
  }
}

type Chunks = AsyncIterable<Uint8Array | string>;

/** The parts of exceljs's streaming reader that its typings leave out. */
interface ReaderInternals {
  sharedStrings?: unknown[];
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: Chunks, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs's streaming reader over the bytes, within the limits above. Its text is decoded across
 * chunk boundaries: exceljs alone turns each decompressed chunk into text on its own, so a Chinese
 * character split between two chunks is read as "��" (exceljs issues #2063, #2084), about one
 * 主体 in 300 of a city list.
 */
function workbookReader(bytes: Uint8Array, budget: Budget): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const { _parseSharedStrings: parseSharedStrings, _parseWorksheet: parseWorksheet } = internals;
  internals._parseSharedStrings = function (entry) {
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        try {
          budget.inflated(chunk.length);
          done(null, chunk);
        } catch (error) {
          done(error as Error);
        }
      },
    });
    counted.setEncoding('utf8');
    return parseSharedStrings.call(this, entry.pipe(counted));
  };
  internals._parseWorksheet = function (chunks, sheetNo) {
    return parseWorksheet.call(this, utf8Text(chunks, budget), sheetNo);
  };
  // exceljs sets the list when it starts reading the shared strings, and pushes each one.
  let sharedStrings: unknown[] | undefined;
  Object.defineProperty(internals, 'sharedStrings', {
    get: () => sharedStrings,
    set: (list: unknown[]) => {
      sharedStrings = list;
      list.push = (...items: unknown[]): number => {
        budget.sharedStrings(list.length + items.length);
        return Array.prototype.push.apply(list, items);
      };
    },
  });
  return reader;
}

async function* utf8Text(chunks: Chunks, budget: Budget): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    budget.inflated(chunk.length);
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function damaged(fileName: string): ApiError {
  return refuse(`无法读取 Excel 文件“${fileName}”，文件可能已损坏。请用 Excel/WPS 打开后重新“另存为” .xlsx 再导入`);
}

function tooLarge(fileName: string): ApiError {
  return refuse(
    `文件“${fileName}”解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB 的导入上限，文件可能已损坏。请用 Excel/WPS 打开，删去无关的工作表、图片后“另存为” .xlsx，或分成几个文件导入`,
  );
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function refuse(message: string): ApiError {
  return new ApiError('invalid-argument', message);
}

type Row = readonly Cell[];

/**
 * Where a file's sheets go as they are read: a sheet starts, then its rows in order, in batches
 * of consecutive rows from index `at` (0-based; rows the file leaves out are skipped, see
 * placeRows). `restart` means everything given so far is void and the file is given again from the start.
 */
export interface SheetSink {
  sheet(name: string): void;
  rows(at: number, rows: readonly Row[]): void;
  restart(): void;
}

/** Rows per batch: each copy from the worker into the main thread stays a few milliseconds long. */
const BATCH_ROWS = 1000;

/**
 * Reads an uploaded or chosen file into sheets of cells, or throws one clear Chinese message
 * saying what is wrong with the file and what to do.
 */
export async function readSheets(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  let sheets: { name: string; rows: Row[] }[] = [];
  await readSheetsInto(fileName, bytes, {
    sheet: (name) => sheets.push({ name, rows: [] }),
    rows: (at, rows) => {
      const sheet = sheets.at(-1);
      if (sheet) placeRows(sheet.rows, at, rows);
    },
    restart: () => (sheets = []),
  });
  return sheets;
}

/**
 * readSheets, giving the rows to `sink` while the workbook is still being read, so that they can
 * be checked meanwhile (an import preview in the worker thread).
 */
export async function readSheetsInto(fileName: string, bytes: Uint8Array, sink: SheetSink): Promise<void> {
  const ext = path.extname(fileName).toLowerCase();
  if (bytes.length === 0) throw refuse(`文件“${fileName}”是空的（0 字节），请确认选择了正确的文件`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw refuse(`文件“${fileName}”有 ${mb} MB，超过 20 MB 的导入上限。请删去无关的工作表、图片，或分成几个文件导入`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw refuse(`文件“${fileName}”是旧版 .xls 格式或设置了打开密码。请用 Excel/WPS 打开，取消密码后“另存为” .xlsx 格式再导入`);
  }
  if (ext === '.csv' || ext === '.txt') {
    // Text is not unpacked: nothing may inflate.
    return giveAll([{ name: path.basename(fileName, ext), rows: parseDelimited(decodeText(bytes)) }], new Budget(fileName, 0), sink);
  }
  if (ext === '.xls') throw refuse(`文件“${fileName}”不是有效的 .xls 文件。请用 Excel/WPS 打开后“另存为” .xlsx 格式再导入`);
  if (ext !== '.xlsx' && ext !== '.xlsm') {
    throw refuse(`不支持“${ext || '无扩展名'}”类型的文件，请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw refuse(`文件“${fileName}”不是有效的 Excel 工作簿（可能是改了扩展名的其他文件）。请用 Excel/WPS 打开确认后另存为 .xlsx`);
  }
  const claimed = claimedUnpackedSize(bytes);
  if (claimed === null) throw damaged(fileName);
  if (claimed > MAX_UNPACKED_BYTES) throw tooLarge(fileName);
  const budget = new Budget(fileName, claimed);
  let given = false;
  try {
    const noting: SheetSink = {
      sheet: (name) => ((given = true), sink.sheet(name)),
      rows: (at, rows) => sink.rows(at, rows),
      restart: () => sink.restart(),
    };
    return await streamSheets(bytes, budget, noting);
  } catch (error) {
    // A file over a limit is refused as it is; reading it whole would only take longer.
    if (error instanceof ApiError) throw error;
    // The streaming reader cannot read workbooks whose workbook.xml comes after the sheets in
    // the zip (exceljs's own writer puts it there, e.g. a returned handbook): read those whole.
    if (given) sink.restart();
  }
  const whole = new Budget(fileName, claimed);
  let workbook: ExcelJS.Workbook;
  try {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw damaged(fileName);
  }
  for (const worksheet of workbook.worksheets) {
    sink.sheet(worksheet.name);
    const batches = new RowBatches(worksheet.name, whole, sink);
    worksheet.eachRow({ includeEmpty: false }, (row, number) => batches.add(number, rowCells(row)));
    batches.flush();
  }
}

function giveAll(sheets: readonly Sheet[], budget: Budget, sink: SheetSink): void {
  for (const sheet of sheets) {
    sink.sheet(sheet.name);
    const batches = new RowBatches(sheet.name, budget, sink);
    sheet.rows.forEach((row, index) => batches.add(index + 1, row));
    batches.flush();
  }
}

/**
 * One sheet's rows to the sink in batches of consecutive rows. A row the file leaves out starts a
 * new batch rather than being given as a blank one: a stray cell on row 1,048,576 below 1,500
 * rows of data costs one row, not a million.
 */
class RowBatches {
  private batch: Row[] = [];
  private at = 0;

  constructor(
    private readonly sheetName: string,
    private readonly budget: Budget,
    private readonly sink: SheetSink,
  ) {}

  /** Row `number` (1-based); a row numbered out of order, or not at all, follows the one before. */
  add(number: number, cells: Row): void {
    const next = this.at + this.batch.length;
    const index = number - 1 > next ? number - 1 : next;
    if (index >= MAX_SHEET_ROWS) {
      throw refuse(
        `文件“${this.budget.fileName}”的工作表“${this.sheetName}”有第 ${number} 行，超出 Excel 的最大行数（${MAX_SHEET_ROWS} 行），文件可能已损坏。请用 Excel/WPS 打开后重新“另存为” .xlsx 再导入`,
      );
    }
    this.budget.row(cells.length);
    if (index !== next || this.batch.length >= BATCH_ROWS) {
      this.flush();
      this.at = index;
    }
    this.batch.push(cells);
  }

  flush(): void {
    if (this.batch.length > 0) this.sink.rows(this.at, this.batch);
    this.at += this.batch.length;
    this.batch = [];
  }
}

/**
 * exceljs's streaming reader: row by row, without building the whole workbook model (for the
 * city's 21,893-row list ~170 MB instead of ~420 MB, and 10–60 % less time than `xlsx.load`). Styles
 * are read because they tell dates from numbers. Merged cells keep their value in the first cell only.
 * Rows go to the sink in batches as they are read.
 */
async function streamSheets(bytes: Uint8Array, budget: Budget, sink: SheetSink): Promise<void> {
  for await (const worksheet of workbookReader(bytes, budget)) {
    // The reader sets the sheet's name before its rows; exceljs's typings leave it out.
    const { name } = worksheet as unknown as { name: string };
    sink.sheet(name);
    const batches = new RowBatches(name, budget, sink);
    for await (const row of worksheet) batches.add(row.number, rowCells(row));
    batches.flush();
  }
}

/** The row's cells up to its last one with a value (a cell only styled, e.g. on column XFD, adds none). */
function rowCells(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = toCell(cell.value);
  });
  return Array.from(cells, (c) => c ?? null);
}

/** exceljs values → cells: formulas by their cached result, rich text and links by their text. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 10) };
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toCell(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return toCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return null; // error values such as #N/A
}

/**
 * CSV files come from Excel/WPS ("CSV UTF-8" with a BOM, or plain "CSV" in GBK on Chinese
 * Windows) and from other systems (UTF-8 without BOM). Valid UTF-8 is taken as UTF-8. Excel's
 * "Unicode 文本" (.txt) and UTF-16 CSV start with a UTF-16 byte order mark.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // GB18030 is a superset of Windows' GBK: the same two-byte codes plus the four-byte ones
    // for characters GBK lacks (rare names, CJK extensions).
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma- or tab-separated text (Excel's "Unicode 文本" uses tabs): the first line's separator. */
export function parseDelimited(text: string): Cell[][] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const tabs = firstLine.split('\t').length;
  return parseCsv(text, tabs > firstLine.split(',').length ? '\t' : ',');
}

/** RFC 4180: quoted fields with "" escapes and line breaks, CRLF or LF. Cells stay text. */
export function parseCsv(text: string, separator: ',' | '\t' = ','): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
