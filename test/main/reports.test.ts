import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/services';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function workbookOf(contentBase64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('上报 reports', () => {
  it('the 统计表 has one row per 乡镇 of the 旗区 and a 合计 equal to stats', async () => {
    const { handlers } = await openServices(await newDir(), { now: () => new Date('2027-03-01T08:00:00Z') });
    await handlers['app:loadDemo']({ scale: 'district', seed: 2 });
    const stats = await handlers['stats:get']({ regionId: '' });
    const file = await handlers['report:export']({ report: 'summary', regionId: '' });
    expect(file.fileName).toBe('包保工作情况统计表-2027-03-01.xlsx');
    const sheet = await workbookOf(file.contentBase64);
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain('食品安全包保工作情况统计表（2027年度）');
    const header = values(3);
    expect(header.slice(0, 6)).toEqual(['旗区', '市级干部', '旗区级干部', '乡镇级干部', '村级干部', '包保主体']);
    const total = values(sheet.rowCount);
    const at = (label: string) => total[header.indexOf(label)];
    expect(total[0]).toBe('合计');
    expect(at('包保主体')).toBe(stats.entities.total);
    expect(at('A级')).toBe(stats.entities.byGrade.A);
    expect(at('企业数')).toBe(stats.entities.enterprises);
    expect(at('应配总监')).toBe(stats.duties.safetyDirector.total);
    expect(at('日管控周排查月调度')).toBeCloseTo(stats.duties.dailyWeeklyMonthly.done / stats.duties.dailyWeeklyMonthly.total, 10);
    expect(at('包保覆盖率')).toBeCloseTo(stats.coverage.assigned / (stats.coverage.assigned + stats.coverage.unassigned), 10);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
  });

  it('the 包保关系明细表 lists every current assignment of the scope', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-01T08:00:00Z') });
    await handlers['app:loadDemo']({ scale: 'district', seed: 2 });
    const sheet = await workbookOf((await handlers['report:export']({ report: 'assignments', regionId: '' })).contentBase64);
    const current = store.read()?.assignments.filter((a) => a.end === '') ?? [];
    expect(sheet.rowCount - 3).toBe(current.length);
    const names = new Set(store.read()?.entities.filter((e) => current.some((a) => a.entityId === e.id)).map((e) => e.name));
    expect(names.has(String(sheet.getRow(4).getCell(1).value))).toBe(true);
  });
});
