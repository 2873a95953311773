import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function workbook(contentBase64: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return book;
}

describe('包保干部工作手册', () => {
  it('carries the 三单一书 and a record form that imports back exactly once', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-05-20T08:00:00Z') });
    await store.replace(smallDoc());
    await handlers['visits:plan']({ year: 2027 });
    const file = await handlers['handbook:export']({ cadreId: 'c1' });
    expect(file.fileName).toBe('达拉特旗-昭君镇-张伟-包保干部工作手册-2027.xlsx');
    const book = await workbook(file.contentBase64);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '封面',
      '工作职责',
      '责任清单',
      '任务清单',
      '督查清单',
      '督导检查要点',
      '督导计划',
      '督导记录表',
      '承诺书',
      '联系方式',
    ]);
    for (const sheet of book.worksheets) {
      if (sheet.name === '封面' || sheet.name === '承诺书') {
        // Set as paper: one page, no grid, no frozen pane.
        expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 1 });
        expect(sheet.views).toEqual([expect.objectContaining({ state: 'normal', showGridLines: false })]);
      } else {
        expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
        expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      }
    }
    const duty = book.getWorksheet('责任清单');
    expect(duty?.getRow(4).getCell(2).value).toBe('内蒙古食用油有限公司');
    expect(String(duty?.getRow(4).getCell(8).value)).toContain('高峰');
    // The planned months with one 月, so four visits stay on one line of the narrow column.
    expect(String(duty?.getRow(4).getCell(9).value)).toMatch(/^\d{1,2}(、\d{1,2})*月$/);
    expect(String(book.getWorksheet('承诺书')?.getRow(2).getCell(1).value)).toContain('本人张伟');

    // The clerk fills the first planned visit of the returned copy.
    const form = book.getWorksheet('督导记录表');
    if (!form) throw new Error('no form');
    expect(form.getColumn(1).hidden).toBe(true);
    const row = form.getRow(4);
    const visitId = String(row.getCell(1).value);
    row.getCell(4).value = new Date(Date.UTC(2027, 1, 10));
    row.getCell(5).value = '不符合';
    row.getCell(6).value = '晨检记录不全';
    row.getCell(7).value = '2027年3月10日';
    const filled = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');

    const first = await handlers['handbook:import']({ fileName: '张伟-交回.xlsx', contentBase64: filled });
    expect(first).toMatchObject({ recorded: 1, unchanged: 0, rejected: [] });
    const visits = await handlers['visits:list']({ year: 2027, cadreId: 'c1', entityId: '' });
    expect(visits.find((v) => v.id === visitId)).toMatchObject({ doneDate: '2027-02-10', problems: 1, openProblems: 1 });
    const second = await handlers['handbook:import']({ fileName: '张伟-交回.xlsx', contentBase64: filled });
    expect(second).toMatchObject({ recorded: 0, unchanged: 1 });
    expect((await handlers['visits:openProblems']({})).filter((p) => p.visitId === visitId)).toHaveLength(1);

    // The problem is 交办; a copy with a corrected 整改期限 read again keeps the step (the sheet only says what was found).
    const [found] = (await handlers['problems:list']({})).filter((p) => p.visitId === visitId);
    await handlers['problems:step']({ visitId, problemId: found!.problem.id, step: '交办', on: '2027-02-11', note: '' });
    row.getCell(7).value = '2027年3月15日';
    const corrected = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    expect(await handlers['handbook:import']({ fileName: '张伟-交回.xlsx', contentBase64: corrected })).toMatchObject({ recorded: 1 });
    expect(
      (await handlers['problems:list']({})).filter((p) => p.visitId === visitId).map((p) => [p.problem.id, p.problem.deadline, p.stage]),
    ).toEqual([[found!.problem.id, '2027-03-15', '待整改']]);
  });

  it('merges the groups, checks what the clerk fills in, and is set in a Chinese font without error triangles', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-05-20T08:00:00Z') });
    await store.replace(smallDoc());
    await handlers['visits:plan']({ year: 2027 });
    const { contentBase64 } = await handlers['handbook:export']({ cadreId: 'c1' });
    const book = await workbook(contentBase64);

    // 干什么 / 如何干 and the 工作板块 each one cell down their rows.
    const merges = (name: string): string[] =>
      (book.getWorksheet(name)?.model.merges ?? []).filter((range) => !range.startsWith('A1:') && !range.startsWith('A2:'));
    expect(merges('工作职责')).toEqual(['A4:A8', 'A9:A13']);
    expect(merges('任务清单')).toEqual(['A4:A6', 'A7:A9', 'A10:A12', 'A13:A15']);

    // The returned 督导记录表 is read back: 检查结果 from a drop-down, dates as dates, on every row and some spare ones.
    const form = book.getWorksheet('督导记录表');
    const formRows = (form?.rowCount ?? 0) - 3;
    expect(formRows).toBeGreaterThan(0);
    for (const row of [4, 3 + formRows, 3 + formRows + 5]) {
      expect(form?.getCell(`E${row}`).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"符合,不符合,不适用"'],
        showErrorMessage: true,
      });
      expect(form?.getCell(`D${row}`).dataValidation).toMatchObject({ type: 'date', showErrorMessage: true });
      expect(form?.getCell(`G${row}`).dataValidation).toMatchObject({ type: 'date', showErrorMessage: true });
    }
    expect(form?.getCell('F4').dataValidation).toBeUndefined();

    // Dates in documents as 2027年5月20日.
    const coverText = book.getWorksheet('封面')?.getColumn(1).values.map(String).join('|');
    expect(coverText).toContain('2027年5月20日');

    const zip = await JSZip.loadAsync(Buffer.from(contentBase64, 'base64'));
    const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
    expect(/<fonts[^>]*><font>(.*?)<\/font>/.exec(styles)?.[1]).toContain('<name val="宋体"/>');
    expect(styles).not.toContain('Calibri');
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(10);
    for (const name of sheets) {
      expect(await zip.file(name)?.async('string')).toMatch(
        /<ignoredErrors><ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"\/><\/ignoredErrors><\/worksheet>$/,
      );
    }
  });

  it('reports edited keys and files without the form', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-05-20T08:00:00Z') });
    await store.replace(smallDoc());
    await handlers['visits:plan']({ year: 2027 });
    const book = await workbook((await handlers['handbook:export']({ cadreId: 'c1' })).contentBase64);
    const row = book.getWorksheet('督导记录表')?.getRow(4);
    if (!row) throw new Error('no form row');
    row.getCell(1).value = 'V-被改动';
    row.getCell(4).value = '2027-02-10';
    const result = await handlers['handbook:import']({
      fileName: 'x.xlsx',
      contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    });
    expect(result.rejected).toEqual([
      expect.objectContaining({ row: 4, reason: expect.stringContaining('记录编号“V-被改动”不在本系统的督导计划中') }),
    ]);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['别的表']);
    const refused = await dispatch(handlers, 'handbook:import', {
      fileName: 'y.xlsx',
      contentBase64: Buffer.from(await other.xlsx.writeBuffer()).toString('base64'),
    });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有“督导记录表”工作表') } });
  });
});
