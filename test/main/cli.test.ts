import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, cliProcess, type CliRun } from './run-cli';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** Exit 1 with one Chinese + English line on stderr, and no stack trace. */
function expectUserError(run: CliRun, chinese: string): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(chinese);
  expect(lines[0]).toMatch(/Error/);
  expect(run.stderr).not.toMatch(/\s+at\s/);
}

describe('CLI', () => {
  it('builds district demo data and prints stats as stable JSON', async () => {
    const data = await newDir();
    const demo = await cli('demo', '--scale', 'district', '--data', data);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('已生成示例数据');

    const stats = await cli('stats', '--json', '--data', data);
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout);
    expect(Object.keys(parsed)).toEqual([
      'entities',
      'cadres',
      'regulators',
      'regions',
      'coverage',
      'duties',
      'visits',
      'problems',
      'inspections',
    ]);
    expect(parsed.entities.total).toBeGreaterThan(2000);
    const doc = JSON.parse(await readFile(path.join(data, 'data.json'), 'utf8'));
    expect(parsed.entities.total).toBe(doc.entities.length);
    expect(parsed.cadres.total).toBe(doc.cadres.length);

    // Large output through a pipe arrives whole (the process must not exit before stdout drains).
    const entities = JSON.parse((await cliProcess('list', 'entities', '--json', '--data', data)).stdout) as unknown[];
    expect(entities).toHaveLength(doc.entities.length);
    const list = await cli('list', 'cadres', '--json', '--data', data);
    const cadres = JSON.parse(list.stdout) as { id: string; name: string }[];
    expect(cadres.map((c) => c.id)).toEqual(doc.cadres.map((c: { id: string }) => c.id));

    expectUserError(await cli('demo', '--scale', 'district', '--data', data), '已有数据库');
  });

  it('assigns every 主体 a cadre serves (fallbacks explained), and stats --year counts the plan per quarter', async () => {
    const data = await newDir();
    expect((await cli('demo', '--scale', 'district', '--data', data)).code).toBe(0);
    const assign = JSON.parse((await cli('assign', '--reset', '--json', '--data', data)).stdout);
    expect(assign.counts.unresolved).toBe(0);
    expect(assign.fallbacks.length).toBeGreaterThan(0);
    for (const f of assign.fallbacks) expect(f.reason).toMatch(/^兜底规则：/);
    const check = JSON.parse((await cli('check', '--json', '--data', data)).stdout);
    expect(check.items.filter((v: { kind: string }) => v.kind !== 'overloaded')).toEqual([]);

    const plan = JSON.parse((await cli('plan', '--year', '2027', '--json', '--data', data)).stdout);
    const stats = await cli('stats', '--year', '2027', '--json', '--data', data);
    expect(stats.code).toBe(0);
    const { visits, coverage } = JSON.parse(stats.stdout);
    expect(visits.planned).toBe(plan.planned);
    expect(visits.byQuarter).toHaveLength(4);
    expect(visits.byQuarter.reduce((sum: number, q: { planned: number }) => sum + q.planned, 0)).toBe(plan.planned);
    expect(coverage.fallbacks.villageInTownship + coverage.fallbacks.levelAbove).toBe(assign.fallbacks.length);
    // Another year has no plan yet.
    expect(JSON.parse((await cli('stats', '--year', '2030', '--json', '--data', data)).stdout).visits.planned).toBe(0);
    expectUserError(await cli('stats', '--year', 'abc', '--data', data), '--year 应为年度');
  });

  it('reads the filled 督导记录表 of a returned handbook back with import visits, once', async () => {
    const data = await newDir();
    expect((await cli('demo', '--scale', 'district', '--data', data)).code).toBe(0);
    // The demo plans the current year, so the handbook lists this year's visits.
    const { planYear } = JSON.parse(await readFile(path.join(data, 'data.json'), 'utf8')).profile;
    expect((await cli('plan', '--year', String(planYear), '--data', data)).code).toBe(0);
    const doc = await readLibrary(data);
    const cadreId = doc.visits[0]?.cadreId ?? '';
    const handbook = path.join(data, 'handbook.xlsx');
    expect((await cli('export', 'handbook', '--cadre', cadreId, '--out', handbook, '--data', data)).code).toBe(0);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(handbook);
    const form = book.getWorksheet('督导记录表');
    form!.getRow(4).getCell(4).value = `${planYear}-01-01`;
    form!.getRow(4).getCell(5).value = '符合';
    form!.getRow(5).getCell(4).value = '不是日期';
    await book.xlsx.writeFile(handbook);

    const first = await cli('import', 'visits', handbook, '--json', '--data', data);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      added: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      rows: [{ row: 5, reason: expect.stringContaining('日期') }],
    });
    const again = await cli('import', 'visits', handbook, '--data', data);
    expect(again.stdout).toContain('新录入 0，已录入过 1');
  });

  it('answers bad input with exit 1 and one line', async () => {
    const data = await newDir();
    // The process's own exit code and stderr, as a script calling it sees them.
    expectUserError(await cliProcess('frobnicate', '--data', data), '未知命令“frobnicate”');
    expectUserError(await cli('demo', '--scale', 'galaxy', '--data', data), '示例规模应为');
    expectUserError(await cli('stats', '--data', data), '尚未建立数据库');
    expectUserError(await cli('list', 'things', '--data', data), 'list cadres');
    expectUserError(await cli('stats', '--data'), '--data 缺少取值');
  });

  it('refuses a damaged data file and leaves it as it was', async () => {
    const data = await newDir();
    const file = path.join(data, 'data.json');
    await writeFile(file, '{"schemaVersion":1,"entities":[');
    expectUserError(await cli('stats', '--json', '--data', data), '不是完整的 JSON');
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,"entities":[');
  });
});
