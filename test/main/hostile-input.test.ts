import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers, ApiMethod } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { csvOf } from './import-fixtures';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library() {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
  await store.replace(smallDoc());
  await handlers['battlemap:create']({ planStart: '2027-03-01', finalDeadline: '2027-12-31', mode: 'backward', dispatchWeekday: 5 });
  await handlers['visits:plan']({ year: 2027 });
  const dataFile = path.join(dir, DATA_FILE_NAME);
  return { dir, handlers, store, dataFile };
}

/** Text that must not get in, and the words of the message that refuses it. */
const HOSTILE: readonly { readonly what: string; readonly text: (plain: string) => string; readonly says: string }[] = [
  { what: 'ESC colour code', text: (plain) => `\u001b[31m${plain}\u001b[0m`, says: '含有不可见的控制字符，请删除后重新输入' },
  { what: 'NUL', text: (plain) => `${plain}\u0000`, says: '含有不可见的控制字符，请删除后重新输入' },
  { what: 'C1 control', text: (plain) => `${plain}\u009b`, says: '含有不可见的控制字符，请删除后重新输入' },
  { what: 'right-to-left override', text: (plain) => `\u202e${plain}`, says: '含有改变文字方向的不可见字符，请删除后重新输入' },
  { what: 'bidi isolate', text: (plain) => `${plain}\u2066x\u2069`, says: '含有改变文字方向的不可见字符，请删除后重新输入' },
  { what: 'right-to-left mark', text: (plain) => `${plain}\u200f`, says: '含有改变文字方向的不可见字符，请删除后重新输入' },
  { what: 'only invisible characters', text: () => '\u200b\u200d\u2060', says: '只有空白或不可见的字符' },
];

/** One text field of each write method: the payload holding `text` there, and the field's name in the message. */
async function textFields(handlers: ApiHandlers): Promise<{ method: ApiMethod; label: string; payload: (text: string) => unknown }[]> {
  const [visit] = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' });
  const { profile } = await handlers['profile:get']({});
  const { importMappings: _m, exportTemplates: _t, ...settings } = profile;
  const entity = { type: '企业', grade: 'A', regionId: 'hhc' };
  return [
    { method: 'entities:save', label: '主体名称', payload: (text) => ({ ...entity, name: text }) },
    { method: 'entities:save', label: '许可证编号', payload: (text) => ({ ...entity, name: '好味道饭店', license: text }) },
    { method: 'entities:save', label: '地址', payload: (text) => ({ ...entity, name: '好味道饭店', address: text }) },
    { method: 'entities:save', label: '姓名', payload: (text) => ({ ...entity, name: '好味道饭店', safetyOfficers: [{ name: text }] }) },
    { method: 'entities:save', label: '备注', payload: (text) => ({ ...entity, name: '好味道饭店', notes: text }) },
    { method: 'cadres:save', label: '姓名', payload: (text) => ({ name: text, level: 'village', regionId: 'hhc' }) },
    { method: 'cadres:save', label: '职务', payload: (text) => ({ name: '赵敏', position: text, level: 'village', regionId: 'hhc' }) },
    { method: 'regulators:save', label: '工作单位', payload: (text) => ({ name: '孙强', unit: text, regionIds: ['zjz'] }) },
    { method: 'regions:save', label: '区划名称', payload: (text) => ({ parentId: 'zjz', name: text, code: '', kind: '村' }) },
    { method: 'battlemap:saveTask', label: '工作任务', payload: (text) => ({ seq: 99, name: text, durationDays: 3 }) },
    { method: 'battlemap:saveTask', label: '实施办法', payload: (text) => ({ seq: 99, name: '排查', method: text, durationDays: 3 }) },
    {
      method: 'battlemap:dispatch',
      label: '调度情况',
      payload: (text) => ({ date: '2027-03-05', entries: [{ taskId: 'T01', progress: 10, note: text }] }),
    },
    { method: 'visits:record', label: '备注', payload: (text) => ({ id: visit?.id, doneDate: '2027-03-10', notes: text }) },
    {
      method: 'visits:record',
      label: '问题描述',
      payload: (text) => ({ id: visit?.id, doneDate: '2027-03-10', problems: [{ description: text, deadline: '2027-04-01' }] }),
    },
    { method: 'profile:save', label: '单位名称', payload: (text) => ({ ...settings, orgName: text }) },
    { method: 'profile:save', label: '信件正文', payload: (text) => ({ ...settings, letter: { ...settings.letter, body: text } }) },
    {
      method: 'profile:save',
      label: '检查要点',
      payload: (text) => ({ ...settings, checklistByLevel: { ...settings.checklistByLevel, village: ['看证照', text] } }),
    },
    { method: 'export:saveTemplate', label: '模板名称', payload: (text) => ({ kind: 'entities', name: text, columns: ['name'] }) },
  ];
}

