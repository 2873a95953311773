import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell } from '@shared/records/cell';
import { buildWorkbook, writeWorkbook, type TableColumn, type TableSheet } from '../../main/server/export/xlsx';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer-like; a Node Buffer is what it reads in Node.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheetAt(workbook: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[index];
  if (!sheet) throw new Error(`no sheet ${index}`);
  return sheet;
}

const columns: TableColumn[] = [
  { label: '序号', width: 6, format: 'number' },
  { label: '主体名称', width: 30, format: 'text' },
  { label: '统一社会信用代码', width: 22, format: 'text' },
  { label: '村/社区代码', width: 14, format: 'text' },
  { label: '联系电话', width: 14, format: 'text' },
  { label: '包保日期', width: 12, format: 'date' },
  { label: '督导次数', width: 10, format: 'number' },
  { label: '覆盖率', width: 10, format: 'percent' },
  { label: '是否企业', width: 8, format: 'text' },
  { label: '备注', width: 80, format: 'text' },
];

const longText = '该主体为学校食堂，供餐人数约一千二百人，须每日落实食品安全日管控，每周排查，每月调度；'.repeat(3);

const rows: Cell[][] = [
  [1, '鄂尔多斯市蒙亮羊肉馆', '91350100M000100Y43', '150621103201', '13904771234', { date: '2027-03-01' }, 3, 0.975, true, longText],
  [2, '东胜区老街坊便利店\u0007', '911506020000000001', 150602100201, '0477-8581234', { date: '2027-12-31' }, 0, 1, false, null],
];

const sheet: TableSheet = {
  sheetName: '责任清单',
  title: '东胜区包保主体责任清单',
  subtitle: '制表单位：鄂尔多斯市市场监督管理局 制表日期：2027-03-01',
  columns,
  rows,
  totalRow: ['合计', '2 户', null, null, null, null, 3, 0.9875, null, null],
};

