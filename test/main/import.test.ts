import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { usccCheckChar } from '@shared/domain/uscc';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { csvOf, messyEntityRows, oleFile, xlsxOf } from './import-fixtures';
import { EntitySchema } from '@shared/domain/schemas';
import { smallDoc } from './small-doc';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library(): Promise<{ handlers: ApiHandlers; dataFile: string }> {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
  await store.replace(smallDoc());
  return { handlers, dataFile: path.join(dir, DATA_FILE_NAME) };
}

const upload = (fileName: string, bytes: Buffer, kind = 'entities') => ({
  kind,
  fileName,
  contentBase64: bytes.toString('base64'),
  mapping: {},
});

describe('import of a messy 主体 list', () => {
  it('previews exact counts and reasons without touching the data, then commits once', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const file = await xlsxOf([{ name: '主体', rows: messyEntityRows(), merges: ['A1:L1', 'A2:L2'] }]);
    const result = await dispatch(handlers, 'import:preview', upload('达拉特旗主体.xlsx', file));
    if (!result.ok) throw new Error(result.error.message);
    const preview = result.value as Awaited<ReturnType<ApiHandlers['import:preview']>>;

    expect(preview).toMatchObject({
      sheetName: '主体',
      headerRow: 3,
      counts: { add: 3, update: 1, unchanged: 0, reject: 6, warning: 2, skipped: 2 },
    });
    expect(preview.columns.filter((c) => c.status === 'unmapped').map((c) => c.header)).toEqual(['序号']);
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(4)).toMatchObject({ outcome: 'add', name: '昭君羊肉馆' });
    expect(byRow.get(5)).toMatchObject({ outcome: 'update', name: '内蒙古食用油有限公司' });
    expect(byRow.get(6)?.reasons).toEqual([expect.stringContaining('校验位错误：末位应为“3”')]);
    expect(byRow.get(7)?.reasons).toEqual(['与第 4 行重复（统一社会信用代码 91440300708461136T）']);
    expect(byRow.get(9)?.reasons).toEqual([expect.stringContaining('乡镇“不存在镇”在达拉特旗中找不到')]);
    expect(byRow.get(10)?.reasons).toEqual([expect.stringContaining('对应多个区划（达拉特旗 / 昭君镇、达拉特旗 / 昭君街道）')]);
    expect(byRow.get(11)?.reasons).toEqual([expect.stringContaining('电话“12345”格式不正确')]);
    expect(byRow.get(12)).toMatchObject({
      outcome: 'add',
      warnings: [expect.stringContaining('村“新民村”不在达拉特旗 / 昭君镇中，已归到昭君镇')],
    });
    expect(byRow.get(13)?.reasons).toEqual(['缺少主体名称']);
    expect(byRow.get(14)).toMatchObject({ outcome: 'add', warnings: ['未填主体类型，由名称推断为“个体工商户”，请核对'] });
    expect(await readFile(dataFile)).toEqual(before);

    expect(await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false })).toEqual({
      added: 3,
      updated: 1,
      unchanged: 0,
      rejected: 6,
      skipped: 2,
    });
    const doc = await readLibrary(path.dirname(dataFile));
    const mutton = doc.entities.find((e: { name: string }) => e.name === '昭君羊肉馆');
    expect(mutton).toMatchObject({
      uscc: '91440300708461136T',
      grade: 'D',
      type: '小餐饮',
      regionId: 'hhc',
      legalRep: '刘 军',
      legalRepPhone: '13904775678',
      duties: { dailyWeeklyMonthly: '2027-03-01' },
    });
    expect(doc.entities.find((e: { id: string }) => e.id === 'e1')).toMatchObject({
      legalRep: '王芳',
      duties: { dailyWeeklyMonthly: '2027-03-01' },
      safetyOfficers: [{ name: '王芳' }],
    });
    expect(doc.entities.find((e: { name: string }) => e.name === '新民村便利店')).toMatchObject({ grade: 'A', regionId: 'zjz' });
    expect(doc.log.at(-1)?.summary).toBe('导入包保主体“达拉特旗主体.xlsx”：新增 3，更新 1，未变 0，拒绝 6');

    // Committing the same preview twice cannot happen; importing the file again changes nothing.
    expect(await dispatch(handlers, 'import:commit', { previewId: preview.previewId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const again = await handlers['import:preview'](upload('达拉特旗主体.xlsx', file) as never);
    expect(again.counts).toMatchObject({ add: 0, update: 0, unchanged: 4, reject: 6 });
  });

  it('writes an error report with the original columns, 行号 and 原因', async () => {
    const { handlers } = await library();
    const file = await xlsxOf([{ name: '主体', rows: messyEntityRows() }]);
    const preview = await handlers['import:preview'](upload('主体.xlsx', file) as never);
    const report = await handlers['import:errorReport']({ previewId: preview.previewId });
    expect(report.fileName).toBe('主体-未导入的行.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (row: number) => (sheet?.getRow(row).values as unknown[]).slice(1);
    const headerRow = [3, 4].find((n) => values(n)[0] === '行号') ?? 0;
    expect(values(headerRow).slice(0, 5)).toEqual(['行号', '原因', '序号', '企业名称', '社会信用代码']);
    const first = values(headerRow + 1);
    expect(first.slice(0, 4)).toEqual([6, expect.stringContaining('校验位错误'), '3', '错码商店']);
    expect(sheet?.rowCount).toBe(headerRow + 6);
  });

  it('uses a corrected mapping and remembers it for next time', async () => {
    const { handlers } = await library();
    const rows = [
      ['店名', '统一社会信用代码', '等级', '乡镇'],
      ['昭君羊肉馆', '91440300708461136T', 'D', '昭君镇'],
    ];
    const file = await xlsxOf([{ name: 'Sheet1', rows }]);
    const blocked = await handlers['import:preview'](upload('a.xlsx', file) as never);
    expect(blocked.problem).toContain('没有识别出“主体名称”列');
    expect(blocked.columns.map((c) => `${c.header}:${c.status}`)).toEqual([
      '店名:unmapped',
      '统一社会信用代码:mapped',
      '等级:mapped',
      '乡镇:mapped',
    ]);
    expect(await dispatch(handlers, 'import:commit', { previewId: blocked.previewId })).toMatchObject({
      ok: false,
      error: { message: blocked.problem },
    });
    const fixed = await handlers['import:preview']({ ...upload('a.xlsx', file), mapping: { 店名: 'name' } } as never);
    expect(fixed).toMatchObject({ problem: null, counts: { add: 1 } });
    await handlers['import:commit']({ previewId: fixed.previewId, saveMapping: true });
    const remembered = await handlers['import:preview'](upload('a.xlsx', file) as never);
    expect(remembered.columns[0]).toMatchObject({ header: '店名', key: 'name', status: 'mapped' });
    expect(remembered.counts.unchanged).toBe(1);
  });
});

