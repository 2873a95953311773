import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers, ImportPreview } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { xlsxOf } from './import-fixtures';
import { cli } from './run-cli';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library(): Promise<{ handlers: ApiHandlers; dataFile: string }> {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
  const doc = smallDoc();
  doc.entities[0] = { ...doc.entities[0]!, legalRep: '王建军', address: '昭君镇和胜村1号' };
  await store.replace(doc);
  return { handlers, dataFile: path.join(dir, DATA_FILE_NAME) };
}

const preview = async (
  handlers: ApiHandlers,
  kind: string,
  fileName: string,
  bytes: Buffer,
  extra: object = {},
): Promise<ImportPreview> => {
  const result = await dispatch(handlers, 'import:preview', {
    kind,
    fileName,
    contentBase64: bytes.toString('base64'),
    mapping: {},
    ...extra,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportPreview;
};

describe('headers as offices write them', () => {
  it('reads a cadre list headed 所在旗区 / 所在乡镇 / 所在村（社区）, numbered and broken over lines', async () => {
    const { handlers, dataFile } = await library();
    const file = await xlsxOf([
      {
        name: '干部',
        rows: [
          ['达拉特旗食品安全包保干部名单'],
          ['序号', '1.姓名', '2.工作\n单位', '现任职务', '所在旗区', '所在乡镇', '所在村（社区）', '3.联系电话', '身份证号码'],
          [1, '王建国', '昭君镇人民政府', '镇长', '达拉特旗', '昭君镇', '', '13904770011', ''],
          [2, '赵丽', '和胜村村民委员会', '主任', '达拉特旗', '昭君镇', '和胜村', '13904770012', ''],
        ],
      },
    ]);
    const result = await preview(handlers, 'cadres', '干部.xlsx', file);
    expect(result.counts).toMatchObject({ add: 2, reject: 0 });
    expect(result.columns.map((c) => c.key)).toEqual([null, 'name', 'unit', 'position', 'county', 'township', 'village', 'phone', null]);
    expect(result.ignored.map((c) => `${c.column}：${c.reason}`)).toEqual(['第 A 列“序号”：未识别', '第 I 列“身份证号码”：未识别']);
    expect(result.missing.map((f) => f.label)).toEqual(['层级', '在岗', '承诺书签订日期', '备注']);
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const doc = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(doc.cadres.filter((c: { name: string }) => ['王建国', '赵丽'].includes(c.name))).toMatchObject([
      { name: '王建国', regionId: 'zjz', level: 'township' },
      { name: '赵丽', regionId: 'hhc', level: 'village' },
    ]);
  });
});

describe('workbooks with one sheet per area', () => {
  it('reads every sheet with the header, taking the area from the sheet name or its title row', async () => {
    const { handlers } = await library();
    const header = ['序号', '主体名称', '统一社会信用代码', '包保等级', '主体类型'];
    const file = await xlsxOf([
      { name: '说明', rows: [['各乡镇一个工作表']] },
      { name: '昭君镇', rows: [header, [1, '昭君羊肉馆', '', 'D', '小餐饮'], [2, '和胜粮油店', '', 'C', '个体工商户']] },
      { name: 'Sheet3', rows: [['达拉特旗食品安全包保主体名单（昭君街道）'], header, [1, '阳光超市', '', 'B', '企业']] },
    ]);
    const result = await preview(handlers, 'entities', '分乡镇.xlsx', file);
    expect(result.counts).toMatchObject({ add: 3, reject: 0 });
    expect(result.sheets.map((s) => [s.name, s.headerRow, s.area])).toEqual([
      ['昭君镇', 1, { from: '工作表名', text: '昭君镇', path: '达拉特旗 / 昭君镇' }],
      ['Sheet3', 2, { from: '标题行', text: '达拉特旗食品安全包保主体名单（昭君街道）', path: '达拉特旗 / 昭君街道' }],
    ]);
    expect(result.skippedSheets).toEqual([{ sheet: '说明', reason: '没有包保主体表的表头行' }]);
    expect(result.rows.map((r) => `${r.sheet} ${r.row} ${r.name}`)).toEqual([
      '昭君镇 2 昭君羊肉馆',
      '昭君镇 3 和胜粮油店',
      'Sheet3 3 阳光超市',
    ]);
    expect(result.missing.map((f) => f.key)).not.toContain('township');
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const { rows } = await handlers['entities:query']({ text: '阳光' } as never);
    expect(rows.map((r) => r.regionPath)).toEqual(['达拉特旗 / 昭君街道']);
  });

  it('reads a cadre workbook with one sheet per 村, each cadre placed in the 村 the sheet names', async () => {
    const { handlers, dataFile } = await library();
    const header = ['姓名', '职务', '联系电话'];
    const file = await xlsxOf([
      { name: '和胜村', rows: [['昭君镇和胜村包保干部名单'], header, ['赵丽', '村主任', '13904770012']] },
      { name: '幸福社区', rows: [header, ['钱多', '社区书记', '13904770013']] },
    ]);
    const result = await preview(handlers, 'cadres', '分村.xlsx', file);
    expect(result.counts).toMatchObject({ add: 2, reject: 0 });
    expect(result.sheets.map((s) => s.area?.path)).toEqual(['达拉特旗 / 昭君镇 / 和胜村', '达拉特旗 / 昭君街道 / 幸福社区']);
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const doc = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(doc.cadres.filter((c: { name: string }) => ['赵丽', '钱多'].includes(c.name))).toMatchObject([
      { name: '赵丽', regionId: 'hhc', level: 'village' },
      { name: '钱多', regionId: 'xfsq', level: 'village' },
    ]);
  });

  it('names the columns it could not read when the name column is not among them', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['序号', '店铺', '包保等级', '乡镇'],
          [1, '昭君羊肉馆', 'D', '昭君镇'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '无名称.xlsx', file);
    expect(result.problem).toBe(
      '表中没有识别出“主体名称”列（没有识别的列：第 A 列“序号”、第 B 列“店铺”），请在“列对应”中指定哪一列是主体名称，然后重新预览',
    );
  });

  it('passes over a sheet of another list in the same workbook', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '统一社会信用代码', '包保等级', '乡镇', '联系电话'],
          ['昭君羊肉馆', '', 'D', '昭君镇', '13904770011'],
        ],
      },
      {
        name: '干部',
        rows: [
          ['姓名', '单位名称', '职务', '乡镇', '联系电话'],
          ['王建国', '昭君镇人民政府', '镇长', '昭君镇', '13904770011'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '两种名单.xlsx', file);
    expect(result.counts).toMatchObject({ add: 1, reject: 0 });
    expect(result.skippedSheets).toEqual([{ sheet: '干部', reason: '表头与工作表“主体”不同，不是同一份名单' }]);
  });

  it('names the sheet of a duplicate row found on another sheet', async () => {
    const { handlers } = await library();
    const header = ['主体名称', '统一社会信用代码', '包保等级'];
    const file = await xlsxOf([
      { name: '昭君镇', rows: [header, ['昭君羊肉馆', '91440300708461136T', 'D']] },
      { name: '昭君街道', rows: [header, ['昭君羊肉馆', '91440300708461136T', 'D']] },
    ]);
    const result = await preview(handlers, 'entities', '分乡镇.xlsx', file);
    expect(result.rows[1]?.reasons).toEqual(['与工作表“昭君镇”第 2 行重复（统一社会信用代码 91440300708461136T）']);
    // The error report has a sheet per sheet with rejected rows, each with its own columns.
    const report = await handlers['import:errorReport']({ previewId: result.previewId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['未导入-昭君街道']);
    const values = (workbook.worksheets[0]?.getSheetValues() ?? []).flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    expect(values.at(-1)).toEqual([
      2,
      '与工作表“昭君镇”第 2 行重复（统一社会信用代码 91440300708461136T）',
      '昭君羊肉馆',
      '91440300708461136T',
      'D',
    ]);
  });
});

