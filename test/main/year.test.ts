import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '@shared/demo/generate';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library(today: string) {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date(`${today}T08:00:00Z`) });
  const doc = smallDoc();
  doc.assignments.push({
    id: 'a2',
    entityId: 'e2',
    cadreId: 'c2',
    start: '2027-01-02',
    end: '',
    reason: '新建',
    endReason: '',
    manual: false,
  });
  await store.replace(doc);
  return { handlers, store };
}

describe('从今天起排', () => {
  it('plans only the rest of the year on 5 December: nothing before today, past quarters not back-filled as overdue', async () => {
    const { handlers } = await library('2027-12-05');
    const result = await handlers['visits:plan']({ year: 2027, fromToday: true });
    // Two 主体, one visit each in what is left of the fourth quarter.
    expect(result.planned).toBe(2);
    expect(result.notes).toContain('从 2027-12-05 起排：此前已过去的 6 个督导周期不再补排，不计为逾期');
    const visits = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' });
    expect(visits.map((v) => v.plannedDate >= '2027-12-05' && v.plannedDate <= '2027-12-31')).toEqual([true, true]);
    const stats = await handlers['stats:get']({ regionId: '', year: 2027 });
    expect(stats.visits.byQuarter).toEqual([
      { planned: 0, done: 0 },
      { planned: 0, done: 0 },
      { planned: 0, done: 0 },
      { planned: 2, done: 0 },
    ]);

    // The whole year instead: eight visits, at least the first three quarters' six before today (what 从今天起排 avoids).
    expect((await handlers['visits:plan']({ year: 2027 })).planned).toBe(8);
    const before = (await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' })).filter((v) => v.plannedDate < '2027-12-05');
    expect(before.length).toBeGreaterThanOrEqual(6);
    // Planning again from today keeps the visits already before today as they were, and does not plan their quarters twice.
    const again = await handlers['visits:plan']({ year: 2027, fromToday: true });
    expect(again.planned).toBe(8 - before.length);
    expect(again.notes).toContain(
      `2027-12-05 之前已排定、尚未完成的 ${before.length} 个督导周期保留原计划（已逾期的请尽快完成），不重复安排`,
    );
    expect(await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' })).toHaveLength(8);
  });

  it('refuses to plan a year already over from today, saying what to choose', async () => {
    const { handlers } = await library('2027-12-05');
    expect(await dispatch(handlers, 'visits:plan', { year: 2026, fromToday: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: '2026 年已经过去，不能从今天起排；请选择今年或下一年' },
    });
  });
});

const noticeText = (year: number): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'holiday-notices', `${year}.txt`), 'utf8');