describe('a 主体 list without a 主体类型 column', () => {
  it('takes 企业 and 个体工商户 from the 统一社会信用代码 or the name, marks each guess, and keeps a stored type', async () => {
    const dir = await newDir();
    const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
    const doc = smallDoc();
    // Stored: a 小餐饮 whose name reads as an 个体工商户 (kept), and a 其他 from an earlier list without types (set now).
    doc.entities = doc.entities.map((e) => (e.id === 'e2' ? { ...e, type: '小餐饮' as const } : e));
    doc.entities.push(EntitySchema.parse({ id: 'e3', name: '红星饭店', type: '其他', grade: 'D', regionId: 'zjz' }));
    await store.replace(doc);
    const code = (first17: string): string => first17 + usccCheckChar(first17);
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['单位名称', '统一社会信用代码', '包保等级', '所属旗区', '乡镇（街道）', '村（社区）'],
          /* 2 */ ['鑫源商贸', code('91150621000000012'), 'C', '达拉特旗', '昭君镇', ''],
          /* 3 */ ['老王家常菜', code('92150621000000034'), 'D', '达拉特旗', '昭君镇', ''],
          /* 4 */ ['达拉特旗草原乳业有限公司', '', 'C', '达拉特旗', '昭君镇', ''],
          /* 5 */ ['阿荣小吃店', '', 'D', '达拉特旗', '昭君镇', ''],
          /* 6 */ ['昭君镇中心学校', '', 'D', '达拉特旗', '昭君镇', ''],
          /* 7 */ ['幸福便利店', '', 'D', '达拉特旗', '昭君街道', '幸福社区'],
          /* 8 */ ['红星饭店', '', 'D', '达拉特旗', '昭君镇', ''],
        ],
      },
    ]);
    const preview = await handlers['import:preview'](upload('无类型.xlsx', file) as never);
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)?.warnings).toEqual(['未填主体类型，由统一社会信用代码推断为“企业”，请核对']);
    expect(byRow.get(3)?.warnings).toEqual(['未填主体类型，由统一社会信用代码推断为“个体工商户”，请核对']);
    expect(byRow.get(4)?.warnings).toEqual(['未填主体类型，由名称推断为“企业”，请核对']);
    expect(byRow.get(5)?.warnings).toEqual(['未填主体类型，由名称推断为“个体工商户”，请核对']);
    expect(byRow.get(6)?.warnings).toEqual(['未填主体类型，按“其他”登记']);
    expect(byRow.get(7)).toMatchObject({ outcome: 'unchanged', warnings: [] });
    expect(byRow.get(8)).toMatchObject({
      outcome: 'update',
      warnings: ['未填主体类型，由名称推断为“个体工商户”，请核对'],
      changes: [{ label: '主体类型', from: '其他', to: '个体工商户' }],
    });

    await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
    const saved = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')) as { entities: { name: string; type: string }[] };
    const typeOf = (name: string) => saved.entities.find((e) => e.name === name)?.type;
    expect(
      ['鑫源商贸', '老王家常菜', '达拉特旗草原乳业有限公司', '阿荣小吃店', '昭君镇中心学校', '幸福便利店', '红星饭店'].map(typeOf),
    ).toEqual(['企业', '个体工商户', '企业', '个体工商户', '其他', '小餐饮', '个体工商户']);
    // The 企业 the 上报 figures count take the guessed ones in (内蒙古食用油有限公司 was one already).
    expect((await handlers['stats:get']({ regionId: '' } as never)).entities.enterprises).toBe(3);
  });
});

