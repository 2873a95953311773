import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ApiParsed } from '@shared/api/contract';
import { findIntegrityProblems } from '@shared/rules/integrity';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { cli } from './run-cli';
import { smallDoc } from './small-doc';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** The small library on disk, on 2027-06-10 (张伟 c1 乡镇级 of 昭君镇, 李娜 c2 村级 of 幸福社区). */
async function library() {
  const dir = await newDir();
  const services = await openServices(dir, { now: () => new Date('2027-06-10T09:00:00Z') });
  await services.store.replace(smallDoc());
  const onDisk = () => readLibrary(dir);
  return { dir, ...services, onDisk };
}

/** A 督查 of `cadreId` by the city's 督查组 with the first `unmet` items of the 督查清单 not fulfilled. */
function inspection(cadreId: string, date: string, unmet: number, items: readonly string[]): ApiParsed<'inspections:save'> {
  return {
    cadreId,
    date,
    inspectorLevel: 'city',
    team: '市食安委第二督查组',
    inspectors: '赵刚、钱丽',
    items: items.map((item, i) => ({ item, result: i < unmet ? '未落实' : '落实', note: i < unmet ? `第${i + 1}项缺记录` : '' })),
    result: unmet === 0 ? '合格' : '基本合格',
    notes: '',
  };
}

