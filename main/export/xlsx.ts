import ExcelJS from 'exceljs';
import { cellText, type Cell } from '@shared/records/cell';
import { writeFileAtomic } from '../storage/atomic-file';

/**
 * Every workbook the app writes goes through here, so every sheet follows SPEC §5: merged
 * title, frozen header repeated on each printed page, borders, A4/A3 fitted to width,
 * "第 N 页 共 M 页" footer, real dates, codes as text, fonts a Chinese Windows PC has.
 */

export interface TableColumn {
  readonly label: string;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  readonly width: number;
  /** 'text' cells get the @ format; 'percent' takes fractions (0.975 shows as 97.5%). */
  readonly format: 'text' | 'date' | 'number' | 'percent';
  /** Kept in the file (e.g. keys for reading a returned copy back) but neither shown nor printed. */
  readonly hidden?: boolean;
  /** The upper header over a run of adjacent columns with the same group; the others' header spans both rows. */
  readonly group?: string;
}

export interface TableSheet {
  /** Made safe for Excel: []:*?/\ and quotes replaced, at most 31 characters, unique. */
  readonly sheetName: string;
  readonly title: string;
  /** A second merged line, e.g. "制表单位：… 制表日期：2027-03-01". */
  readonly subtitle?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** 合计 row, bold, after the data. */
  readonly totalRow?: readonly Cell[];
  /** Background colours (ARGB, e.g. 'FF5B9BD5') per data cell, parallel to `rows`; null = none. */
  readonly fills?: readonly (readonly (string | null)[])[];
  /** A row under the table explaining the colours: each item a coloured cell with its meaning. */
  readonly legend?: readonly { readonly label: string; readonly argb: string }[];
  readonly paper?: 'A4' | 'A3';
  /** Indexes into `rows` after which a printed page ends (e.g. one cadre per page in a 合订本). */
  readonly pageBreaksAfter?: readonly number[];
  /** Defaults to landscape when the columns are wider than a portrait page. */
  readonly orientation?: 'portrait' | 'landscape';
  /** A line under the table (and its legend), e.g. 填报人 and 审核人 to sign. */
  readonly footer?: string;
}

type Format = TableColumn['format'];
type Style = Partial<ExcelJS.Style>;

const FONT_NAME = '宋体';
/** GB2312: tells Excel and WPS this is a Chinese font even where 宋体 is missing. */
const CHARSET_GB2312 = 134;
const MAX_COLUMN_WIDTH = 60;
/** Roughly what fits across portrait A4 at 100 %; wider tables turn the page. */
const PORTRAIT_MAX_WIDTH = 100;
const MAX_CELL_TEXT = 32767;
/** exceljs's PaperSize enum omits A3 (8), hence plain numbers. */
const PAPER_SIZE: Readonly<Record<'A4' | 'A3', number>> = { A4: 9, A3: 8 };
const DATE_FORMAT = 'yyyy-mm-dd';

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function font(size: number, bold: boolean): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, charset: CHARSET_GB2312, size, bold };
}

/**
 * One style object per kind of cell, shared by reference: exceljs caches the style id per
 * object, so 600,000 cells cost a handful of lookups instead of one serialisation each.
 */
interface Styles {
  readonly title: Style;
  readonly subtitle: Style;
  readonly header: Style;
  readonly body: CellStyles;
  readonly total: CellStyles;
}

/** By column format, plus `label` for words in a number or date column, such as 合计 or 无. */
type CellStyles = Readonly<Record<Format | 'label', Style>>;

function makeStyles(): Styles {
  const cells = (bold: boolean): CellStyles => {
    const base = { font: font(10, bold), border: allBorders };
    return {
      text: { ...base, numFmt: '@', alignment: { vertical: 'middle', horizontal: 'left', wrapText: true } },
      date: { ...base, numFmt: DATE_FORMAT, alignment: { vertical: 'middle', horizontal: 'center' } },
      number: { ...base, alignment: { vertical: 'middle', horizontal: 'right' } },
      percent: { ...base, numFmt: '0.0%', alignment: { vertical: 'middle', horizontal: 'right' } },
      label: { ...base, alignment: { vertical: 'middle', horizontal: 'center' } },
    };
  };
  return {
    title: { font: font(16, true), alignment: { vertical: 'middle', horizontal: 'center' } },
    subtitle: { font: font(10, false), alignment: { vertical: 'middle', horizontal: 'left' } },
    header: {
      font: font(10, true),
      border: allBorders,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    },
    body: cells(false),
    total: cells(true),
  };
}

