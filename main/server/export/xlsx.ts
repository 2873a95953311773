import type ExcelJS from 'exceljs';
import { cellText, type Cell } from '@shared/records/cell';
import { writeFileAtomic } from '../storage/atomic-file';

/**
 * Every workbook the app writes goes through here, so every sheet follows docs/domain.md#表格与打印的规则: merged
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
  /**
   * Filled in by hand on a form that is read back: Excel offers `choices` as a drop-down and
   * refuses anything else; a date column without choices refuses what is not a date.
   */
  readonly entry?: boolean;
  readonly choices?: readonly string[];
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
  /**
   * How the sheet is set: a table (the default); a cover (title lines, then `rows` as label and
   * value, then `subtitle` at the foot); a document in 公文 style (`rows` are its paragraphs,
   * `closing` the lines signed under them). Covers and documents have no grid and fit one page.
   */
  readonly layout?: 'table' | 'cover' | 'document';
  /** A document's lines under the text with room to sign by hand (承诺人（签字）, 日期). */
  readonly closing?: readonly string[];
  /** Columns (indexes) whose blank cells continue the one above: merged down over the group. */
  readonly mergeDown?: readonly number[];
  /** Printed at the top left of every page of a table, e.g. whose pages these are in a 合订本. */
  readonly pageHeader?: string;
  /** Points every data row is at least tall: room to write in on a form filled by hand. */
  readonly minRowHeight?: number;
  /** Page breaks placed here, not left to the printer: no page ends up holding a table's last row alone. */
  readonly planPages?: boolean;
  /** A line under the table (and its legend), e.g. 填报人 and 审核人 to sign. */
  readonly footer?: string;
}

type Format = TableColumn['format'];
type Style = Partial<ExcelJS.Style>;

const FONT_NAME = '宋体';
/** 公文 faces (GB/T 9704): 仿宋 body, 黑体 title (小标宋 is not on every PC). */
const BODY_FONT = '仿宋';
const TITLE_FONT = '黑体';
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