describe('放假通知 entered in 设置', () => {
  it('reads the real 2026 notice as the built-in calendar has it: nothing changes', async () => {
    const { handlers } = await library('2026-12-05');
    const preview = await handlers['calendar:readNotice']({ text: noticeText(2026) });
    expect(preview).toMatchObject({ year: 2026, replaces: 'built-in', changes: [], warnings: [] });
    expect(preview.holidays).toHaveLength(33);
    expect(preview.workdays).toHaveLength(6);
  });

  it('replaces the provisional calendar of a year in one step, and plans on it', async () => {
    const { handlers } = await library('2026-12-05');
    // The 2026 notice's days moved to 2027 stand in for the 2027 notice, which the package lacks.
    const text = noticeText(2026).replaceAll('2026年', '2027年');
    expect((await handlers['profile:get']({})).calendarNotes.join()).toContain('2027 年的放假安排尚未发布');
    const preview = await handlers['calendar:readNotice']({ text });
    expect(preview.replaces).toBe('provisional');
    expect(preview.changes).toContain('2027-02-14 放假 → 上班（春节）');
    expect(preview.changes).toContain('2027-02-22 上班 → 放假（春节）');
    expect(await handlers['calendar:saveNotice']({ text })).toMatchObject({ year: 2027 });
    const { calendar, calendarNotes } = await handlers['profile:get']({});
    expect(calendar.notices.map((n) => [n.year, n.holidays.length, n.workdays.length, n.enteredOn])).toEqual([[2027, 33, 6, '2026-12-05']]);
    expect(calendarNotes.join()).not.toContain('2027 年');
    // The office's own days are kept beside the notice.
    await handlers['calendar:save']({ extraHolidays: ['2027-03-08'], extraWorkdays: [] });
    expect((await handlers['profile:get']({})).calendar.notices).toHaveLength(1);
    await handlers['visits:plan']({ year: 2027 });
    const days = (await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' })).map((v) => v.plannedDate);
    expect(days.filter((d) => d >= '2027-02-15' && d <= '2027-02-23')).toEqual([]);

    await handlers['calendar:removeNotice']({ year: 2027 });
    expect((await handlers['profile:get']({})).calendarNotes.join()).toContain('2027 年的放假安排尚未发布');
  });

  it('says what to paste when the text is not a notice', async () => {
    const { handlers } = await library('2026-12-05');
    expect(await dispatch(handlers, 'calendar:readNotice', { text: '关于做好元旦期间食品安全工作的通知', year: 2027 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('没有读到放假安排'), fields: { text: expect.any(String) } },
    });
  });
});

describe('年度切换', () => {
  it('on the city demo, the year planned is the year stats show: its count, four quarters adding up to it', async () => {
    const now = new Date('2026-12-05T08:00:00Z');
    const { handlers, store } = await openServices(await newDir(), { now: () => now });
    await store.replace(generateDemo('city', 1, now));
    expect(store.read()?.profile.planYear).toBe(2026);
    const plan = await handlers['visits:plan']({ year: 2027 });
    expect(plan.planned).toBeGreaterThan(80_000);
    const stats = await handlers['stats:get']({ regionId: '', year: 2027 });
    expect(stats.visits.planned).toBe(plan.planned);
    expect(stats.visits.byQuarter.reduce((n, q) => n + q.planned, 0)).toBe(plan.planned);
    expect(stats.visits.byQuarter.every((q) => q.planned > plan.planned / 5)).toBe(true);

    // After 年度切换 the figures without a year are the new year's.
    const opened = await handlers['year:open']({ year: 2027 });
    expect(opened).toMatchObject({ year: 2027, previousYear: 2026, from: '' });
    expect(opened.closedYears).toContain(2026);
    expect(opened.plan.planned).toBe(plan.planned);
    expect(opened.commitmentsDue).toBe((await handlers['stats:get']({ regionId: '' })).cadres.active);
    const current = await handlers['stats:get']({ regionId: '' });
    expect(current.visits.planned).toBe(plan.planned);
    expect(current.cadres.commitmentSigned.done).toBe(0);
  });

  it('opens the next year: plans it, closes the last one read-only but reportable, asks for new 承诺书', async () => {
    const { handlers, store } = await library('2027-11-20');
    await handlers['visits:plan']({ year: 2027 });
    const [first] = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: 'e1' });
    if (!first) throw new Error('no visit');
    await handlers['visits:record']({
      id: first.id,
      doneDate: '2027-02-10',
      checklist: [],
      problems: [{ description: '晨检记录不全', deadline: '2027-03-10' }],
      notes: '',
    });

    const opened = await handlers['year:open']({ year: 2028 });
    expect(opened).toMatchObject({ year: 2028, previousYear: 2027, closedYears: [2027], commitmentsDue: 2, plan: { planned: 8 } });
    expect(store.read()?.profile).toMatchObject({ planYear: 2028, closedYears: [2027] });
    const stats = await handlers['stats:get']({ regionId: '' });
    expect(stats.visits.byQuarter.map((q) => q.planned)).toEqual([2, 2, 2, 2]);

    // 2027 is read-only: its visits are neither edited nor planned again …
    const closed = {
      ok: false,
      error: { code: 'conflict', message: '2027 年度已在年度切换时关闭，该年的督导计划和记录只能查看、导出报表，不能再修改' },
    };
    expect(await dispatch(handlers, 'visits:record', { id: first.id, doneDate: '2027-02-11' })).toMatchObject(closed);
    expect(await dispatch(handlers, 'visits:plan', { year: 2027 })).toMatchObject(closed);
    // … but still counted and reported.
    expect((await handlers['stats:get']({ regionId: '', year: 2027 })).visits).toMatchObject({ planned: 8, done: 1 });
    expect((await handlers['report:export']({ report: 'visits', regionId: '', year: 2027 })).contentBase64.length).toBeGreaterThan(0);
    // The handbook of the closed year is still made, with that year's plan; the plan year's by default.
    expect((await handlers['handbook:export']({ cadreId: 'c1' })).fileName).toMatch(/-2028\.xlsx$/);
    const handbook2027 = await handlers['handbook:export']({ cadreId: 'c1', year: 2027 });
    expect(handbook2027.fileName).toMatch(/-2027\.xlsx$/);
    // A returned 2027 handbook is not recorded any more: the row says why.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(handbook2027.contentBase64, 'base64') as unknown as ArrayBuffer);
    const row = book.getWorksheet('督导记录表')?.getRow(5);
    if (!row) throw new Error('no second planned visit');
    row.getCell(4).value = new Date(Date.UTC(2027, 4, 10));
    const returned = await handlers['handbook:import']({
      fileName: '张伟-交回.xlsx',
      contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    });
    expect(returned).toMatchObject({
      recorded: 0,
      rejected: [{ row: 5, reason: '2027 年度已在年度切换时关闭，该年的督导记录不能再录入' }],
    });
    // A year not later than the plan year cannot be opened again.
    expect(await dispatch(handlers, 'year:open', { year: 2028 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('plans a year already under way from today', async () => {
    const { handlers } = await library('2028-05-06');
    const opened = await handlers['year:open']({ year: 2028 });
    expect(opened.from).toBe('2028-05-06');
    const visits = await handlers['visits:list']({ year: 2028, cadreId: '', entityId: '' });
    expect(visits.every((v) => v.plannedDate >= '2028-05-06')).toBe(true);
    expect(visits).toHaveLength(6);
  });
});

describe('督导完成情况（按干部、季度）', () => {
  it('lists planned/done per quarter per cadre, by region and level, leaving out a 停业 主体 not yet visited', async () => {
    const { handlers, store } = await library('2027-11-20');
    await handlers['visits:plan']({ year: 2027 });
    const [first] = await handlers['visits:list']({ year: 2027, cadreId: 'c1', entityId: 'e1' });
    if (!first) throw new Error('no visit');
    await handlers['visits:record']({ id: first.id, doneDate: '2027-02-10', checklist: [], problems: [], notes: '' });
    await store.update((doc) => {
      const e2 = doc.entities.find((e) => e.id === 'e2');
      if (e2) e2.status = '停业';
    });

    const { year, rows } = await handlers['stats:cadreQuarters']({ regionId: '' });
    expect(year).toBe(2027);
    expect(rows.map((r) => [r.name, r.level, r.regionPath, r.quarters.map((q) => `${q.done}/${q.planned}`), r.done, r.planned])).toEqual([
      ['李娜', 'village', '达拉特旗 / 昭君街道 / 幸福社区', ['0/0', '0/0', '0/0', '0/0'], 0, 0],
      ['张伟', 'township', '达拉特旗 / 昭君镇', ['1/1', '0/1', '0/1', '0/1'], 1, 4],
    ]);
    // The same figures as stats, quarter by quarter.
    const stats = await handlers['stats:get']({ regionId: '' });
    expect(stats.visits.byQuarter.map((q) => q.planned)).toEqual(
      [0, 1, 2, 3].map((i) => rows.reduce((n, r) => n + (r.quarters[i]?.planned ?? 0), 0)),
    );
    expect((await handlers['stats:cadreQuarters']({ regionId: '', level: 'township' })).rows.map((r) => r.cadreId)).toEqual(['c1']);
    expect((await handlers['stats:cadreQuarters']({ regionId: 'zjjd' })).rows.map((r) => r.cadreId)).toEqual(['c2']);
  });
});

describe('主体变动的报告与包保调整期限', () => {
  it('dates a status or grade change at the save, shows the working-day deadlines, due then overdue, until reported and adjusted', async () => {
    let today = '2027-03-01';
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date(`${today}T08:00:00Z`) });
    const doc = smallDoc();
    doc.assignments.push({
      id: 'a2',
      entityId: 'e2',
      cadreId: 'c2',
      start: '2027-01-02',
      end: '',
      reason: '新建',
      endReason: '',
      manual: false,
    });
    await store.replace(doc);
    const save = async (id: string, change: Record<string, string>) => {
      const { entity } = await handlers['entities:get']({ id });
      await handlers['entities:save']({ ...entity, ...change });
    };
    await save('e2', { status: '停业' });
    await save('e1', { grade: 'B' });
    // An edit that changes neither status nor grade starts nothing.
    await save('e1', { address: '昭君镇和胜村1号' });

    const first = await handlers['entityChanges:list']({ regionId: '' });
    // 15 working days from Monday 1 March is Monday 22 March; 7 more, Wednesday 31 March.
    expect(
      first.rows.map((r) => [
        r.entityName,
        r.change.kind,
        r.change.from,
        r.change.to,
        r.change.on,
        r.reportDue,
        r.adjustDue,
        r.reportOverdue,
        r.adjustOverdue,
      ]),
    ).toEqual([
      ['幸福便利店', '停业', '在营', '停业', '2027-03-01', '2027-03-22', '2027-03-31', false, false],
      ['内蒙古食用油有限公司', '等级变更', 'C', 'B', '2027-03-01', '2027-03-22', '2027-03-31', false, false],
    ]);
    expect(first.counts).toEqual({ toReport: 2, reportOverdue: 0, toAdjust: 2, adjustOverdue: 0 });

    today = '2027-03-23';
    expect((await handlers['entityChanges:list']({ regionId: '' })).counts).toEqual({
      toReport: 2,
      reportOverdue: 2,
      toAdjust: 2,
      adjustOverdue: 0,
    });
    const e2 = first.rows[0]?.change.id ?? '';
    await handlers['entityChanges:report']({ id: e2, reportedOn: '2027-03-23' });
    expect(await dispatch(handlers, 'entityChanges:report', { id: e2, reportedOn: '2027-02-01' })).toMatchObject({
      ok: false,
      error: { message: '报告日期不能早于变动日期 2027-03-01' },
    });

    today = '2027-04-02';
    const later = await handlers['entityChanges:list']({ regionId: '' });
    // Reported on the 23rd: the 包保 is due 7 working days after the report, 1 April.
    expect(later.rows.find((r) => r.change.id === e2)).toMatchObject({
      reportOverdue: false,
      adjustDue: '2027-04-01',
      adjusted: false,
      adjustOverdue: true,
    });
    expect(later.counts).toEqual({ toReport: 1, reportOverdue: 1, toAdjust: 2, adjustOverdue: 2 });
    // `check` lists them too.
    await handlers['assign:release']({ entityIds: ['e2'], reason: '调整' });
    const after = await handlers['entityChanges:list']({ regionId: '' });
    expect(after.rows.map((r) => r.entityName)).toEqual(['内蒙古食用油有限公司']);
    expect((await handlers['entityChanges:list']({ regionId: 'zjjd' })).rows).toEqual([]);
  });

  it('takes the deadlines from 设置 and dates the changes an import makes', async () => {
    const { handlers, store } = await library('2027-03-01');
    await store.update((doc) => {
      doc.profile.statusDeadlines = { reportDays: 5, adjustDays: 3 };
    });
    const { entity } = await handlers['entities:get']({ id: 'e2' });
    await handlers['entities:save']({ ...entity, status: '注销' });
    const [row] = (await handlers['entityChanges:list']({ regionId: '' })).rows;
    expect(row).toMatchObject({ reportDue: '2027-03-08', adjustDue: '2027-03-11' });

    // A list that regrades a 主体 already held: the change is dated like a save.
    const csv = '主体名称,统一社会信用代码,包保等级\n内蒙古食用油有限公司,91350100M000100Y43,A\n';
    const preview = await handlers['import:preview']({
      kind: 'entities',
      fileName: '主体.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      mapping: {},
      blankCells: 'keep',
    });
    expect(preview.counts.update).toBe(1);
    await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
    const regraded = (await handlers['entityChanges:list']({ regionId: '' })).rows.find((r) => r.entityName === '内蒙古食用油有限公司');
    expect(regraded?.change).toMatchObject({ kind: '等级变更', from: 'C', to: 'A', on: '2027-03-01' });
  });
});