describe('督查 of cadres', () => {
  it('records a 督查 against the 督查清单 of 设置, lists it on the cadre and in a region, corrects and deletes it, each logged', async () => {
    const { handlers, onDisk } = await library();
    const { profile } = await handlers['profile:get']({});
    // The shipped 督查清单 checks the 责任清单 and the 任务清单's four blocks.
    expect(profile.inspectionItems.some((i) => i.startsWith('责任清单'))).toBe(true);
    for (const block of ['完善管理体系', '抓好常态化防控', '强化应急处置', '加强宣传培训'])
      expect(profile.inspectionItems.join('\n')).toContain(block);

    const saved = await handlers['inspections:save'](inspection('c1', '2027-06-01', 2, profile.inspectionItems));
    expect(saved.id).toMatch(/^I-/);
    await handlers['inspections:save'](inspection('c2', '2027-05-20', 0, profile.inspectionItems));
    await handlers['inspections:save'](inspection('c1', '2026-11-02', 1, profile.inspectionItems));

    const ofCadre = await handlers['inspections:list']({ cadreId: 'c1', regionId: '' });
    expect(ofCadre.map((r) => [r.date, r.unmet, r.cadreName, r.cadreLevel])).toEqual([
      ['2027-06-01', 2, '张伟', 'township'],
      ['2026-11-02', 1, '张伟', 'township'],
    ]);
    expect(ofCadre[0]?.regionPath).toContain('昭君镇');
    expect((await handlers['inspections:list']({ cadreId: '', regionId: '', year: 2027 })).map((r) => r.cadreId)).toEqual(['c1', 'c2']);
    // 昭君街道 holds 李娜's 幸福社区, not 张伟's 昭君镇.
    expect((await handlers['inspections:list']({ cadreId: '', regionId: 'zjjd' })).map((r) => r.cadreId)).toEqual(['c2']);

    const corrected = await handlers['inspections:save']({ ...inspection('c1', '2027-06-01', 0, profile.inspectionItems), id: saved.id });
    expect(corrected.id).toBe(saved.id);
    expect((await onDisk()).inspections.find((i) => i.id === saved.id)?.result).toBe('合格');
    expect(await handlers['inspections:delete']({ id: saved.id })).toEqual({ id: saved.id });
    const doc = await onDisk();
    expect(doc.inspections).toHaveLength(2);
    expect(doc.log.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        '记录对干部“张伟”的督查（2027-06-01，市食安委第二督查组，未落实 2 项，基本合格）',
        '修改对干部“张伟”的督查（2027-06-01，市食安委第二督查组，未落实 0 项，合格）',
        '删除对干部“张伟”的督查记录（2027-06-01，市食安委第二督查组）',
      ]),
    );
  });

  it('keeps the 督查清单 of 设置 when a save leaves it out, saves it one item a line, and refuses invisible characters', async () => {
    const { handlers, onDisk } = await library();
    const { profile } = await handlers['profile:get']({});
    const { importMappings: _mappings, exportTemplates: _templates, inspectionItems: _items, ...values } = profile;
    // Through dispatch, as every caller goes: the schema drops blank lines and trims.
    expect(
      await dispatch(handlers, 'profile:save', { ...values, inspectionItems: ['责任清单：按计划督导', '  ', '任务清单：参加培训 '] }),
    ).toMatchObject({ ok: true });
    expect((await onDisk()).profile.inspectionItems).toEqual(['责任清单：按计划督导', '任务清单：参加培训']);
    expect(await dispatch(handlers, 'profile:save', { ...values, orgName: '达拉特旗市场监督管理局' })).toMatchObject({ ok: true });
    expect((await onDisk()).profile.inspectionItems).toEqual(['责任清单：按计划督导', '任务清单：参加培训']);
    expect(await dispatch(handlers, 'profile:save', { ...values, inspectionItems: ['参加\u202e培训'] })).toMatchObject({
      ok: false,
      error: { fields: { 'inspectionItems.0': '督查事项含有改变文字方向的不可见字符，请删除后重新输入' } },
    });
    expect(await dispatch(handlers, 'profile:save', { ...values, inspectionItems: [' '] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('督查清单至少保留一条督查事项') },
    });
  });

  it('refuses what a 督查 record cannot be, in Chinese beside the field, and writes nothing', async () => {
    const { handlers, onDisk } = await library();
    const before = await onDisk();
    const good = inspection('c1', '2027-06-01', 1, ['责任清单：熟悉主体情况']);
    expect(await dispatch(handlers, 'inspections:save', { ...good, team: ' ', inspectors: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: { team: '请填写督查组', inspectors: '请填写督查人' } },
    });
    expect(await dispatch(handlers, 'inspections:save', { ...good, items: [] })).toMatchObject({
      ok: false,
      error: { fields: { items: '请至少督查一项' } },
    });
    expect(
      await dispatch(handlers, 'inspections:save', { ...good, items: [{ item: '签订承诺书', result: '部分落实', note: '' }] }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('落实情况应为 落实 或 未落实') },
    });
    expect(await dispatch(handlers, 'inspections:save', { ...good, inspectorLevel: 'village' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('督查组级别应为 省级、市级、旗区（县）级、乡镇级 之一') },
    });
    expect(await dispatch(handlers, 'inspections:save', { ...good, date: '2027-06-11' })).toMatchObject({
      ok: false,
      error: { fields: { date: '不能晚于今天' } },
    });
    expect(await dispatch(handlers, 'inspections:save', { ...good, cadreId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(handlers, 'inspections:save', { ...good, id: 'I-missing' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(handlers, 'inspections:delete', { id: 'I-missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await onDisk()).toEqual(before);
  });

  it('keeps a cadre with 督查 records: deleting is refused, saying to set 不在岗 instead', async () => {
    const { handlers, onDisk } = await library();
    await handlers['inspections:save'](inspection('c2', '2027-06-01', 0, ['签订承诺书']));
    expect(await dispatch(handlers, 'cadres:delete', { id: 'c2' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '干部“李娜”有 1 条督查记录，为保留督查历史不能删除。如已调离，请将其设为“不在岗”' },
    });
    expect((await onDisk()).cadres.map((c) => c.id)).toContain('c2');
  });

  it('counts the year’s 督查 in stats: cadres checked and items 未落实, in all, per cadre level and per region', async () => {
    const { handlers } = await library();
    const items = ['一', '二', '三'];
    await handlers['inspections:save'](inspection('c1', '2027-03-01', 2, items));
    await handlers['inspections:save'](inspection('c1', '2027-06-01', 1, items));
    await handlers['inspections:save'](inspection('c2', '2027-05-20', 0, items));
    await handlers['inspections:save'](inspection('c2', '2026-12-20', 3, items));
    const stats = await handlers['stats:get']({ regionId: '', year: 2027 });
    expect(stats.inspections).toEqual({
      records: 3,
      cadresChecked: 2,
      unmetItems: 3,
      byLevel: {
        city: { records: 0, cadresChecked: 0, unmetItems: 0 },
        county: { records: 0, cadresChecked: 0, unmetItems: 0 },
        township: { records: 2, cadresChecked: 1, unmetItems: 3 },
        village: { records: 1, cadresChecked: 1, unmetItems: 0 },
      },
    });
    expect((await handlers['stats:get']({ regionId: 'zjjd', year: 2027 })).inspections).toMatchObject({
      records: 1,
      cadresChecked: 1,
      unmetItems: 0,
    });
    expect((await handlers['stats:get']({ regionId: '', year: 2026 })).inspections).toMatchObject({
      records: 1,
      cadresChecked: 1,
      unmetItems: 3,
    });
  });

  it('reports the 督查情况表: one row per 督查 with the 未落实 items and notes, a 合计 row, as a workbook', async () => {
    const { handlers } = await library();
    const items = ['责任清单：按计划督导', '任务清单·加强宣传培训：参加培训', '签订承诺书'];
    await handlers['inspections:save'](inspection('c1', '2027-06-01', 2, items));
    await handlers['inspections:save'](inspection('c2', '2027-05-20', 0, items));
    const preview = await handlers['report:preview']({ report: 'inspections', regionId: '', year: 2027 });
    expect(preview.title).toBe('鄂尔多斯市市场监督管理局2027年度包保干部督查情况表');
    expect(preview.subtitle).toContain('督查干部 2 名 2 次，未落实事项 2 项；合格 1 次，基本合格 1 次，不合格 0 次');
    expect(preview.columns.map((c) => c.label)).toEqual([
      '序号',
      '旗区',
      '乡镇',
      '包保干部',
      '干部层级',
      '工作单位及职务',
      '督查日期',
      '督查组',
      '督查人',
      '落实',
      '未落实',
      '未落实事项及说明',
      '总体评价',
    ]);
    expect(preview.rows).toEqual([
      [1, '达拉特旗', '昭君街道', '李娜', '村级', '', { date: '2027-05-20' }, '市级 市食安委第二督查组', '赵刚、钱丽', 3, 0, '', '合格'],
      [
        1 + 1,
        '达拉特旗',
        '昭君镇',
        '张伟',
        '乡镇级',
        '',
        { date: '2027-06-01' },
        '市级 市食安委第二督查组',
        '赵刚、钱丽',
        1,
        2,
        '1. 责任清单：按计划督导（第1项缺记录）\n2. 任务清单·加强宣传培训：参加培训（第2项缺记录）',
        '基本合格',
      ],
    ]);
    expect(preview.totalRow).toEqual(['', '合计', '', '2 名', '', '', null, '', '', 4, 2, '', '']);

    const file = await handlers['report:export']({ report: 'inspections', regionId: '', year: 2027 });
    expect(file.fileName).toBe('督查情况表-2027-06-10.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('督查情况表');
    expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
  });

  it('carries 督查 records in backups; the restore preview lists them', async () => {
    const { handlers, onDisk } = await library();
    await handlers['inspections:save'](inspection('c1', '2027-06-01', 1, ['签订承诺书']));
    const backup = await handlers['backup:create']({});
    await handlers['inspections:save'](inspection('c2', '2027-06-02', 0, ['签订承诺书']));
    const preview = await handlers['backup:preview']({ fileName: backup.fileName });
    expect(preview.collections.find((c) => c.label === '干部督查记录')).toEqual({
      label: '干部督查记录',
      current: 2,
      backup: 1,
      added: 0,
      changed: 0,
      dropped: 1,
    });
    await handlers['backup:restore']({ fileName: backup.fileName });
    expect((await onDisk()).inspections.map((i) => i.cadreId)).toEqual(['c1']);
  });

  // The CLI dates things by this PC's clock: a date in the past.
  it('CLI: inspect add records a 督查 against the 督查清单 by item numbers, inspect list shows it, the report exports', async () => {
    const { dir, store } = await library();
    await store.close();
    const added = await cli(
      'inspect',
      'add',
      '--cadre',
      'c1',
      '--team',
      '市食安委第二督查组',
      '--inspector',
      '赵刚',
      '--level',
      'city',
      '--date',
      '2026-06-01',
      '--unmet',
      '2,4',
      '--note',
      '2=记录未交回;4=问题未销号',
      '--json',
      '--data',
      dir,
    );
    expect(added.stderr).toBe('');
    const saved = JSON.parse(added.stdout) as { id: string; result: string; items: { result: string; note: string }[] };
    expect(saved.result).toBe('基本合格');
    expect(saved.items.map((i) => (i.result === '未落实' ? i.note : ''))).toEqual(['', '记录未交回', '', '问题未销号', '', '', '', '', '']);
    const listed = await cli('inspect', 'list', '--cadre', 'c1', '--data', dir);
    expect(listed.stdout).toContain('2026-06-01\t市级 市食安委第二督查组\t张伟（乡镇级，');
    expect(listed.stdout).toContain('落实 7 项，未落实 2 项\t基本合格');
    expect(listed.stdout).toContain('  未落实：责任清单：按督导计划完成督导，每季度至少一次，督导记录如实填写、按时交回（记录未交回）');
    const wrong = await cli('inspect', 'add', '--cadre', 'c1', '--team', '督查组', '--inspector', '赵刚', '--unmet', '12', '--data', dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--unmet 中的“12”不是督查清单的序号（1—9）');
    const out = path.join(dir, '督查情况表.xlsx');
    expect((await cli('export', 'report', 'inspections', '--year', '2026', '--out', out, '--data', dir)).stdout).toContain('已导出报表');
  });

  it('the integrity check finds a 督查 record used twice or naming a cadre not in the library', () => {
    const doc = smallDoc();
    const record = {
      id: 'I-1',
      cadreId: 'c1',
      date: '2027-06-01',
      inspectorLevel: 'city' as const,
      team: '督查组',
      inspectors: '赵刚',
      items: [],
      result: '合格' as const,
      notes: '',
    };
    doc.inspections = [record, record, { ...record, id: 'I-2', cadreId: 'gone' }];
    expect(findIntegrityProblems(doc)).toEqual(['督查记录的编号重复：“I-1”出现 2 次', '督查记录指向不存在的包保干部：I-2（干部“gone”）']);
  });
});