describe('风险等级 is not 包保等级', () => {
  it('asks about a sheet whose only grade is 风险等级, naming the column', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '乡镇', '风险等级'],
          ['昭君羊肉馆', '昭君镇', 'A'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '风险.xlsx', file);
    expect(result.problem).toMatch(/^第 C 列“风险等级”是另一种分级（风险分级 A 级风险最低，包保等级 A 级最高），没有作为包保等级导入。/);
    expect(result.columns[2]).toMatchObject({ key: null, status: 'unmapped' });
    expect(await dispatch(handlers, 'import:commit', { previewId: result.previewId })).toMatchObject({
      ok: false,
      error: { message: result.problem },
    });
    // The clerk who knows the column is the 包保等级 says so.
    const chosen = await preview(handlers, 'entities', '风险.xlsx', file, { mapping: { 风险等级: 'grade' } });
    expect(chosen).toMatchObject({ problem: null, counts: { add: 1 } });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('uses 包保等级 and leaves 风险等级 alone when a sheet has both', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '乡镇', '风险等级', '包保等级'],
          ['昭君羊肉馆', '昭君镇', 'A', 'D'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '两种等级.xlsx', file);
    expect(result.problem).toBeNull();
    expect(result.columns.map((c) => c.status)).toEqual(['mapped', 'mapped', 'unmapped', 'mapped']);
    expect(result.ignored).toEqual([{ sheet: '主体', column: '第 C 列“风险等级”', header: '风险等级', reason: '不是“包保等级”，未导入' }]);
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const { rows } = await handlers['entities:query']({ text: '昭君羊肉馆' } as never);
    expect(rows.map((r) => r.grade)).toEqual(['D']);
  });
});