export async function buildWorkbook(sheets: readonly TableSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const styles = makeStyles();
  const usedNames = new Set<string>();
  for (const sheet of sheets) addSheet(workbook, sheet, uniqueSheetName(sheet.sheetName, usedNames), styles);
  // Typed as an ArrayBuffer, but a Node Buffer in Node: Buffer.from copies it (a few MB).
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeWorkbook(file: string, sheets: readonly TableSheet[]): Promise<void> {
  await writeFileAtomic(file, await buildWorkbook(sheets));
}

function addSheet(workbook: ExcelJS.Workbook, sheet: TableSheet, name: string, styles: Styles): void {
  const columnCount = sheet.columns.length;
  if (columnCount === 0) throw new Error(`表格“${sheet.title}”没有任何列，无法导出`);
  const totalWidth = sheet.columns.reduce((sum, column) => sum + columnWidth(column), 0);
  // Grouped columns take two header rows: the group above, the column below.
  const firstHeaderRow = sheet.subtitle === undefined ? 2 : 3;
  const headerRow = sheet.columns.some((column) => column.group) ? firstHeaderRow + 1 : firstHeaderRow;

  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: PAPER_SIZE[sheet.paper ?? 'A4'] as ExcelJS.PaperSize,
      orientation: sheet.orientation ?? (totalWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait'),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // 0 = as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `${firstHeaderRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  ws.columns = sheet.columns.map((column) => ({ width: columnWidth(column), hidden: column.hidden ?? false }));

  mergedLine(ws, 1, sheet.title, columnCount, styles.title).height = 32;
  if (sheet.subtitle !== undefined) mergedLine(ws, 2, sheet.subtitle, columnCount, styles.subtitle).height = 20;

  const header = ws.getRow(headerRow);
  let headerLines = 1;
  sheet.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    const label = cleanText(column.label);
    cell.value = label;
    cell.style = styles.header;
    headerLines = Math.max(headerLines, lineCount(label, columnWidth(column)));
  });
  fitHeight(header, headerLines);
  if (headerRow > firstHeaderRow) addHeaderGroups(ws, sheet.columns, firstHeaderRow, styles.header);

  let rowNumber = headerRow;
  sheet.rows.forEach((cells, i) => writeRow(ws.getRow(++rowNumber), sheet.columns, cells, styles.body, sheet.fills?.[i]));
  if (sheet.totalRow) writeRow(ws.getRow(++rowNumber), sheet.columns, sheet.totalRow, styles.total);
  for (const index of sheet.pageBreaksAfter ?? []) ws.getRow(headerRow + 1 + index).addPageBreak();
  if (sheet.legend) {
    const row = ws.getRow(rowNumber + 2);
    row.getCell(1).value = '图例：';
    row.getCell(1).style = styles.subtitle;
    sheet.legend.forEach((item, i) => {
      const cell = row.getCell(i + 2);
      cell.value = item.label;
      cell.style = { ...styles.body.label, fill: solid(item.argb) };
    });
    rowNumber += 2;
  }
  if (sheet.footer !== undefined) mergedLine(ws, rowNumber + 2, sheet.footer, columnCount, styles.subtitle).height = 24;
}

/**
 * The upper header row over `row + 1`: each run of columns of one group under one merged cell
 * naming it; a column without a group has its own header moved up and merged over both rows.
 */
