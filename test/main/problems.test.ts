import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/calendar/days';
import { unwrap, type ApiHandlers, type ApiInput, type ApiMethod, type ApiResults } from '@shared/api/contract';
import type { Visit } from '@shared/visits/types';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { cli } from './run-cli';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** A visit made on `doneDate` to 内蒙古食用油有限公司 (网格监管人员 高峰), with problems as a library stores them. */
function visitWith(id: string, doneDate: string, problems: readonly object[]): Visit {
  return {
    id,
    entityId: 'e1',
    cadreId: 'c1',
    plannedDate: doneDate,
    doneDate,
    checklist: [],
    problems: problems as Visit['problems'],
    notes: '',
  };
}

async function library(today: string, visits: readonly Visit[]) {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date(`${today}T08:00:00Z`) });
  await store.replace({ ...smallDoc(), visits: [...visits] });
  const call = caller(handlers);
  await saveProfile(call, { operatorName: '刘文' });
  return { dir, handlers, store, call };
}

type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

/** Through the contract's schemas, as the app and the CLI call the services. */
function caller(handlers: ApiHandlers): Call {
  return async (method, input) => unwrap(await dispatch(handlers, method, input)) as ApiResults[typeof method];
}

/** 设置 saved with some values changed, as the settings screen sends it. */
async function saveProfile(call: Call, changes: object): Promise<void> {
  const { importMappings: _m, exportTemplates: _t, ...editable } = (await call('profile:get', {})).profile;
  await call('profile:save', { ...editable, ...changes });
}

async function ledgerRows(call: Call): Promise<Record<string, unknown>[]> {
  const file = await call('report:export', { report: 'problems', year: 2027 });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 4; r <= sheet.rowCount; r++) {
    const cells = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(
      Object.fromEntries(
        header.map((h, i) => [h, cells[i] instanceof Date ? (cells[i] as Date).toISOString().slice(0, 10) : (cells[i] ?? null)]),
      ),
    );
  }
  expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape' });
  return rows;
}

