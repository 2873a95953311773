import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { openServices } from '../../main/services';
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
    expect(book.worksheets.map((s) => s.name)).toEqual(['封面', '工作职责', '责任清单', '任务清单', '督查清单', '督导计划', '督导记录表', '承诺书', '联系方式']);
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    }
    const duty = book.getWorksheet('责任清单');
    expect(duty?.getRow(4).getCell(2).value).toBe('内蒙古食用油有限公司');
    expect(String(duty?.getRow(4).getCell(8).value)).toContain('高峰');
    expect(String(book.getWorksheet('承诺书')?.getRow(4).getCell(1).value)).toContain('本人张伟');

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
    const result = await handlers['handbook:import']({ fileName: 'x.xlsx', contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') });
    expect(result.rejected).toEqual([expect.objectContaining({ row: 4, reason: expect.stringContaining('记录编号“V-被改动”不在本系统的督导计划中') })]);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['别的表']);
    const refused = await dispatch(handlers, 'handbook:import', { fileName: 'y.xlsx', contentBase64: Buffer.from(await other.xlsx.writeBuffer()).toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有“督导记录表”工作表') } });
  });
});