function addHeaderGroups(ws: ExcelJS.Worksheet, columns: readonly TableColumn[], row: number, style: Style): void {
  const top = ws.getRow(row);
  let lines = 1;
  for (let first = 0; first < columns.length; ) {
    const group = columns[first]?.group;
    let last = first;
    while (group && columns[last + 1]?.group === group) last++;
    if (group) {
      for (let i = first; i <= last; i++) top.getCell(i + 1).style = style;
      if (last > first) ws.mergeCells(row, first + 1, row, last + 1);
      top.getCell(first + 1).value = cleanText(group);
      const width = columns.slice(first, last + 1).reduce((sum, column) => sum + columnWidth(column), 0);
      lines = Math.max(lines, lineCount(group, width));
    } else {
      const below = ws.getRow(row + 1).getCell(first + 1);
      const label = below.value;
      below.value = null;
      ws.mergeCells(row, first + 1, row + 1, first + 1);
      top.getCell(first + 1).value = label;
      top.getCell(first + 1).style = style;
    }
    first = last + 1;
  }
  fitHeight(top, lines);
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function mergedLine(ws: ExcelJS.Worksheet, rowNumber: number, text: string, columnCount: number, style: Style): ExcelJS.Row {
  // A one-column sheet needs no merge; exceljs would write a one-cell one that Excel never does.
  if (columnCount > 1) ws.mergeCells(rowNumber, 1, rowNumber, columnCount);
  const row = ws.getRow(rowNumber);
  const cell = row.getCell(1);
  cell.value = cleanText(text);
  cell.style = style;
  return row;
}

/** Cells beyond the column list are dropped; missing ones still get borders. */
function writeRow(
  row: ExcelJS.Row,
  columns: readonly TableColumn[],
  cells: readonly Cell[],
  styles: CellStyles,
  fills?: readonly (string | null)[],
): void {
  let lines = 1;
  columns.forEach((column, i) => {
    const value = cells[i] ?? null;
    const cell = row.getCell(i + 1);
    const written = excelValue(value, column.format);
    cell.value = written;
    if (written instanceof Date) cell.style = styles.date;
    else if (typeof written === 'string' && column.format !== 'text') cell.style = styles.label;
    else cell.style = styles[column.format];
    const fill = fills?.[i];
    if (fill) cell.style = { ...cell.style, fill: solid(fill) };
    if (column.format === 'text' && typeof written === 'string') lines = Math.max(lines, lineCount(written, columnWidth(column)));
  });
  fitHeight(row, lines);
}

function excelValue(value: Cell, format: Format): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  // A number in a text column is a code that lost its quotes: show every digit.
  if (typeof value === 'number') return format === 'text' ? cellText(value) : value;
  // UTC midnight: exceljs converts with getTime(), so the serial is the calendar day.
  const date = new Date(`${value.date}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value.date : date;
}

/** Points per line of 10pt 宋体 (Excel uses 13.5; the CJK fonts other programs fall back to run taller). */
const LINE_HEIGHT = 14;

/**
 * Not every program grows a row without a stored height to fit its wrapped text (LibreOffice
 * keeps it one line tall and prints the lines over each other), so multi-line rows get one.
 */
function fitHeight(row: ExcelJS.Row, lines: number): void {
  if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
}

/** Excel's column-width unit: one digit of the default font, 7 px; a cell pads 5 px of it. */
const UNIT_PX = 7;
const CELL_PADDING_PX = 5;
/** 宋体 10pt at 96 dpi: Latin glyphs are 6.67 px wide, CJK glyphs twice that. */
const HALF_WIDTH_PX = 20 / 3;

/** Lines wrapped text needs in a column `width` units wide, as Excel would wrap it. */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, (width * UNIT_PX - CELL_PADDING_PX) / HALF_WIDTH_PX);
  if (text.length * 2 <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let halfWidths = 0;
    for (let i = 0; i < paragraph.length; i++) halfWidths += paragraph.charCodeAt(i) > 0xff ? 2 : 1;
    lines += Math.max(1, Math.ceil(halfWidths / perLine));
  }
  return lines;
}

/**
 * Excel "repairs" a file with a cell over 32,767 characters. (Control characters that XML
 * forbids need no care here: exceljs drops them when it escapes text.)
 */
function cleanText(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

function columnWidth(column: TableColumn): number {
  return Math.min(Math.max(column.width, 2), MAX_COLUMN_WIDTH);
}

/**
 * Excel's sheet-name rules, plus: no apostrophes at all, because exceljs writes the print-title
 * reference as '<name>'!$3:$3 without doubling them.
 */
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = cleanText(wanted).replace(/[[\]:*?/\\]/g, '_').replace(/'/g, '’').trim() || 'Sheet';
  const safe = base.toLowerCase() === 'history' ? `${base}_` : base;
  let name = safe.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safe.slice(0, 31 - `(${n})`.length)}(${n})`;
  used.add(name.toLowerCase());
  return name;
}