describe('问题整改 to 销号', () => {
  it('takes a problem through 交办, 整改, 退回, 整改, 复核通过 and 销号, each dated and by whom, and the 台账 shows every step', async () => {
    const { handlers, call } = await library('2027-04-20', [
      visitWith('v1', '2027-03-01', [{ id: 'q1', description: '晨检记录不全', deadline: '2027-03-31', steps: [] }]),
    ]);
    const step = (input: object) => dispatch(handlers, 'problems:step', { visitId: 'v1', problemId: 'q1', ...input });
    const stage = async () => (await call('problems:list', {}))[0]?.stage;
    expect(await stage()).toBe('待交办');

    // Out of order, or dated before the visit or after today: refused in Chinese, nothing recorded.
    expect(await step({ step: '销号', on: '2027-03-02' })).toMatchObject({
      ok: false,
      error: { message: '不能销号：这个问题现在待交办，下一步应为交办或整改' },
    });
    expect(await step({ step: '交办', on: '2027-02-28' })).toMatchObject({
      ok: false,
      error: { message: '交办日期不能早于发现问题的督导日期（2027-03-01）' },
    });
    expect(await step({ step: '交办', on: '2027-04-21' })).toMatchObject({ ok: false, error: { message: '交办日期不能晚于今天' } });

    // 交办 goes to the 主体's 网格监管人员 unless told otherwise, by the 操作人 of 设置.
    expect(await step({ step: '交办', on: '2027-03-02', note: '请督促三日内整改' })).toMatchObject({
      ok: true,
      value: { stage: '待整改' },
    });
    expect(await step({ step: '整改', on: '2027-03-20', by: '王芳', note: '补齐晨检记录' })).toMatchObject({
      ok: true,
      value: { stage: '待复核', problem: { rectifiedOn: '2027-03-20' } },
    });
    expect(await step({ step: '退回', on: '2027-03-22' })).toMatchObject({
      ok: false,
      error: { message: '请填写退回的原因，整改人据此重新整改' },
    });
    const returned = await call('problems:step', {
      visitId: 'v1',
      problemId: 'q1',
      step: '退回',
      on: '2027-03-22',
      note: '三月上旬记录仍缺',
    });
    expect(returned.stage).toBe('待整改');
    expect(returned.problem.rectifiedOn).toBeUndefined();
    expect(await step({ step: '复核通过', on: '2027-03-23' })).toMatchObject({
      ok: false,
      error: { message: '不能复核通过：这个问题现在待整改，下一步应为整改' },
    });
    expect(await step({ step: '整改', on: '2027-03-21' })).toMatchObject({
      ok: false,
      error: { message: '整改日期不能早于上一步的日期（2027-03-22）' },
    });
    await step({ step: '整改', on: '2027-03-25', note: '已补记并培训晨检员' });
    await step({ step: '复核通过', on: '2027-03-26', by: '高峰' });
    const closed = await call('problems:step', { visitId: 'v1', problemId: 'q1', step: '销号', on: '2027-03-27' });
    expect(closed).toMatchObject({ stage: '已销号', overdue: {} });
    expect(closed.problem.steps.map((s) => [s.step, s.on, s.by, s.to ?? '', s.note])).toEqual([
      ['交办', '2027-03-02', '刘文', '高峰（达拉特旗市场监督管理局昭君市场监督管理所）', '请督促三日内整改'],
      ['整改', '2027-03-20', '王芳', '', '补齐晨检记录'],
      ['退回', '2027-03-22', '刘文', '', '三月上旬记录仍缺'],
      ['整改', '2027-03-25', '刘文', '', '已补记并培训晨检员'],
      ['复核通过', '2027-03-26', '高峰', '', ''],
      ['销号', '2027-03-27', '刘文', '', ''],
    ]);
    expect(await step({ step: '整改', on: '2027-03-28' })).toMatchObject({
      ok: false,
      error: { message: '不能整改：这个问题已销号，不能再办理' },
    });

    // Editing the visit record keeps the steps the problem took.
    const edited = await call('visits:record', {
      id: 'v1',
      doneDate: '2027-03-01',
      problems: [{ id: 'q1', description: '晨检记录不全（已核实）', deadline: '2027-03-31' }],
    });
    expect(edited.problems[0]?.steps).toHaveLength(6);

    expect(await ledgerRows(call)).toEqual([
      expect.objectContaining({
        问题描述: '晨检记录不全（已核实）',
        交办日期: '2027-03-02',
        交办对象: '高峰（达拉特旗市场监督管理局昭君市场监督管理所）',
        整改日期: '2027-03-25',
        整改情况: '已补记并培训晨检员',
        复核日期: '2027-03-26',
        复核情况: '退回 1 次，通过（高峰）',
        销号日期: '2027-03-27',
        当前环节: '已销号',
        逾期情况: '否',
      }),
    ]);
    expect((await call('stats:get', { regionId: '' })).problems.byStage).toEqual({ toAssign: 0, toRectify: 0, toReview: 0, toClose: 0 });
    const log = await call('log:list', {});
    expect(JSON.stringify(log)).toContain('问题退回（内蒙古食用油有限公司：晨检记录不全，2027-03-22，经办人 刘文）：三月上旬记录仍缺');
  });

  it('交办 to another 网格监管人员 or to a 市场监管所; a 主体 without one must be told whom', async () => {
    const { handlers, store, call } = await library('2027-04-20', [
      visitWith('v1', '2027-03-01', [{ id: 'q1', description: '留样不足', deadline: '2027-03-31', steps: [] }]),
      { ...visitWith('v2', '2027-03-01', [{ id: 'q2', description: '证照未公示', deadline: '2027-03-31', steps: [] }]), entityId: 'e2' },
    ]);
    await store.update((doc) => {
      doc.regulators.push({ id: 'g2', name: '白雪', unit: '', phone: '', regionIds: [] });
    });
    const to = async (visitId: string, problemId: string, input: object) =>
      (await call('problems:step', { visitId, problemId, step: '交办', on: '2027-03-02', ...input })).problem.steps[0]?.to;
    expect(await dispatch(handlers, 'problems:step', { visitId: 'v2', problemId: 'q2', step: '交办', on: '2027-03-02' })).toMatchObject({
      ok: false,
      error: {
        message: '这个主体没有网格监管人员：请选择交办给哪位网格监管人员，或填写交办的市场监管所',
        fields: { to: expect.any(String) },
      },
    });
    expect(await to('v2', 'q2', { to: '昭君市场监督管理所' })).toBe('昭君市场监督管理所');
    expect(await to('v1', 'q1', { regulatorId: 'g2' })).toBe('白雪');
  });

  it('lists what is overdue at each step: 交办 and 复核 in working days (settings), 整改 past its deadline', async () => {
    // Found Friday 2027-03-05; 3 working days to 交办 → due Wednesday 03-10. 整改 on Monday 03-15, 5 working days to 复核 → due 03-22.
    const { call } = await library('2027-03-24', [
      visitWith('v1', '2027-03-05', [
        { id: 'late-assign', description: '未交办', deadline: '2027-04-30', steps: [] },
        {
          id: 'late-rectify',
          description: '已交办未整改',
          deadline: '2027-03-20',
          steps: [{ step: '交办', on: '2027-03-08', by: '刘文', note: '', to: '高峰', regulatorId: 'g1' }],
        },
        {
          id: 'late-review',
          description: '整改待复核',
          deadline: '2027-04-30',
          rectifiedOn: '2027-03-15',
          steps: [{ step: '整改', on: '2027-03-15', by: '刘文', note: '' }],
        },
        { id: 'in-time', description: '按时', deadline: '2027-04-30', steps: [{ step: '交办', on: '2027-03-08', by: '刘文', note: '' }] },
      ]),
    ]);
    const overdue = async (step: '交办' | '整改' | '复核') =>
      (await call('problems:list', { overdue: step })).map((p) => [p.problem.id, p.overdue[step]]);
    expect(await overdue('交办')).toEqual([['late-assign', 10]]);
    expect(await overdue('整改')).toEqual([['late-rectify', 4]]);
    expect(await overdue('复核')).toEqual([['late-review', 2]]);
    expect((await call('problems:list', { stage: '待整改' })).map((p) => p.problem.id)).toEqual(['late-rectify', 'in-time']);

    // The local rule is a setting: ten working days to 复核 and nothing is late there any more.
    const { visitRules } = (await call('profile:get', {})).profile;
    await saveProfile(call, { visitRules: { ...visitRules, problemDays: { assign: 3, review: 10 } } });
    expect(await overdue('复核')).toEqual([]);
    await expect(saveProfile(call, { visitRules: { ...visitRules, problemDays: { assign: 0, review: 5 } } })).rejects.toThrow(
      '交办时限至少为 1 个工作日',
    );

    const rows = await ledgerRows(call);
    expect(rows.map((r) => [r['问题描述'], r['当前环节'], r['逾期情况']])).toEqual([
      ['按时', '待整改', '否'],
      ['未交办', '待交办', '交办逾期 10 个工作日'],
      ['已交办未整改', '待整改', '整改逾期 4 天'],
      ['整改待复核', '待复核', '否'],
    ]);
    expect((await call('stats:get', { regionId: '' })).problems.byStage).toEqual({ toAssign: 1, toRectify: 2, toReview: 1, toClose: 0 });
  });

  it('reads a library saved before the steps: a problem with only its rectified day awaits 复核, one without awaits 交办', async () => {
    const dir = await newDir();
    // As an older version wrote it: problems with id, description, deadline and maybe rectifiedOn, nothing else.
    const old = JSON.parse(JSON.stringify({ ...smallDoc(), visits: [] }));
    old.visits = [
      {
        id: 'v1',
        entityId: 'e1',
        cadreId: 'c1',
        plannedDate: '2026-11-02',
        doneDate: '2026-11-02',
        checklist: [],
        notes: '',
        problems: [
          { id: 'old-rectified', description: '消毒记录缺失', deadline: '2026-11-20', rectifiedOn: '2026-11-18' },
          { id: 'old-open', description: '健康证过期', deadline: '2026-11-20' },
        ],
      },
    ];
    await writeFile(path.join(dir, 'data.json'), JSON.stringify(old));
    const { handlers } = await openServices(dir, { now: () => new Date('2026-12-01T08:00:00Z') });
    const call = caller(handlers);
    const rows = await call('problems:list', {});
    expect(rows.map((p) => [p.problem.id, p.stage, p.problem.steps])).toEqual([
      ['old-open', '待交办', []],
      ['old-rectified', '待复核', []],
    ]);
    // The open one is late at 交办 and 整改; 复核 was due 5 working days after the rectified day (2026-11-25).
    expect(rows.map((p) => p.overdue)).toEqual([{ 交办: 18, 整改: 11 }, { 复核: 4 }]);
    const stats = await call('stats:get', { regionId: '', year: 2026 });
    expect(stats.problems).toEqual({
      open: 1,
      closed: 1,
      openAllYears: 1,
      byStage: { toAssign: 1, toRectify: 0, toReview: 1, toClose: 0 },
    });
    // It carries on from there.
    await call('problems:step', { visitId: 'v1', problemId: 'old-rectified', step: '复核通过', on: '2026-11-30' });
    expect((await call('problems:list', { stage: '待销号' })).map((p) => p.problem.id)).toEqual(['old-rectified']);
  });
});