describe('CSV encodings', () => {
  const cadreRows = [
    ['姓名', '工作单位', '职务', '层级', '旗区', '乡镇', '村', '联系电话', '在岗'],
    ['王建国', '达拉特旗昭君镇人民政府', '镇长', '乡镇级', '达拉特旗', '昭君镇', '', '13904770011', '是'],
    ['赵丽', '和胜村村民委员会', '主任', '村级', '达拉特旗', '昭君镇', '和胜村', '13904770012', '是'],
    ['钱多', '昭君街道办事处', '主任', '村级', '达拉特旗', '昭君街道', '', '13904770013', '是'],
  ];

  it.each(['utf8', 'utf8-bom', 'gbk'] as const)('reads %s cadre lists the same way', async (encoding) => {
    const { handlers } = await library();
    const preview = await handlers['import:preview'](upload('干部.csv', csvOf(cadreRows, encoding), 'cadres') as never);
    expect(preview.counts).toMatchObject({ add: 2, reject: 1 });
    expect(preview.rows.map((r) => r.name)).toEqual(['王建国', '赵丽', '钱多']);
    expect(preview.rows[2]?.reasons).toEqual(['村级干部的包保区域应到村（社区、嘎查）一级，现为乡镇（街道、苏木）“昭君街道”']);
  });
});