describe('text that must not get in', () => {
  it('every text field refuses control characters, bidi controls and invisible-only text with one Chinese message; data.json stays byte-identical', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    for (const field of await textFields(handlers)) {
      // The field takes plain text: the refusals below are the rule's, not another check's.
      expect(await dispatch(handlers, field.method, field.payload('正常文字')), `${field.method} ${field.label}`).toMatchObject({
        ok: true,
      });
      const accepted = await readFile(dataFile);
      for (const hostile of HOSTILE) {
        const result = await dispatch(handlers, field.method, field.payload(hostile.text('正常文字')));
        expect(result, `${field.method} ${field.label} with ${hostile.what}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-argument', message: expect.stringContaining(`${field.label}${hostile.says}`) },
        });
        expect(await readFile(dataFile)).toEqual(accepted);
      }
    }
    expect(before.length).toBeGreaterThan(0);
  });

  it('multi-line texts keep line breaks and tabs; one-line texts refuse them', async () => {
    const { handlers } = await library();
    const saved = await handlers['entities:save']({
      name: '好味道饭店',
      type: '小餐饮',
      grade: 'D',
      regionId: 'hhc',
      notes: '第一行\n\t第二行',
    } as never);
    expect(saved.notes).toBe('第一行\n\t第二行');
    expect(await dispatch(handlers, 'entities:save', { name: '好味\n道饭店', type: '小餐饮', grade: 'D', regionId: 'hhc' })).toMatchObject({
      ok: false,
      error: { fields: { name: '主体名称不能换行或含有制表符，请改为一行后重新输入' } },
    });
    expect(await dispatch(handlers, 'cadres:save', { name: '赵\t敏', level: 'village', regionId: 'hhc' })).toMatchObject({
      ok: false,
      error: { fields: { name: '姓名不能换行或含有制表符，请改为一行后重新输入' } },
    });
  });

  it('an imported row with such a name is rejected with the reason and not stored', async () => {
    const { handlers, dataFile } = await library();
    const header = ['主体名称', '主体类型', '包保等级', '旗区', '乡镇', '村'];
    // CSV keeps every character as typed (an .xlsx cannot even hold most control characters).
    const file = csvOf(
      [
        header,
        ['彩色\u001b[31m饭店', '小餐饮', 'D', '达拉特旗', '昭君镇', '和胜村'],
        ['空\u0000字符店', '小餐饮', 'D', '达拉特旗', '昭君镇', '和胜村'],
        ['\u202e店饭反', '小餐饮', 'D', '达拉特旗', '昭君镇', '和胜村'],
        ['\u200b', '小餐饮', 'D', '达拉特旗', '昭君镇', '和胜村'],
        ['正常饭店', '小餐饮', 'D', '达拉特旗', '昭君镇', '和胜村'],
      ],
      'utf8',
    );
    const preview = await handlers['import:preview']({
      kind: 'entities',
      fileName: '主体.csv',
      contentBase64: file.toString('base64'),
      mapping: {},
    } as never);
    expect(preview.rows.map((r) => [r.row, r.outcome, r.reasons])).toEqual([
      [2, 'reject', ['主体名称含有不可见的控制字符，请删除后重新输入']],
      [3, 'reject', ['主体名称含有不可见的控制字符，请删除后重新输入']],
      [4, 'reject', ['主体名称含有改变文字方向的不可见字符，请删除后重新输入']],
      [5, 'reject', ['主体名称只有空白或不可见的字符，请删除后重新输入']],
      [6, 'add', []],
    ]);
    await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
    const names = (JSON.parse(await readFile(dataFile, 'utf8')) as ReturnType<typeof smallDoc>).entities.map((e) => e.name);
    expect(names).toEqual(['内蒙古食用油有限公司', '幸福便利店', '正常饭店']);

    // Regions create their parents from the row's names: each name is checked, not only the row's own node.
    const regions = csvOf(
      [
        ['旗区', '乡镇', '村'],
        ['达拉特旗', '新\u001b[0m镇', '一村'],
        ['达拉特旗', '\u2067新镇', '二村'],
      ],
      'utf8',
    );
    const regionPreview = await handlers['import:preview']({
      kind: 'regions',
      fileName: '区划.csv',
      contentBase64: regions.toString('base64'),
      mapping: {},
    } as never);
    expect(regionPreview.rows.map((r) => r.reasons)).toEqual([
      ['乡镇（街道、苏木）名称含有不可见的控制字符，请删除后重新输入'],
      ['乡镇（街道、苏木）名称含有改变文字方向的不可见字符，请删除后重新输入'],
    ]);
  });
});

describe('dates that must not get in', () => {
  it('battlemap:create refuses 2027-02-30 with a Chinese message, writes nothing, and battlemap:get still answers', async () => {
    const dir = await newDir();
    const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
    await store.replace(smallDoc());
    const before = await readFile(path.join(dir, DATA_FILE_NAME));
    const result = await dispatch(handlers, 'battlemap:create', { planStart: '2027-01-04', finalDeadline: '2027-02-30' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: { finalDeadline: '没有“2027-02-30”这一天，请按 年-月-日 填写真实的日期，如 2027-03-01' } },
    });
    expect(await readFile(path.join(dir, DATA_FILE_NAME))).toEqual(before);
    expect(await dispatch(handlers, 'battlemap:get', {})).toMatchObject({ ok: true, value: { map: null } });
  });

  it('every date input takes real calendar days only: 2026-13-01, 2025-02-29 and 1800-01-01 refused, 2024-02-29 taken', async () => {
    const { handlers, dataFile } = await library();
    const [visit] = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' });
    const inputs: { method: ApiMethod; payload: (date: string) => unknown; field: string }[] = [
      { method: 'calendar:save', payload: (date) => ({ extraHolidays: [date], extraWorkdays: [] }), field: 'extraHolidays.0' },
      {
        method: 'battlemap:settings',
        payload: (date) => ({ planStart: date, finalDeadline: '2027-12-31', mode: 'forward', dispatchWeekday: 5 }),
        field: 'planStart',
      },
      { method: 'battlemap:dispatch', payload: (date) => ({ date, entries: [{ taskId: 'T01', progress: 10 }] }), field: 'date' },
      { method: 'visits:record', payload: (date) => ({ id: visit?.id, doneDate: date }), field: 'doneDate' },
      {
        method: 'entities:save',
        payload: (date) => ({ name: '好味道饭店', type: '小餐饮', grade: 'D', regionId: 'hhc', duties: { riskList: date } }),
        field: 'duties.riskList',
      },
      {
        method: 'cadres:save',
        payload: (date) => ({ name: '赵敏', level: 'village', regionId: 'hhc', commitments: [{ year: 2027, signedOn: date }] }),
        field: 'commitments.0.signedOn',
      },
      { method: 'assign:release', payload: (date) => ({ entityIds: ['e1'], date }), field: 'date' },
      { method: 'stats:weekly', payload: (date) => ({ from: date }), field: 'from' },
    ];
    const before = await readFile(dataFile);
    for (const input of inputs) {
      for (const [date, message] of [
        ['2026-13-01', '没有“2026-13-01”这一天'],
        ['2025-02-29', '没有“2025-02-29”这一天'],
        ['2027-02-30', '没有“2027-02-30”这一天'],
        ['1800-01-01', '超出 1901—2100 年的范围'],
      ] as const) {
        expect(await dispatch(handlers, input.method, input.payload(date)), `${input.method} ${date}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-argument', fields: { [input.field]: expect.stringContaining(message) } },
        });
      }
    }
    expect(await readFile(dataFile)).toEqual(before);
    expect(await dispatch(handlers, 'calendar:save', { extraHolidays: ['2024-02-29'], extraWorkdays: [] })).toMatchObject({ ok: true });
    expect(
      await dispatch(handlers, 'entities:save', {
        name: '闰日饭店',
        type: '小餐饮',
        grade: 'D',
        regionId: 'hhc',
        duties: { riskList: '2024-02-29' },
      }),
    ).toMatchObject({ ok: true });
  });
});