describe('CLI problems and problem assign|rectify|review|close', () => {
  it('moves a problem one step at a time to 销号, lists by stage and overdue step, and refuses in Chinese', async () => {
    const dir = await newDir();
    // The CLI dates a step today (the real day): the visit was ten days ago.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const found = addDays(today, -10);
    const { store } = await openServices(dir, {});
    await store.replace({
      ...smallDoc(),
      visits: [visitWith('v1', found, [{ id: 'q1', description: '晨检记录不全', deadline: addDays(today, -1), steps: [] }])],
    });
    await store.close();
    const run = async (...args: string[]) => {
      const result = await cli(...args, '--data', dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return result.stdout;
    };

    const listed = JSON.parse(await run('problems', '--overdue', '整改', '--json'));
    expect(listed).toMatchObject([{ problem: { id: 'q1' }, stage: '待交办', overdue: { 整改: 1 } }]);
    expect(await run('problems')).toContain('q1\t待交办\t内蒙古食用油有限公司\t晨检记录不全');
    expect(JSON.parse(await run('problem', 'assign', '--id', 'q1', '--date', addDays(found, 1), '--json'))).toMatchObject({
      stage: '待整改',
      problem: { steps: [{ step: '交办', to: '高峰（达拉特旗市场监督管理局昭君市场监督管理所）', by: '管理员' }] },
    });
    expect(await run('problem', 'rectify', '--id', 'q1', '--note', '已补记', '--by', '王芳')).toMatch(/^已整改：q1\t待复核\t/);
    const refused = await cli('problem', 'review', '--id', 'q1', '--result', '退回', '--data', dir);
    expect(refused).toMatchObject({ code: 1, stderr: '错误：请填写退回的原因，整改人据此重新整改 / Error: invalid-argument\n' });
    expect(JSON.parse(await run('problem', 'review', '--id', 'q1', '--result', '退回', '--note', '记录仍不全', '--json'))).toMatchObject({
      stage: '待整改',
    });
    await run('problem', 'rectify', '--id', 'q1');
    await run('problem', 'review', '--id', 'q1', '--result', '通过');
    expect(JSON.parse(await run('problems', '--stage', '待销号', '--json'))).toHaveLength(1);
    const closed = JSON.parse(await run('problem', 'close', '--id', 'q1', '--json'));
    expect(closed.problem.steps.map((s: { step: string; on: string }) => s.step)).toEqual([
      '交办',
      '整改',
      '退回',
      '整改',
      '复核通过',
      '销号',
    ]);
    expect(closed.problem.steps.slice(1).every((s: { on: string }) => s.on === today)).toBe(true);
    expect(JSON.parse(await run('stats', '--json')).problems.byStage).toEqual({ toAssign: 0, toRectify: 0, toReview: 0, toClose: 0 });

    expect(await cli('problem', 'review', '--id', 'q1', '--data', dir)).toMatchObject({
      code: 1,
      stderr: '错误：复核请用 --result 通过 或 --result 退回 / Error: review needs --result pass|return\n',
    });
    expect(await cli('problem', 'close', '--id', 'nope', '--data', dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('找不到编号为“nope”的问题'),
    });
    expect(await cli('problems', '--stage', '完成', '--data', dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--stage 应为 待交办、待整改、待复核、待销号、已销号 之一'),
    });
  }, 400_000);
});