describe('an update does not erase', () => {
  const rows = [
    ['主体名称', '统一社会信用代码', '包保等级', '法定代表人', '地址', '联系电话'],
    ['内蒙古食用油有限公司', '91350100m000100y43', 'B', '', '', '13904771234'],
  ];

  it('keeps stored values under blank cells and shows each change old → new', async () => {
    const { handlers, dataFile } = await library();
    const result = await preview(handlers, 'entities', '更新.xlsx', await xlsxOf([{ name: '主体', rows }]));
    expect(result.blankCells).toBe('keep');
    expect(result.counts).toMatchObject({ update: 1, reject: 0 });
    expect(result.rows[0]?.changes).toEqual([{ key: 'grade', label: '包保等级', from: 'C', to: 'B' }]);
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const doc = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(doc.entities[0]).toMatchObject({ id: 'e1', grade: 'B', legalRep: '王建军', address: '昭君镇和胜村1号', regionId: 'hhc' });
  });

  it('clears them when the clerk chooses 清空', async () => {
    const { handlers, dataFile } = await library();
    const result = await preview(handlers, 'entities', '更新.xlsx', await xlsxOf([{ name: '主体', rows }]), { blankCells: 'clear' });
    expect(result.rows[0]?.changes).toEqual([
      { key: 'grade', label: '包保等级', from: 'C', to: 'B' },
      { key: 'address', label: '地址', from: '昭君镇和胜村1号', to: '' },
      { key: 'legalRep', label: '法定代表人(负责人)', from: '王建军', to: '' },
    ]);
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const doc = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(doc.entities[0]).toMatchObject({ id: 'e1', grade: 'B', legalRep: '', address: '' });
  });

  it('keeps a stored 村 and the blanks of a 主体 updated from a sheet named for its 乡镇', async () => {
    const { handlers, dataFile } = await library();
    const header = ['主体名称', '统一社会信用代码', '包保等级', '法定代表人'];
    const file = await xlsxOf([
      { name: '昭君镇', rows: [header, ['内蒙古食用油有限公司', '91350100M000100Y43', 'B', ''], ['新开小店', '', 'D', '刘军']] },
    ]);
    const result = await preview(handlers, 'entities', '昭君镇.xlsx', file);
    expect(result.rows.map((r) => [r.outcome, r.changes ?? r.reasons])).toEqual([
      ['update', [{ key: 'grade', label: '包保等级', from: 'C', to: 'B' }]],
      ['add', []],
    ]);
    // 清空 clears blank cells, not the place the sheet's name does not give.
    const cleared = await preview(handlers, 'entities', '昭君镇.xlsx', file, { blankCells: 'clear' });
    expect(cleared.rows[0]?.changes?.map((c) => c.key)).toEqual(['grade', 'legalRep']);
    await handlers['import:commit']({ previewId: result.previewId, saveMapping: false });
    const doc = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(doc.entities.map((e: { name: string; regionId: string; legalRep: string }) => [e.name, e.regionId, e.legalRep])).toEqual([
      ['内蒙古食用油有限公司', 'hhc', '王建军'],
      ['幸福便利店', 'xfsq', ''],
      ['新开小店', 'zjz', '刘军'],
    ]);
  });

  it('still reads blank cells of a new record as before (defaults and missing names)', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '乡镇', '包保等级', '主体类型'],
          ['新店', '昭君镇', 'D', ''],
          ['', '昭君镇', 'D', '企业'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '新.xlsx', file);
    expect(result.rows.map((r) => [r.outcome, r.reasons, r.warnings])).toEqual([
      ['add', [], ['未填主体类型，由名称推断为“个体工商户”，请核对']],
      ['reject', ['缺少主体名称'], []],
    ]);
  });
});

