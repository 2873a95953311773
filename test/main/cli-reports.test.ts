import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets[0]!;
}

// Each call starts its own process (seconds each on a busy machine), hence the long timeouts.
describe('CLI export report and export handbooks', () => {
  it('the 统计表 合计 equals stats --json; every report name exports; bad names and flags are refused', async () => {
    const data = await newDir();
    const out = await newDir();
    expect((await cli('demo', '--scale', 'district', '--data', data)).code).toBe(0);
    expect((await cli('plan', '--year', '2026', '--data', data)).code).toBe(0);
    const stats = JSON.parse((await cli('stats', '--json', '--data', data)).stdout);

    const summary = path.join(out, '统计表.xlsx');
    const run = await cli('export', 'report', 'summary', '--out', summary, '--data', data);
    expect(run).toMatchObject({ code: 0, stdout: `已导出报表：${summary}\n` });
    const sheet = await sheetOf(summary);
    // Two header rows: the group (包保主体（户）) over the column (合计).
    const [groups, labels] = [3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    const header = labels!.map((label, i) => `${String(groups![i])}·${String(label)}`);
    const total = (sheet.getRow(sheet.rowCount - 2).values as unknown[]).slice(1);
    const at = (label: string) => total[header.indexOf(label)];
    expect(total[0]).toBe('合计');
    expect([
      at('包保主体（户）·合计'),
      at('企业（户）·企业数'),
      at('企业（户）·大型企业'),
      at('督导（次）·计划'),
      at('督导（次）·完成'),
    ]).toEqual([
      stats.entities.total,
      stats.entities.enterprises,
      stats.entities.largeEnterprises,
      stats.visits.planned,
      stats.visits.done,
    ]);
    expect([at('食品安全总监·应配备'), at('食品安全总监·已配备')]).toEqual([
      stats.duties.safetyDirector.total,
      stats.duties.safetyDirector.done,
    ]);
    expect(at('包保覆盖（户）·覆盖率')).toBeCloseTo(stats.coverage.assigned / (stats.coverage.assigned + stats.coverage.unassigned), 12);
    expect(stats.visits.planned).toBeGreaterThan(0);

    for (const report of ['assignments', 'visits', 'problems', 'dispatch']) {
      const file = path.join(out, `${report}.xlsx`);
      expect((await cli('export', 'report', report, '--out', file, '--year', '2026', '--data', data)).code).toBe(0);
      expect((await sheetOf(file)).getCell('A1').value).toBeTruthy();
    }
    const columns = path.join(out, 'columns.xlsx');
    expect((await cli('export', 'report', 'visits', '--columns', 'entity,planned', '--out', columns, '--data', data)).code).toBe(0);
    expect((await sheetOf(columns)).getRow(3).values).toEqual([undefined, '主体名称', '计划次数']);

    const unknown = await cli('export', 'report', 'weekly', '--out', path.join(out, 'x.xlsx'), '--data', data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      '请指明报表：summary（包保工作情况统计表）、assignments（包保关系明细表）、visits（督导记录汇总）、problems（问题整改台账）、dispatch（周调度进展表）',
    );
    const badYear = await cli('export', 'report', 'visits', '--year', '27', '--out', path.join(out, 'x.xlsx'), '--data', data);
    expect(badYear.stderr).toContain('--year 应为年度');
  }, 240_000);

  it('export handbooks runs the background job into the folder, never overwrites, and makes a 合订本', async () => {
    const data = await newDir();
    const out = await newDir();
    await cli('demo', '--scale', 'district', '--data', data);
    const doc = JSON.parse(await readFile(path.join(data, 'data.json'), 'utf8')) as { regions: { name: string; code: string }[] };
    const code = doc.regions.find((r) => r.name === '铜川镇')!.code;

    const first = await cli('export', 'handbooks', '--out', out, '--region', code, '--level', 'village', '--data', data);
    expect(first.code).toBe(0);
    const count = Number(/已导出 (\d+) 本工作手册到 /.exec(first.stdout)?.[1]);
    expect(count).toBeGreaterThan(2);
    // Filed as an office files them: a folder per 旗区, in it one per 乡镇.
    const township = path.join(out, '东胜区', '铜川镇');
    expect((await readdir(township)).filter((f) => f.endsWith('.xlsx'))).toHaveLength(count);
    await cli('export', 'handbooks', '--out', out, '--region', code, '--level', 'village', '--data', data);
    const files = (await readdir(township)).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(2 * count);
    expect(files.filter((f) => /-2\.xlsx$/.test(f)).length).toBeGreaterThanOrEqual(count);

    const combined = await cli('export', 'handbooks', '--out', out, '--region', code, '--combined', '--data', data);
    expect(combined.stdout).toMatch(/已生成合订本“东胜区[\\/]东胜区-铜川镇-包保干部工作手册合订本-\d{4}\.xlsx”/);

    const badLevel = await cli('export', 'handbooks', '--out', out, '--level', 'town', '--data', data);
    expect(badLevel.code).toBe(1);
    expect(badLevel.stderr).toContain('--level 应为 city（市级）、county（旗区级）、township（乡镇级）或 village（村级）');
  }, 240_000);
});
