import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ApiError } from '@shared/api/result';
import type { Cell } from '@shared/records/cell';
import type { Sheet } from '@shared/records/import-plan';

/** Larger files are almost always the wrong file (or a sheet full of images); 100,000 主体 fit in ~10 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .xls, and also any password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * exceljs's streaming reader turns each decompressed chunk into text on its own, so a Chinese
 * character split between two chunks is read as "��" (exceljs issues #2063, #2084): about one
 * 主体 in 300 of a city list. Its shared strings and sheets are given text decoded across chunk
 * boundaries instead (strings pass through its decoder unchanged).
 */
function decodeStreamedTextWhole(): void {
  type Chunks = AsyncIterable<Uint8Array | string>;
  const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as {
    _parseSharedStrings(this: unknown, entry: { setEncoding(encoding: 'utf8'): void }): unknown;
    _parseWorksheet(this: unknown, chunks: Chunks, sheetNo: string): unknown;
  };
  const { _parseSharedStrings: parseSharedStrings, _parseWorksheet: parseWorksheet } = reader;
  reader._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  reader._parseWorksheet = function (chunks, sheetNo) {
    return parseWorksheet.call(this, utf8Text(chunks), sheetNo);
  };
}
decodeStreamedTextWhole();

async function* utf8Text(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function refuse(message: string): ApiError {
  return new ApiError('invalid-argument', message);
}

type Row = readonly Cell[];

/**
 * Where a file's sheets go as they are read: a sheet starts, then its rows in order, in batches.
 * `restart` means everything given so far is void and the file is given again from the start.
 */
export interface SheetSink {
  sheet(name: string): void;
  rows(rows: readonly Row[]): void;
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
    rows: (rows) => sheets.at(-1)?.rows.push(...rows),
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
  if (ext === '.csv' || ext === '.txt') return giveAll([{ name: path.basename(fileName, ext), rows: parseDelimited(decodeText(bytes)) }], sink);
  if (ext === '.xls') throw refuse(`文件“${fileName}”不是有效的 .xls 文件。请用 Excel/WPS 打开后“另存为” .xlsx 格式再导入`);
  if (ext !== '.xlsx' && ext !== '.xlsm') {
    throw refuse(`不支持“${ext || '无扩展名'}”类型的文件，请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw refuse(`文件“${fileName}”不是有效的 Excel 工作簿（可能是改了扩展名的其他文件）。请用 Excel/WPS 打开确认后另存为 .xlsx`);
  }
  let given = false;
  try {
    const noting: SheetSink = {
      sheet: (name) => ((given = true), sink.sheet(name)),
      rows: (rows) => sink.rows(rows),
      restart: () => sink.restart(),
    };
    return await streamSheets(bytes, noting);
  } catch {
    // The streaming reader cannot read workbooks whose workbook.xml comes after the sheets in
    // the zip (exceljs's own writer puts it there, e.g. a returned handbook): read those whole.
    if (given) sink.restart();
  }
  let sheets: Sheet[];
  try {
    sheets = await loadSheets(bytes);
  } catch {
    throw refuse(`无法读取 Excel 文件“${fileName}”，文件可能已损坏。请用 Excel/WPS 打开后重新“另存为” .xlsx 再导入`);
  }
  giveAll(sheets, sink);
}

function giveAll(sheets: readonly Sheet[], sink: SheetSink): void {
  for (const sheet of sheets) {
    sink.sheet(sheet.name);
    for (let i = 0; i < sheet.rows.length; i += BATCH_ROWS) sink.rows(sheet.rows.slice(i, i + BATCH_ROWS));
  }
}

async function loadSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: Cell[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      rows[number - 1] = rowCells(row);
    });
    return { name: worksheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/**
 * exceljs's streaming reader: row by row, without building the whole workbook model (for the
 * city's 21,893-row list ~170 MB instead of ~420 MB, and 10–60 % less time than `xlsx.load`). Styles
 * are read because they tell dates from numbers. Merged cells keep their value in the first cell only.
 * Rows go to the sink in batches as they are read, empty rows between them as [].
 */
async function streamSheets(bytes: Uint8Array, sink: SheetSink): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    // The reader sets the sheet's name before its rows; exceljs's typings leave it out.
    sink.sheet((worksheet as unknown as { name: string }).name);
    let batch: Row[] = [];
    let given = 0;
    for await (const row of worksheet) {
      for (; given < row.number - 1; given++) batch.push([]);
      batch.push(rowCells(row));
      given++;
      if (batch.length >= BATCH_ROWS) {
        sink.rows(batch);
        batch = [];
      }
    }
    if (batch.length > 0) sink.rows(batch);
  }
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
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
    return iconv.decode(Buffer.from(bytes), 'gbk');
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