describe('CLI import', () => {
  async function folder(): Promise<string> {
    const dir = await newDir();
    const { store } = await openServices(dir);
    const doc = smallDoc();
    doc.entities[0] = { ...doc.entities[0]!, legalRep: '王建军', address: '昭君镇和胜村1号' };
    await store.replace(doc);
    await store.close();
    return dir;
  }

  it('reads a workbook with one sheet per 乡镇 and a Unicode 文本 cadre list, saying where areas came from', async () => {
    const dir = await folder();
    const workbook = path.join(dir, '分乡镇.xlsx');
    const header = ['序号', '主体名称', '包保等级'];
    await writeFile(
      workbook,
      await xlsxOf([
        { name: '昭君镇', rows: [header, [1, '昭君羊肉馆', 'D'], [2, '和胜粮油店', 'C']] },
        { name: 'Sheet2', rows: [['达拉特旗包保主体名单（昭君街道）'], header, [1, '阳光超市', 'B']] },
      ]),
    );
    const run = await cli('import', 'entities', workbook, '--data', dir);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '导入包保主体：新增 3，更新 0，未变 0，拒绝 0（跳过空行、合计行 0）',
      '  工作表“昭君镇”：第 1 行是表头；表中没有旗区、乡镇、村列，区域取自工作表名：达拉特旗 / 昭君镇',
      '  工作表“Sheet2”：第 2 行是表头；表中没有旗区、乡镇、村列，区域取自标题行：达拉特旗 / 昭君街道',
    ]);
    expect(lines[3]).toBe('  未导入的列：昭君镇 第 A 列“序号”（未识别）；Sheet2 第 A 列“序号”（未识别）');

    const text = path.join(dir, '干部.txt');
    const rows = [
      ['姓名', '所在旗区', '所在乡镇', '所在村（社区）', '联系电话'],
      ['赵丽', '达拉特旗', '昭君镇', '和胜村', '13904770012'],
    ];
    await writeFile(text, Buffer.from(`\ufeff${rows.map((r) => r.join('\t')).join('\r\n')}`, 'utf16le'));
    const cadres = JSON.parse((await cli('import', 'cadres', text, '--json', '--data', dir)).stdout);
    expect(cadres).toMatchObject({ added: 1, rejected: 0 });
    const doc = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8'));
    expect(
      doc.entities
        .filter((e: { name: string }) => ['昭君羊肉馆', '和胜粮油店', '阳光超市'].includes(e.name))
        .map((e: { regionId: string }) => e.regionId),
    ).toEqual(['zjz', 'zjz', 'zjjd']);
    expect(doc.cadres.find((c: { name: string }) => c.name === '赵丽')).toMatchObject({ regionId: 'hhc', level: 'village' });
  });

  it('refuses a sheet whose only grade is 风险等级, naming the column and the fix', async () => {
    const dir = await folder();
    const file = path.join(dir, '风险.xlsx');
    await writeFile(
      file,
      await xlsxOf([
        {
          name: '主体',
          rows: [
            ['主体名称', '乡镇', '风险等级'],
            ['昭君羊肉馆', '昭君镇', 'A'],
          ],
        },
      ]),
    );
    const run = await cli('import', 'entities', file, '--data', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第 C 列“风险等级”是另一种分级');
    expect(run.stderr).toContain('请在表中增加“包保等级”列');
  });

  it('prints the columns not imported and the fields not found beside the row errors, and each update old → new', async () => {
    const dir = await folder();
    const file = path.join(dir, '主体.xlsx');
    const rows = [
      ['序号', '主体名称', '统一社会信用代码', '包保等级', '法定代表人', '地址', '乡镇'],
      [1, '内蒙古食用油有限公司', '91350100m000100y43', 'B', '', '', ''],
      [2, '无等级小店', '', '', '', '', '昭君镇'],
    ];
    await writeFile(file, await xlsxOf([{ name: '主体', rows }]));
    const text = await cli('import', 'entities', file, '--data', dir);
    expect(text.stderr).toBe('');
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe('导入包保主体：新增 0，更新 1，未变 0，拒绝 1（跳过空行、合计行 0）');
    expect(lines[1]).toBe('  未导入的列：第 A 列“序号”（未识别）');
    expect(lines[2]).toMatch(/^ {2}表中没有的字段：许可证编号、主体类型、业态、规模、旗区、村\(社区、嘎查\)、联系电话、/);
    expect(lines[3]).toBe('  第 3 行：缺少包保等级（A、B、C、D）');
    expect(lines[4]).toBe('  更新 第 2 行 内蒙古食用油有限公司：包保等级 “C” → “B”');
    expect(lines[5]).toBe('  表中空白的单元格未改动已有内容（要清空请加 --clear-blanks）');
    const doc = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8'));
    expect(doc.entities[0]).toMatchObject({ grade: 'B', legalRep: '王建军', address: '昭君镇和胜村1号' });

    // Without the 乡镇 column: 清空 cannot take a 主体's area away.
    await writeFile(file, await xlsxOf([{ name: '主体', rows: rows.slice(0, 2).map((row) => row.slice(0, 6)) }]));
    const cleared = JSON.parse((await cli('import', 'entities', file, '--clear-blanks', '--json', '--data', dir)).stdout);
    expect(cleared).toMatchObject({ added: 0, updated: 1, rejected: 0, rows: [] });
    expect(cleared.updates).toEqual([
      {
        sheet: '主体',
        row: 2,
        name: '内蒙古食用油有限公司',
        changes: [
          { key: 'address', label: '地址', from: '昭君镇和胜村1号', to: '' },
          { key: 'legalRep', label: '法定代表人(负责人)', from: '王建军', to: '' },
        ],
      },
    ]);
    expect(cleared.ignoredColumns).toEqual([{ sheet: '主体', column: '第 A 列“序号”', header: '序号', reason: '未识别' }]);
    expect(cleared.missingFields).toContain('许可证编号');
  });
});