function font(size: number, bold: boolean, name = FONT_NAME): Partial<ExcelJS.Font> {
  return { name, charset: CHARSET_GB2312, size, bold };
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
  // Loaded when a workbook is first made: exceljs is half a CPU second of every start of the app,
  // the CLI and the web harness, most of which never make one.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const styles = makeStyles();
  const usedNames = new Set<string>();
  for (const sheet of sheets) {
    const name = uniqueSheetName(sheet.sheetName, usedNames);
    if (sheet.layout === 'cover') addCover(workbook, sheet, name);
    else if (sheet.layout === 'document') addDocument(workbook, sheet, name);
    else addSheet(workbook, sheet, name, styles);
  }
  writeWhatExceljsCannot(workbook);
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
  if (sheet.pageHeader) ws.headerFooter.oddHeader = `&L${headerFooterText(sheet.pageHeader)}&R${headerFooterText(sheet.title)}`;
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
  sheet.rows.forEach((cells, i) => {
    const row = ws.getRow(++rowNumber);
    writeRow(row, sheet.columns, cells, styles.body, sheet.fills?.[i]);
    // Planned pages need every row's height known: a row without one is as tall as a program likes.
    const least = sheet.minRowHeight ?? (sheet.planPages ? DEFAULT_ROW_PT : 0);
    if (least) row.height = Math.max(row.height ?? 0, least);
  });
  if (sheet.planPages) planPageBreaks(ws, sheet.columns, ws.pageSetup, firstHeaderRow, headerRow, rowNumber);
  for (const column of sheet.mergeDown ?? []) mergeGroups(ws, column + 1, headerRow + 1, rowNumber);
  addEntryChecks(ws, sheet.columns, headerRow + 1, rowNumber + SPARE_ENTRY_ROWS);
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
  for (let first = 0; first < columns.length;) {
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

/** Merges each run of blank cells in `column` into the filled cell above it (a group's name). */
function mergeGroups(ws: ExcelJS.Worksheet, column: number, first: number, last: number): void {
  const blank = (row: number): boolean => {
    const value = ws.getRow(row).getCell(column).value;
    return value === null || value === '';
  };
  for (let head = first; head <= last;) {
    let end = head;
    while (end < last && blank(end + 1)) end++;
    if (end > head && !blank(head)) {
      ws.mergeCells(head, column, end, column);
      const cell = ws.getRow(head).getCell(column);
      cell.style = { ...cell.style, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } };
    }
    head = end + 1;
  }
}

/** A row's height where none is stored: Excel's for 宋体 11 is 14.25 pt, LibreOffice's less. */
const DEFAULT_ROW_PT = 15;
const PAPER_PT: Readonly<Record<'A4' | 'A3', { readonly width: number; readonly height: number }>> = {
  A4: { width: 595, height: 842 },
  A3: { width: 842, height: 1191 },
};

/**
 * Breaks the data rows `headerRow + 1`..`lastRow` into pages the way a printer fitting the sheet
 * to the page's width would, but never leaving the last row alone on a page: the row before it
 * goes over with it. Pages are filled to what they hold at the largest scale a program prints
 * them (the narrowest column unit), so no program needs a break of its own before ours.
 */
function planPageBreaks(
  ws: ExcelJS.Worksheet,
  columns: readonly TableColumn[],
  setup: Partial<ExcelJS.PageSetup>,
  firstHeaderRow: number,
  headerRow: number,
  lastRow: number,
): void {
  const paper = setup.paperSize === PAPER_SIZE.A3 ? PAPER_PT.A3 : PAPER_PT.A4;
  const [across, down] = setup.orientation === 'landscape' ? [paper.height, paper.width] : [paper.width, paper.height];
  const margins = setup.margins ?? { left: 0, right: 0, top: 0, bottom: 0 };
  const sheetWidth = columns
    .filter((c) => !c.hidden)
    .reduce((sum, c) => sum + (columnWidth(c) * DIGIT_PX.narrowest + CELL_PADDING_PX) * POINTS_PER_PX, 0);
  const scale = Math.min(1, (across - (margins.left + margins.right) * PT_PER_INCH) / sheetWidth);
  const pageHeight = (down - (margins.top + margins.bottom) * PT_PER_INCH) / scale;
  const height = (row: number): number => ws.getRow(row).height ?? DEFAULT_ROW_PT;
  let repeated = 0;
  for (let row = firstHeaderRow; row <= headerRow; row++) repeated += height(row);
  let room = pageHeight;
  for (let row = 1; row <= headerRow; row++) room -= height(row);
  const pageStarts: number[] = [];
  let start = headerRow + 1;
  for (let row = headerRow + 1; row <= lastRow; row++) {
    if (height(row) > room && row > start) {
      pageStarts.push(row);
      start = row;
      room = pageHeight - repeated;
    }
    room -= height(row);
  }
  const last = pageStarts.length - 1;
  const previousStart = pageStarts[last - 1] ?? headerRow + 1;
  if (pageStarts[last] === lastRow && lastRow - 1 > previousStart) pageStarts[last] = lastRow - 1;
  for (const row of pageStarts) ws.getRow(row - 1).addPageBreak();
}

/** Rows under a form's data that get its checks too, should the clerk add a line or two. */
const SPARE_ENTRY_ROWS = 20;

/** Drop-downs and date checks on the cells a form's reader fills by hand, rows `first`..`last`. */
function addEntryChecks(ws: ExcelJS.Worksheet, columns: readonly TableColumn[], first: number, last: number): void {
  columns.forEach((column, i) => {
    if (!column.entry) return;
    const label = cleanText(column.label);
    const check: ExcelJS.DataValidation | null = column.choices
      ? {
          type: 'list',
          allowBlank: true,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: `${label}填写有误`,
          error: `“${label}”请从下拉列表中选择：${column.choices.join('、')}`,
        }
      : column.format === 'date'
        ? {
            type: 'date',
            operator: 'between',
            allowBlank: true,
            formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
            showErrorMessage: true,
            errorTitle: `${label}填写有误`,
            error: `“${label}”请填写日期，例如 2026-12-05`,
          }
        : null;
    const letter = ws.getColumn(i + 1).letter;
    // One range per column (exceljs merges cell-by-cell ones into overlapping ranges); its typings omit `dataValidations`.
    if (check)
      (ws as unknown as { dataValidations: { add(range: string, check: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}${first}:${letter}${last}`,
        check,
      );
  });
}

/** & starts a code in Excel's header and footer text: doubled, it prints itself. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Half-width units of text (a Han character or full-width mark is two). */
function halfWidths(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += text.charCodeAt(i) > 0xff ? 2 : 1;
  return units;
}

/**
 * Pixels (96 dpi) in a column-width unit, the default font's digit: 8 for 宋体 11 in Excel and
 * WPS, up to 9⅓ where 宋体 is missing (LibreOffice falls back to DejaVu Sans). A page set as
 * paper must fit across at the widest and hold its lines at the narrowest, as no program scales it.
 */
const DIGIT_PX = { narrowest: 8, widest: 28 / 3 } as const;
const POINTS_PER_PX = 72 / 96;
/** Left and right padding a cell keeps around its text, in points. */
const TEXT_PADDING_PT = 4;

/** Widest column (in units) whose `columns` together fit `printablePt` points wherever printed. */
function unitsAcross(printablePt: number, columns: number): number {
  return Math.floor((printablePt / POINTS_PER_PX - columns * CELL_PADDING_PX) / DIGIT_PX.widest);
}

/** Points of text that always fit in a column `width` units wide. */
function textPtWithin(width: number): number {
  return (width * DIGIT_PX.narrowest + CELL_PADDING_PX) * POINTS_PER_PX - TEXT_PADDING_PT;
}

/** Punctuation a line may not start with (禁则): it stays at the end of the line before. */
const NO_LINE_START = /^[，。、；：！？”’）》」』…—·％%,.;:!?)]$/u;

/**
 * `text` broken into lines of at most `perLine` Han characters (two Latin letters or digits to
 * one): set line by line, a page looks the same in every program, whatever wraps a cell would.
 */
function breakLines(text: string, perLine: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const char of paragraph) {
      if (line !== '' && halfWidths(line + char) > perLine * 2 && !NO_LINE_START.test(char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A page set as paper, not a table: no grid lines, no frozen panes, one page whatever the printer.
 * No page header either (it would shrink the page to fit): a cover or document names its cadre itself.
 */
function paperSheet(workbook: ExcelJS.Workbook, name: string, margins: ExcelJS.Margins): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: PAPER_SIZE.A4 as ExcelJS.PaperSize,
      orientation: 'portrait',
      // One page; a cover or document is laid out to fill less, so this never has to shrink it.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins,
    },
  });
  return ws;
}

/** One line of text in a row `height` points tall, merged across `columns` columns. */
function paperLine(ws: ExcelJS.Worksheet, rowNumber: number, text: string, columns: number, style: Style, height: number): void {
  mergedLine(ws, rowNumber, text, columns, style).height = height;
}

const PT_PER_INCH = 72;
const COVER_TITLE_PT = 26; // 一号
const PAPER_TEXT_PT = 16; // 三号
const DOCUMENT_TITLE_PT = 22; // 二号
/** GB/T 9704: 3号 text on lines 28.9 pt apart (22 to a page). */
const PAPER_LINE_PT = 29;

function paperStyle(size: number, horizontal: 'left' | 'center', face: string, bold = false): Style {
  return { font: font(size, bold, face), alignment: { vertical: 'middle', horizontal } };
}

/** 封面: the title large on whole lines, whose handbook it is, and who printed it when. */
function addCover(workbook: ExcelJS.Workbook, sheet: TableSheet, name: string): void {
  const margins = { left: 0.9, right: 0.9, top: 1, bottom: 1, header: 0.4, footer: 0.4 };
  const ws = paperSheet(workbook, name, margins);
  // Label and value columns together across the page; the labels (four characters) end a third of the way.
  const across = unitsAcross(PAPER_PT.A4.width - (margins.left + margins.right) * PT_PER_INCH, 2);
  const widths = [Math.floor(across / 3), across - Math.floor(across / 3)] as const;
  ws.columns = widths.map((width) => ({ width }));
  const acrossPt = textPtWithin(widths[0]) + textPtWithin(widths[1]);
  const valueChars = Math.floor(textPtWithin(widths[1]) / PAPER_TEXT_PT);
  const titleLines = sheet.title.split('\n').flatMap((line) => evenLines(line, Math.floor(acrossPt / COVER_TITLE_PT)));
  const title = paperStyle(COVER_TITLE_PT, 'center', TITLE_FONT, true);
  let row = 1;
  ws.getRow(row++).height = 100;
  for (const line of titleLines) paperLine(ws, row++, line, 2, title, COVER_TITLE_PT * 1.7);
  ws.getRow(row++).height = 120;
  for (const [label, value] of sheet.rows) {
    evenLines(cellText(value ?? null), valueChars).forEach((line, i) => {
      const r = ws.getRow(row++);
      r.getCell(1).value = i === 0 ? `${cellText(label ?? null)}：` : null;
      r.getCell(1).style = { ...paperStyle(PAPER_TEXT_PT, 'left', BODY_FONT), alignment: { vertical: 'middle', horizontal: 'right' } };
      r.getCell(2).value = cleanText(line);
      r.getCell(2).style = paperStyle(PAPER_TEXT_PT, 'left', BODY_FONT);
      r.height = PAPER_LINE_PT + 6;
    });
  }
  // 编印单位 and date at the foot of the page.
  const footLines = (sheet.subtitle ?? '').split('\n');
  const printable = PAPER_PT.A4.height - (margins.top + margins.bottom) * PT_PER_INCH;
  let used = 0;
  for (let r = 1; r < row; r++) used += ws.getRow(r).height ?? 15;
  ws.getRow(row++).height = Math.max(PAPER_LINE_PT, printable - used - footLines.length * (PAPER_LINE_PT + 6) - 60);
  for (const line of footLines) paperLine(ws, row++, line, 2, paperStyle(PAPER_TEXT_PT, 'center', BODY_FONT), PAPER_LINE_PT + 6);
}

/** A title line too long for the page, cut into lines of even length (not one long and a stub). */
function evenLines(line: string, perLine: number): string[] {
  const parts = Math.ceil(halfWidths(line) / (perLine * 2));
  if (parts <= 1) return [line];
  const chars = [...line];
  const size = Math.ceil(chars.length / parts);
  return Array.from({ length: parts }, (_, i) => chars.slice(i * size, (i + 1) * size).join(''));
}

/**
 * A document in 公文 style (GB/T 9704: its margins, 3号 仿宋 text on 29 pt lines, 2号 title),
 * one page, line by line, each paragraph indented two characters; then the `closing` lines on
 * the right, each with two lines' room above it to sign or date by hand.
 */
function addDocument(workbook: ExcelJS.Workbook, sheet: TableSheet, name: string): void {
  // 37 mm top, 28 left, 26 right, 35 bottom, in inches.
  const margins = { top: 1.46, left: 1.1, right: 1.02, bottom: 1.38, header: 0.6, footer: 0.6 };
  const ws = paperSheet(workbook, name, margins);
  // The signature lines start 30 % across and must fit the rest (16 characters): text past the last
  // column would widen what is printed, and the page would shrink to fit it.
  const across = unitsAcross(PAPER_PT.A4.width - (margins.left + margins.right) * PT_PER_INCH, 2);
  const widths = [Math.floor(across * 0.3), across - Math.floor(across * 0.3)] as const;
  ws.columns = widths.map((width) => ({ width }));
  // One character short of full: a closing mark kept at a line's end (禁则) still fits.
  const perLine = Math.floor((textPtWithin(widths[0]) + textPtWithin(widths[1])) / PAPER_TEXT_PT) - 1;
  const body = paperStyle(PAPER_TEXT_PT, 'left', BODY_FONT);
  let row = 1;
  for (const line of breakLines(sheet.title, Math.floor((perLine * PAPER_TEXT_PT) / DOCUMENT_TITLE_PT))) {
    paperLine(ws, row++, line, 2, paperStyle(DOCUMENT_TITLE_PT, 'center', TITLE_FONT), PAPER_LINE_PT * 2);
  }
  for (const cells of sheet.rows) {
    for (const line of breakLines(`　　${cellText(cells[0] ?? null)}`, perLine)) paperLine(ws, row++, line, 2, body, PAPER_LINE_PT);
  }
  for (const line of sheet.closing ?? []) {
    const r = ws.getRow(row++);
    r.getCell(2).value = cleanText(line);
    r.getCell(2).style = { ...body, alignment: { vertical: 'bottom', horizontal: 'left' } };
    r.height = PAPER_LINE_PT * 3;
  }
}

/** Where a number is kept as text (codes, phones) on purpose: Excel is told not to flag it. */
const IGNORED_ERRORS = '<ignoredErrors><ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/></ignoredErrors>';
/** The workbook's default font (empty cells, Excel's column-width unit): 宋体 11, not Calibri. */
const DEFAULT_FONT = `<font><sz val="11"/><name val="${FONT_NAME}"/><family val="3"/><charset val="${CHARSET_GB2312}"/></font>`;

interface ZipWriter {
  append(data: unknown, options: { name: string }): void;
}

/**
 * exceljs 4.4 writes neither <ignoredErrors> nor a default font of our choosing (styles.xml's
 * first font is always Calibri). This workbook's writer gets both into the XML as it is zipped:
 * <ignoredErrors> at the end of each sheet (valid there: these sheets have no drawing, table
 * or extension list, which would come after it), the default font in place of Calibri's.
 */
function writeWhatExceljsCannot(workbook: ExcelJS.Workbook): void {
  type Adder = (zip: ZipWriter, model: unknown) => Promise<void>;
  const writer = workbook.xlsx as unknown as { addWorksheets: Adder; addStyles: Adder };
  const editing = (add: Adder, edit: (name: string, xml: string) => string): Adder => {
    return (zip, model) =>
      add({ append: (data, options) => zip.append(typeof data === 'string' ? edit(options.name, data) : data, options) }, model);
  };
  writer.addWorksheets = editing(writer.addWorksheets.bind(writer), (name, xml) => {
    const end = xml.lastIndexOf('</worksheet>');
    return /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && end >= 0 ? `${xml.slice(0, end)}${IGNORED_ERRORS}${xml.slice(end)}` : xml;
  });
  writer.addStyles = editing(writer.addStyles.bind(writer), (_name, xml) => xml.replace(/<font>.*?<\/font>/, DEFAULT_FONT));
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
    if (column.format === 'text' && typeof written === 'string' && !column.hidden)
      lines = Math.max(lines, lineCount(written, columnWidth(column)));
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
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(halfWidths(paragraph) / perLine));
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
  const base =
    cleanText(wanted)
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/'/g, '’')
      .trim() || 'Sheet';
  const safe = base.toLowerCase() === 'history' ? `${base}_` : base;
  let name = safe.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safe.slice(0, 31 - `(${n})`.length)}(${n})`;
  used.add(name.toLowerCase());
  return name;
}