describe('a library stored by an older version', () => {
  it('loads with control characters in names and impossible dates, and its lists and figures answer', async () => {
    const dir = await newDir();
    const doc = smallDoc();
    doc.regions = doc.regions.map((r) => (r.id === 'zjz' ? { ...r, name: '昭君\u202e镇' } : r));
    doc.cadres = doc.cadres.map((c) => (c.id === 'c1' ? { ...c, name: '\u001b[31m张\u0000伟\u001b[0m', notes: '\u0007' } : c));
    doc.entities = doc.entities.map((e) => (e.id === 'e2' ? { ...e, name: '\u200b', duties: { ...e.duties, riskList: '2027-02-30' } } : e));
    doc.calendar.extraHolidays = ['2027-02-30'];
    await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(doc));
    const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
    expect(store.recovery).toBeNull();
    expect(await dispatch(handlers, 'cadres:query', {})).toMatchObject({ ok: true, value: { total: 2 } });
    expect(await dispatch(handlers, 'entities:query', {})).toMatchObject({ ok: true, value: { total: 2 } });
    expect(await dispatch(handlers, 'stats:get', {})).toMatchObject({ ok: true });
    // A 督导 problem recorded with a day that does not exist is listed; no lateness is counted from it.
    await store.update((d) => {
      d.visits = [
        {
          id: 'v1',
          entityId: 'e1',
          cadreId: 'c1',
          plannedDate: '2027-02-30',
          doneDate: '2027-02-31',
          checklist: [],
          problems: [{ id: 'q1', description: '证照过期', deadline: '2027-02-30', steps: [] }],
          notes: '',
        },
      ];
    });
    for (const report of ['problems', 'visits'] as const)
      expect(await dispatch(handlers, 'report:preview', { report, year: 2027 }), report).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'visits:openProblems', {})).toMatchObject({ ok: true, value: [{ problem: { id: 'q1' } }] });
    // Editing such a record asks for the name to be fixed.
    expect(await dispatch(handlers, 'cadres:save', { ...store.read()?.cadres[0], phone: '13900000009' })).toMatchObject({
      ok: false,
      error: { fields: { name: '姓名含有不可见的控制字符，请删除后重新输入' } },
    });
  });
});