describe('buildWorkbook', () => {
  it('writes the title, subtitle and header the docs/domain.md#表格与打印的规则 way', async () => {
    const ws = sheetAt(await readBack(await buildWorkbook([sheet])), 0);
    expect(ws.name).toBe('责任清单');

    const title = ws.getCell('A1');
    expect(title.value).toBe('东胜区包保主体责任清单');
    expect(title.font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(title.alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('J1').isMerged && ws.getCell('J1').master.address).toBe('A1');
    expect(ws.getCell('K1').isMerged).toBe(false);
    expect(ws.getCell('A2').value).toBe(sheet.subtitle);
    expect(ws.getCell('J2').master.address).toBe('A2');

    const header = ws.getRow(3);
    expect(columns.map((_, i) => header.getCell(i + 1).value)).toEqual(columns.map((c) => c.label));
    expect(header.getCell(3).font).toMatchObject({ name: '宋体', bold: true });
    expect(header.getCell(3).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(header.getCell(3).alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(header.getCell(3).border.bottom?.style).toBe('thin');
  });

  it('freezes the header, repeats it on every page and fits the page width', async () => {
    const ws = sheetAt(await readBack(await buildWorkbook([sheet])), 0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({
      printTitlesRow: '3:3',
      paperSize: 9,
      orientation: 'landscape', // 176 characters of columns
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('keeps codes as text, dates as real dates and numbers as numbers', async () => {
    const ws = sheetAt(await readBack(await buildWorkbook([sheet])), 0);
    const [first, second] = [ws.getRow(4), ws.getRow(5)];

    for (const [cell, text] of [
      [first.getCell(3), '91350100M000100Y43'],
      [first.getCell(4), '150621103201'],
      [first.getCell(5), '13904771234'],
      [second.getCell(3), '911506020000000001'],
      [second.getCell(4), '150602100201'], // a number in a text column
    ] as const) {
      expect(cell.value).toBe(text);
      expect(cell.numFmt).toBe('@');
    }

    expect(first.getCell(6).value).toEqual(new Date('2027-03-01T00:00:00Z'));
    expect(second.getCell(6).value).toEqual(new Date('2027-12-31T00:00:00Z'));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd');

    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(7).value).toBe(3);
    expect(first.getCell(8).value).toBe(0.975);
    expect(first.getCell(8).numFmt).toBe('0.0%');
    expect([first.getCell(9).value, second.getCell(9).value]).toEqual(['是', '否']);
    expect(second.getCell(2).value).toBe('东胜区老街坊便利店'); // the control character would corrupt the XML
    expect(first.getCell(10).value).toBe(longText);
    expect(second.getCell(10).value).toBeNull();
  });

  it('borders every data cell, wraps long text and sets the column widths', async () => {
    const ws = sheetAt(await readBack(await buildWorkbook([sheet])), 0);
    for (let row = 4; row <= 6; row++) {
      for (let col = 1; col <= columns.length; col++) {
        const border = ws.getRow(row).getCell(col).border;
        expect([border.top?.style, border.left?.style, border.bottom?.style, border.right?.style]).toEqual([
          'thin',
          'thin',
          'thin',
          'thin',
        ]);
      }
    }
    const long = ws.getRow(4).getCell(10);
    expect(long.font).toMatchObject({ name: '宋体', size: 10 });
    expect(long.alignment).toMatchObject({ vertical: 'middle', wrapText: true });
    expect(ws.getRow(4).height).toBeGreaterThan(40); // three lines of 备注
    expect(columns.map((_, i) => ws.getColumn(i + 1).width)).toEqual([6, 30, 22, 14, 14, 12, 10, 10, 8, 60]);
  });

  it('adds the 合计 row in bold after the data', async () => {
    const ws = sheetAt(await readBack(await buildWorkbook([sheet])), 0);
    const total = ws.getRow(6);
    expect(ws.rowCount).toBe(6);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(1).alignment).toMatchObject({ horizontal: 'center' });
    expect(total.getCell(7).value).toBe(3);
    expect(total.getCell(8).numFmt).toBe('0.0%');
    expect(total.getCell(8).font).toMatchObject({ bold: true });
  });

  it('handles narrow, A3 and awkwardly named sheets', async () => {
    const narrow: TableSheet = {
      sheetName: 'a/b:c*?[x]',
      title: '单列',
      columns: [{ label: '名称', width: 20, format: 'text' }],
      rows: [['甲']],
    };
    const workbook = await readBack(
      await buildWorkbook([
        narrow,
        { ...narrow, sheetName: 'A/B:C*?[X]' },
        { ...sheet, sheetName: '鄂尔多斯市2027年第一季度包保主体责任清单（东胜区交通街道）——汇总表', paper: 'A3', orientation: 'portrait' },
      ]),
    );
    const [one, two, three] = [0, 1, 2].map((i) => sheetAt(workbook, i));
    expect([one?.name, two?.name, three?.name]).toEqual([
      'a_b_c___x_',
      'A_B_C___X_(2)',
      '鄂尔多斯市2027年第一季度包保主体责任清单（东胜区交通街道）',
    ]);
    expect(one?.getCell('A1').value).toBe('单列');
    expect(one?.getCell('A1').isMerged).toBe(false);
    expect(one?.getCell('A2').value).toBe('名称');
    expect(one?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(one?.pageSetup).toMatchObject({ printTitlesRow: '2:2', paperSize: 9, orientation: 'portrait' });
    expect(three?.pageSetup).toMatchObject({ paperSize: 8, orientation: 'portrait' });
  });

  it('builds the 21,893 × 30 city table', async () => {
    const wide: TableColumn[] = Array.from({ length: 30 }, (_, i) => ({
      label: `第${i + 1}列`,
      width: 12,
      format: (['text', 'text', 'date', 'number', 'percent'] as const)[i % 5] ?? 'text',
    }));
    const many: Cell[][] = Array.from({ length: 21_893 }, (_, r) =>
      wide.map((column, c): Cell => {
        if (column.format === 'date') return { date: '2027-03-01' };
        if (column.format === 'number') return r;
        if (column.format === 'percent') return 0.5;
        return c % 2 === 0 ? `某某餐饮店第${r}号` : `91150602MA${String(r).padStart(7, '0')}X`;
      }),
    );
    const bytes = await buildWorkbook([{ sheetName: '主体', title: '包保主体清单', columns: wide, rows: many }]);
    const ws = sheetAt(await readBack(bytes), 0);
    expect(ws.rowCount).toBe(2 + 21_893);
    expect(ws.getRow(2 + 21_893).getCell(2).value).toBe('91150602MA0021892X');
  });
});

describe('writeWorkbook', () => {
  it('writes the workbook to the file', async () => {
    const file = path.join(await newDir(), '导出', '责任清单.xlsx');
    await writeWorkbook(file, [sheet]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(sheetAt(workbook, 0).getCell('A1').value).toBe('东胜区包保主体责任清单');
  });
});