describe('files as Excel and WPS save them', () => {
  const rows = [
    ['姓名', '工作单位', '层级', '旗区', '乡镇', '村', '联系电话'],
    ['王建国', '昭君镇人民政府', '乡镇级', '达拉特旗', '昭君镇', '', '13904770011'],
    ['赵丽', '和胜村村民委员会', '村级', '达拉特旗', '昭君镇', '和胜村', '13904770012'],
  ];
  const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le).swap16();
  };

  it.each([
    ['Unicode 文本 (UTF-16 LE, tabs)', '干部.txt', utf16(rows.map((r) => r.join('\t')).join('\r\n'), 'le')],
    ['UTF-16 LE CSV', '干部.csv', utf16(rows.map((r) => r.join(',')).join('\r\n'), 'le')],
    ['UTF-16 BE CSV', '干部.csv', utf16(rows.map((r) => r.join(',')).join('\n'), 'be')],
  ])('reads %s', async (_, fileName, bytes) => {
    const { handlers } = await library();
    const result = await preview(handlers, 'cadres', fileName, bytes);
    expect(result.counts).toMatchObject({ add: 2, reject: 0 });
    expect(result.rows.map((r) => r.name)).toEqual(['王建国', '赵丽']);
  });

  it('names both columns when two name the same field', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '乡镇', '包保等级', '电话', '手机号'],
          ['昭君羊肉馆', '昭君镇', 'D', '13904770011', '13904770012'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '重复列.xlsx', file);
    expect(result.problem).toBe(
      '第 D 列“电话”与第 E 列“手机号”都对应“联系电话”，请只保留一列（其余的列在“列对应”中选“不导入”）；命令行导入请把列名改为明确的字段名或删去多余的列后重新导入',
    );
    expect(result.ignored.map((c) => `${c.column}：${c.reason}`)).toEqual([
      '第 D 列“电话”：与第 E 列“手机号”都对应“联系电话”，请只保留一列',
      '第 E 列“手机号”：与第 D 列“电话”都对应“联系电话”，请只保留一列',
    ]);
    const chosen = await preview(handlers, 'entities', '重复列.xlsx', file, { mapping: { 电话: '' } });
    expect(chosen).toMatchObject({ problem: null, counts: { add: 1 } });
  });

  it('asks about a header that reads as two fields instead of guessing', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '乡镇', '包保等级', '总监/安全员'],
          ['昭君羊肉馆', '昭君镇', 'D', '王芳'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '不明.xlsx', file);
    expect(result.columns[3]).toMatchObject({ status: 'unclear', candidates: ['directorName', 'safetyOfficers'] });
    expect(result.problem).toBe(
      '第 D 列“总监/安全员”无法确定是“食品安全总监”还是“食品安全员”，请在“列对应”中指定，或选“不导入”；命令行导入请把列名改为明确的字段名或删去多余的列后重新导入',
    );
  });

  it('says a USCC in a number cell must be text, not that its check digit is wrong', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '统一社会信用代码', '乡镇', '包保等级'],
          // eslint-disable-next-line no-loss-of-precision -- a USCC typed as a number loses its last digits in Excel too
          ['数字代码店', 913501000001006543, '昭君镇', 'D'],
        ],
      },
    ]);
    const result = await preview(handlers, 'entities', '数字.xlsx', file);
    expect(result.rows[0]?.reasons).toEqual([
      '统一社会信用代码所在的单元格是数字格式（Excel 只保留 15 位数字，显示为 913501000001006592），代码已被改写。请把该列设为“文本”格式后重新填写统一社会信用代码',
    ]);
  });
});