describe('a 作战图 saved by an older version with a day that does not exist', () => {
  it('is shown with the problem named, its export says what to correct, and it is put right in its settings', async () => {
    const made = await library();
    // The store reads its 操作日志 when asked for: a copy of the document names it.
    const doc = { ...structuredClone(made.store.read()!), log: [] };
    await made.store.close();
    doc.battleMap!.finalDeadline = '2027-02-30';
    const dir = await newDir();
    await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(doc));
    const { handlers } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
    const view = await dispatch(handlers, 'battlemap:get', {});
    expect(view).toMatchObject({
      ok: true,
      value: { dispatches: null, problems: [{ message: expect.stringContaining('“2027-02-30”无效') }] },
    });
    expect(await dispatch(handlers, 'report:preview', { report: 'dispatch' })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'battlemap:export', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('请先在作战图设置中改正日期后再导出') },
    });
    const fixed = await handlers['battlemap:settings']({
      planStart: '2027-03-01',
      finalDeadline: '2027-12-31',
      mode: 'backward',
      dispatchWeekday: 5,
    });
    expect(fixed.problems).toEqual([]);
    expect(fixed.dispatches).not.toBeNull();
  }, 30_000);
});

describe('区划代码 are unique', () => {
  it('an import refuses a code another region has, or an earlier row of the file gave, naming both regions', async () => {
    const { handlers, dataFile } = await library();
    const file = csvOf(
      [
        ['旗区', '乡镇', '村', '区划代码'],
        ['达拉特旗', '昭君镇', '新一村', '150621103201'],
        ['达拉特旗', '昭君镇', '新二村', '150621103299'],
        ['达拉特旗', '昭君镇', '新三村', '150621103299'],
        ['达拉特旗', '昭君镇', '和胜村', '150621103201'],
      ],
      'utf8',
    );
    const preview = await handlers['import:preview']({
      kind: 'regions',
      fileName: '区划.csv',
      contentBase64: file.toString('base64'),
      mapping: {},
    } as never);
    expect(preview.rows.map((r) => [r.row, r.outcome, r.reasons])).toEqual([
      [
        2,
        'reject',
        ['区划代码 150621103201 已是“鄂尔多斯市/达拉特旗/昭君镇/和胜村”的代码，不能再给“鄂尔多斯市/达拉特旗/昭君镇/新一村”，请核对代码'],
      ],
      [3, 'add', []],
      [
        4,
        'reject',
        [
          '区划代码 150621103299 在本文件中已给了“鄂尔多斯市/达拉特旗/昭君镇/新二村”，不能再给“鄂尔多斯市/达拉特旗/昭君镇/新三村”，请核对代码',
        ],
      ],
      [5, 'unchanged', []],
    ]);
    await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
    const regions = (JSON.parse(await readFile(dataFile, 'utf8')) as ReturnType<typeof smallDoc>).regions;
    expect(regions.filter((r) => r.parentId === 'zjz').map((r) => [r.name, r.code])).toEqual([
      ['和胜村', '150621103201'],
      ['新二村', '150621103299'],
    ]);
  });
});

describe('column mappings name fields that exist', () => {
  it('import:saveMapping and import:preview refuse a field key the kind does not have; nothing is saved', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const refused = { ok: false, error: { code: 'invalid-argument', message: '列对应中没有这些字段：nope，请在“列对应”中重新选择' } };
    expect(
      await dispatch(handlers, 'import:saveMapping', { kind: 'entities', mapping: { 企业名称: 'name', 负责人: 'nope' } }),
    ).toMatchObject(refused);
    const file = csvOf(
      [
        ['企业名称', '包保等级'],
        ['好味道饭店', 'D'],
      ],
      'utf8',
    );
    expect(
      await dispatch(handlers, 'import:preview', {
        kind: 'entities',
        fileName: '主体.csv',
        contentBase64: file.toString('base64'),
        mapping: { 包保等级: 'nope' },
      }),
    ).toMatchObject(refused);
    expect(await readFile(dataFile)).toEqual(before);
    expect(await dispatch(handlers, 'import:saveMapping', { kind: 'entities', mapping: { 企业名称: 'name', 序号: '' } })).toMatchObject({
      ok: true,
      value: { saved: 2 },
    });
  });
});