describe('files that are not a usable spreadsheet', () => {
  it.each([
    ['旧版.xls', () => oleFile(), '旧版 .xls 格式或设置了打开密码'],
    ['加密.xlsx', () => oleFile(), '旧版 .xls 格式或设置了打开密码'],
    ['改名.xlsx', () => Buffer.from('这其实是一个文本文件\n主体名称,等级\n', 'utf8'), '不是有效的 Excel 工作簿'],
    ['坏的.xlsx', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), '文件可能已损坏'],
    ['空的.xlsx', () => Buffer.alloc(0), '是空的（0 字节）'],
    ['照片.jpg', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0]), '不支持“.jpg”类型的文件'],
  ])('%s gets one clear message and the data stays byte-identical', async (name, make, message) => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const result = await dispatch(handlers, 'import:preview', upload(name, make()));
    expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining(message) } });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('an empty workbook says there is no data', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const result = await dispatch(handlers, 'import:preview', upload('空表.xlsx', await xlsxOf([{ name: 'Sheet1', rows: [] }])));
    expect(result).toMatchObject({ ok: false, error: { message: '文件中没有数据，请确认选择了正确的文件' } });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('a 30 MB sheet is refused before it is read', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const row = ['昭君羊肉馆', '91440300708461136T', 'D', '昭君镇', 'x'.repeat(200)];
    const rows = [['主体名称', '统一社会信用代码', '等级', '乡镇', '备注'], ...Array.from({ length: 130_000 }, () => row)];
    const bytes = csvOf(rows, 'utf8');
    expect(bytes.length).toBeGreaterThan(30 * 1024 * 1024);
    const result = await dispatch(handlers, 'import:preview', upload('巨大.csv', bytes));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('20 MB') } });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('a cancelled preview writes nothing, and a stale preview is refused', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const file = await xlsxOf([{ name: '主体', rows: messyEntityRows() }]);
    const cancelled = await handlers['import:preview'](upload('主体.xlsx', file) as never);
    await handlers['import:cancel']({ previewId: cancelled.previewId });
    expect(await dispatch(handlers, 'import:commit', { previewId: cancelled.previewId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await readFile(dataFile)).toEqual(before);

    const stale = await handlers['import:preview'](upload('主体.xlsx', file) as never);
    const { entity } = await handlers['entities:get']({ id: 'e2' });
    await handlers['entities:save']({ ...entity, notes: '预览之后改的' });
    const afterEdit = await readFile(dataFile);
    expect(await dispatch(handlers, 'import:commit', { previewId: stale.previewId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await readFile(dataFile)).toEqual(afterEdit);
  });
});

describe('export and import round trip', () => {
  it.each(['regions', 'regulators', 'cadres', 'entities', 'assignments'] as const)('%s come back as the same records', async (kind) => {
    const source = await library();
    const exported = await source.handlers['export:list']({ kind, maskPhones: false });
    const target = await library();
    const preview = await target.handlers['import:preview']({
      kind,
      fileName: exported.fileName,
      contentBase64: exported.contentBase64,
      mapping: {},
    });
    expect(preview.counts.reject).toBe(0);
    expect(preview.counts.add + preview.counts.update).toBe(0);
    expect(preview.counts.unchanged).toBeGreaterThan(0);
  });

  it('brings a whole library into a blank one', async () => {
    const source = await library();
    const sourceDoc = JSON.parse(await readFile(source.dataFile, 'utf8'));
    const dir = await newDir();
    const { handlers, store } = await openServices(dir);
    await handlers['app:createBlank']({});
    await store.update((doc) => {
      doc.regions = sourceDoc.regions.filter((r: { level: string }) => r.level === 'city');
    });
    for (const kind of ['regions', 'regulators', 'cadres', 'entities', 'assignments'] as const) {
      const file = await source.handlers['export:list']({ kind, maskPhones: false });
      const preview = await handlers['import:preview']({ kind, fileName: file.fileName, contentBase64: file.contentBase64, mapping: {} });
      expect(preview.counts.reject, `${kind}: ${JSON.stringify(preview.rows.filter((r) => r.outcome === 'reject'))}`).toBe(0);
      await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
    }
    const doc = await readLibrary(dir);
    const withoutIds = (items: { id: string }[]) => items.map(({ id: _id, ...rest }) => rest);
    expect(withoutIds(doc.entities).map((e) => ({ ...e, regionId: undefined, regulatorId: undefined }))).toEqual(
      withoutIds(sourceDoc.entities).map((e) => ({ ...e, regionId: undefined, regulatorId: undefined })),
    );
    expect(doc.regions.map((r: { name: string }) => r.name).sort()).toEqual(sourceDoc.regions.map((r: { name: string }) => r.name).sort());
    expect(doc.cadres.map((c: { name: string }) => c.name)).toEqual(sourceDoc.cadres.map((c: { name: string }) => c.name));
    expect(doc.assignments.filter((a: { end: string }) => a.end === '')).toHaveLength(1);
  });
});
