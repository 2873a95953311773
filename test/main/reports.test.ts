import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { REPORT_KINDS, REPORT_LABELS } from '@shared/reports/kinds';
import type { Store } from '@shared/storage/types';
import { dispatch } from '../../main/server/api/dispatch';
import { COMBINED_LIMIT } from '../../main/server/handlers/handbook';
import { openServices } from '../../main/server/services';
import { finished } from './job-poll';
import { useTempDirs } from './temp-dir';
import { recordVisitsBefore } from './visit-fixtures';

const newDir = useTempDirs();

async function workbookOf(contentBase64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const values = (sheet: ExcelJS.Worksheet, row: number): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);

/** The 统计表's two header rows as one name per column (包保干部（人）·市级), and its rows by region. */
function summaryTable(sheet: ExcelJS.Worksheet): { header: string[]; rows: unknown[][]; total: unknown[] } {
  const [groups, labels] = [values(sheet, 3), values(sheet, 4)];
  const header = labels.map((label, i) => (groups[i] === label ? String(label) : `${String(groups[i])}·${String(label)}`));
  const rows: unknown[][] = [];
  for (let r = 5; values(sheet, r)[0] !== '合计'; r++) rows.push(values(sheet, r));
  return { header, rows, total: values(sheet, 5 + rows.length) };
}

/** A district with its plan, half a year of recorded visits and a 作战图 with two 周调度. */
async function districtWithVisits(): Promise<{ handlers: ApiHandlers; store: Store }> {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2026-07-01T08:00:00Z') });
  await handlers['app:loadDemo']({ scale: 'district', seed: 2 });
  await handlers['visits:plan']({ year: 2026 });
  await recordVisitsBefore(store, '2026-07-01');
  const map = await handlers['battlemap:create']({
    planStart: '2026-03-02',
    finalDeadline: '2026-12-18',
    mode: 'backward',
    dispatchWeekday: 5,
  });
  const [first, second] = map.map?.tasks ?? [];
  await handlers['battlemap:dispatch']({ date: '2026-06-19', entries: [{ taskId: first!.id, progress: 60, note: '已完成摸底' }] });
  await handlers['battlemap:dispatch']({
    date: '2026-06-26',
    entries: [
      { taskId: first!.id, progress: 100, note: '' },
      { taskId: second!.id, progress: 30, note: '分级推进中' },
    ],
  });
  return { handlers, store };
}

describe('上报 reports', () => {
  it('every report is a print-ready sheet: merged title, subtitle, frozen and repeated header, A4 landscape (the 统计表 and 问题整改台账 A3) fitted to width, page footer', async () => {
    const { handlers } = await districtWithVisits();
    for (const report of REPORT_KINDS) {
      // The 统计表's header is two rows: its groups over its columns.
      const headerRows = report === 'summary' ? 4 : 3;
      const file = await handlers['report:export']({ report, regionId: '' });
      expect(file.fileName).toBe(`${REPORT_LABELS[report]}-2026-07-01.xlsx`);
      const sheet = await workbookOf(file.contentBase64);
      const width = sheet.columnCount;
      expect(sheet.name).toBe(REPORT_LABELS[report]);
      expect(String(sheet.getCell('A1').value)).toContain(REPORT_LABELS[report]);
      expect(sheet.model.merges).toEqual(
        expect.arrayContaining([`A1:${sheet.getColumn(width).letter}1`, `A2:${sheet.getColumn(width).letter}2`]),
      );
      const paperSize = report === 'summary' || report === 'problems' ? 8 : 9;
      expect(sheet.pageSetup).toMatchObject({
        paperSize,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `3:${headerRows}`,
      });
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRows });
      expect(sheet.rowCount).toBeGreaterThan(headerRows + 1);
      expect(sheet.getCell(headerRows + 1, 1).border?.top?.style).toBe('thin');
    }
  });

  it('包保关系明细表: numbered, in area order (旗区, 乡镇, 村 by code, then name), with each 主体’s 网格监管人员', async () => {
    const { handlers, store } = await districtWithVisits();
    const doc = store.read()!;
    const sheet = await workbookOf((await handlers['report:export']({ report: 'assignments', regionId: '' })).contentBase64);
    const header = values(sheet, 3);
    expect([header[0], header.at(-1)]).toEqual(['序号', '网格监管人员']);
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => values(sheet, 4 + i));
    const current = doc.assignments.filter((a) => a.end === '');
    expect(rows.map((r) => r[0])).toEqual(current.map((_, i) => i + 1));
    const entityOf = new Map(doc.entities.map((e) => [e.id, e]));
    const code = new Map(doc.regions.map((r) => [r.id, r.code]));
    const expected = current
      .map((a) => entityOf.get(a.entityId)!)
      .sort((a, b) => code.get(a.regionId)!.localeCompare(code.get(b.regionId)!) || a.name.localeCompare(b.name, 'zh'));
    expect(rows.map((r) => r[header.indexOf('主体名称')])).toEqual(expected.map((e) => e.name));
    const regulator = new Map(doc.regulators.map((g) => [g.id, g.name]));
    expect(rows.map((r) => r.at(-1) ?? '')).toEqual(expected.map((e) => regulator.get(e.regulatorId) ?? ''));
    expect(expected.filter((e) => regulator.has(e.regulatorId)).length).toBeGreaterThan(0);
  });

  it('督导记录汇总 and 问题整改台账 hold every visit and problem of the year in the scope', async () => {
    const { handlers, store } = await districtWithVisits();
    const doc = store.read()!;
    const township = doc.regions.find((r) => r.name === '铜川镇')!;
    const inTownship = new Set(
      doc.entities
        .filter((e) => doc.regions.find((r) => r.id === e.regionId)?.parentId === township.id || e.regionId === township.id)
        .map((e) => e.id),
    );
    const visits = doc.visits.filter((v) => inTownship.has(v.entityId) && v.plannedDate.startsWith('2026'));
    const problems = visits.flatMap((v) => v.problems);
    expect(problems.length).toBeGreaterThan(5);

    const summary = await workbookOf(
      (await handlers['report:export']({ report: 'visits', regionId: township.id, year: 2026 })).contentBase64,
    );
    const header = values(summary, 3);
    const total = values(summary, summary.rowCount);
    expect(total[0]).toBe('合计');
    expect(total[header.indexOf('计划次数')]).toBe(visits.length);
    expect(total[header.indexOf('完成次数')]).toBe(visits.filter((v) => v.doneDate).length);
    expect(total[header.indexOf('发现问题')]).toBe(problems.length);
    for (let r = 4; r < summary.rowCount; r++) expect(values(summary, r)[1]).toBe('铜川镇');

    const ledger = await workbookOf((await handlers['report:export']({ report: 'problems', regionId: township.id })).contentBase64);
    expect(ledger.rowCount - 3).toBe(problems.length);
    const ledgerHeader = values(ledger, 3);
    const stage = ledgerHeader.indexOf('当前环节');
    const stages = Array.from({ length: problems.length }, (_, i) => values(ledger, 4 + i)[stage]);
    expect(stages.filter((s) => s !== '待交办' && s !== '待整改')).toHaveLength(problems.filter((p) => p.rectifiedOn).length);
    expect(stages.filter((s) => s === '已销号')).toHaveLength(problems.filter((p) => p.steps.some((s) => s.step === '销号')).length);
    // Dates are real dates, in the date columns.
    expect(ledger.getCell(4, ledgerHeader.indexOf('发现日期') + 1).value).toBeInstanceOf(Date);
  });

  it('周调度进展表 has a column per 周调度 and the latest note', async () => {
    const { handlers } = await districtWithVisits();
    const sheet = await workbookOf((await handlers['report:export']({ report: 'dispatch', regionId: '' })).contentBase64);
    const header = values(sheet, 3);
    expect(header).toEqual(expect.arrayContaining(['06-19调度', '06-26调度', '最近调度情况']));
    const row = values(sheet, 4);
    expect([row[header.indexOf('06-19调度')], row[header.indexOf('06-26调度')]]).toEqual([0.6, 1]);
    expect(String(row[header.indexOf('最近调度情况')])).toContain('已完成摸底');
  });

  it('a saved column template picks and orders the columns; bad templates and columns are refused in Chinese', async () => {
    const { handlers } = await districtWithVisits();
    const columns = await handlers['export:columns']({ kind: 'report:problems' });
    expect(columns.map((c) => c.label)).toEqual([
      '序号',
      '旗区',
      '乡镇',
      '主体名称',
      '包保干部',
      '发现日期',
      '问题描述',
      '整改期限',
      '交办日期',
      '交办对象',
      '整改日期',
      '整改情况',
      '复核日期',
      '复核情况',
      '销号日期',
      '当前环节',
      '逾期情况',
    ]);
    await handlers['export:saveTemplate']({ kind: 'report:problems', name: '市局月报', columns: ['entity', 'description', 'status'] });
    expect((await handlers['export:templates']({ kind: 'report:problems' })).map((t) => t.name)).toEqual(['市局月报']);
    const sheet = await workbookOf(
      (await handlers['report:export']({ report: 'problems', regionId: '', template: '市局月报' })).contentBase64,
    );
    expect(values(sheet, 3)).toEqual(['主体名称', '问题描述', '当前环节']);
    // A few columns fit A4; the whole 闭环 takes A3.
    expect(sheet.pageSetup.paperSize).toBe(9);

    // The 周调度 dates are one choice that brings every date column.
    const dispatchSheet = await workbookOf(
      (await handlers['report:export']({ report: 'dispatch', regionId: '', columns: ['dispatches', 'task'] })).contentBase64,
    );
    expect(values(dispatchSheet, 3)).toEqual(['06-19调度', '06-26调度', '工作任务']);

    expect(await dispatch(handlers, 'report:export', { report: 'problems', template: '没有这个' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: '问题整改台账没有名为“没有这个”的列模板，请重新选择' },
    });
    expect(await dispatch(handlers, 'report:export', { report: 'visits', columns: ['entity', 'bogus'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: '督导记录汇总没有这些列：bogus，请在列模板中重新选择列' },
    });
    expect(await dispatch(handlers, 'export:saveTemplate', { kind: 'report:summary', name: 'x', columns: ['entity'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(handlers, 'report:export', { report: 'weekly' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('a large report is made in a worker thread: other requests are answered while it is built', async () => {
    const { handlers } = await districtWithVisits();
    let exported = false;
    const exporting = dispatch(handlers, 'report:export', { report: 'visits', regionId: '' }).then((result) => {
      exported = true;
      return result;
    });
    // A screen asking for app:info every 10 ms meanwhile: when the answers came.
    const answeredAt: number[] = [performance.now()];
    const asking = setInterval(
      () => void dispatch(handlers, 'app:info', {}).then(() => !exported && answeredAt.push(performance.now())),
      10,
    );
    const result = await exporting;
    clearInterval(asking);
    expect(result.ok).toBe(true);
    // Built in a thread of its own: about 80 answers here. Built on the main thread, its rows held
    // the answers back for 200 ms at a time, and about 16 came.
    expect(answeredAt.length).toBeGreaterThanOrEqual(35);
  });

  it('the preview shows the first 50 rows and the 合计 as the export writes them', async () => {
    const { handlers } = await districtWithVisits();
    const preview = await handlers['report:preview']({ report: 'visits', regionId: '' });
    const sheet = await workbookOf((await handlers['report:export']({ report: 'visits', regionId: '' })).contentBase64);
    expect(preview.rowCount).toBe(sheet.rowCount - 4);
    expect(preview.rows).toHaveLength(50);
    expect(preview.columns.map((c) => c.label)).toEqual(values(sheet, 3));
    expect(preview.rows[0]?.[2]).toBe(sheet.getCell(4, 3).value);
    expect(preview.totalRow?.[0]).toBe('合计');
    expect(preview.title).toBe(sheet.getCell('A1').value);
  });
});

describe('上报 reports at city scale', () => {
  let handlers: ApiHandlers;
  // One city library for these tests (useTempDirs cleans up after each test, too early here).
  let cityDir = '';
  beforeAll(async () => {
    cityDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-city-'));
    ({ handlers } = await openServices(cityDir, { now: () => new Date('2026-07-01T08:00:00Z') }));
    await handlers['app:loadDemo']({ scale: 'city', seed: 1 });
    await handlers['visits:plan']({ year: 2026 });
  });
  afterAll(() => rm(cityDir, { recursive: true, force: true }));

  it('the 统计表 of a 旗区 has a row per 乡镇 and a 合计 equal to stats for the same scope', async () => {
    const county = (await handlers['regions:list']({})).find((r) => r.name === '达拉特旗')!;
    const stats = await handlers['stats:get']({ regionId: county.id });
    const file = await handlers['report:export']({ report: 'summary', regionId: county.id });
    expect(file.fileName).toBe('包保工作情况统计表-达拉特旗-2026-07-01.xlsx');
    const sheet = await workbookOf(file.contentBase64);
    expect(String(sheet.getCell('A1').value)).toBe('达拉特旗食品安全包保工作情况统计表（2026年度）');
    const { header, rows, total } = summaryTable(sheet);
    const at = (label: string) => total[header.indexOf(label)];
    const ratio = ({ done, total: all }: { done: number; total: number }) => (all === 0 ? '—' : done / all);
    expect(header[0]).toBe('乡镇');
    const townships = (await handlers['regions:list']({})).filter((r) => r.parentId === county.id);
    expect(rows.map((row) => row[0])).toEqual([...townships.map((r) => r.name), '达拉特旗本级']);
    // Every count column adds up to 合计: the 旗区级 cadres and the like sit in the 本级 row.
    header.forEach((label, i) => {
      if (typeof total[i] === 'number' && !/比例|率/.test(label))
        expect(
          rows.reduce((sum, row) => sum + Number(row[i]), 0),
          label,
        ).toBe(total[i]);
    });
    expect(at('包保主体（户）·合计')).toBe(stats.entities.total);
    expect(['A', 'B', 'C', 'D'].map((g) => at(`包保主体（户）·${g}级`))).toEqual([
      stats.entities.byGrade.A,
      stats.entities.byGrade.B,
      stats.entities.byGrade.C,
      stats.entities.byGrade.D,
    ]);
    expect(['市级', '旗区级', '乡镇级', '村级'].map((l) => at(`包保干部（人）·${l}`))).toEqual([
      stats.cadres.byLevel.city,
      stats.cadres.byLevel.county,
      stats.cadres.byLevel.township,
      stats.cadres.byLevel.village,
    ]);
    expect(at('网格监管人员（人）')).toBe(stats.regulators.total);
    expect(at('企业（户）·企业数')).toBe(stats.entities.enterprises);
    expect(at('企业（户）·大型企业')).toBe(stats.entities.largeEnterprises);
    expect([at('包保覆盖（户）·已包保'), at('包保覆盖（户）·未包保')]).toEqual([stats.coverage.assigned, stats.coverage.unassigned]);
    expect(at('包保覆盖（户）·覆盖率')).toBeCloseTo(stats.coverage.assigned / (stats.coverage.assigned + stats.coverage.unassigned), 12);
    expect([at('日管控周排查月调度·户数'), at('企业（户）·在营企业')]).toEqual([
      stats.duties.dailyWeeklyMonthly.done,
      stats.duties.dailyWeeklyMonthly.total,
    ]);
    expect(at('日管控周排查月调度·比例')).toBeCloseTo(ratio(stats.duties.dailyWeeklyMonthly) as number, 12);
    expect(at('纳入风险管控系统·比例')).toBeCloseTo(ratio(stats.duties.riskSystem) as number, 12);
    expect(at('配备食品安全员·比例')).toBeCloseTo(ratio(stats.duties.safetyOfficer) as number, 12);
    expect(at('企业签订承诺书·比例')).toBeCloseTo(ratio(stats.duties.commitment) as number, 12);
    expect([at('食品安全总监·应配备'), at('食品安全总监·已配备')]).toEqual([
      stats.duties.safetyDirector.total,
      stats.duties.safetyDirector.done,
    ]);
    expect(at('干部承诺书（人）·签订率')).toEqual(ratio(stats.cadres.commitmentSigned));
    expect([at('督导（次）·计划'), at('督导（次）·完成')]).toEqual([stats.visits.planned, stats.visits.done]);
    expect([at('问题（个）·发现'), at('问题（个）·已整改')]).toEqual([stats.problems.open + stats.problems.closed, stats.problems.closed]);
    expect(stats.visits.planned).toBeGreaterThan(1000);
  });

  it('refuses a 合订本 of the whole city and says how to narrow it', async () => {
    const refused = await dispatch(handlers, 'handbook:exportAll', { combined: true });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: expect.stringMatching(new RegExp(`^合订本最多包含 ${COMBINED_LIMIT} 名干部，所选范围有 \\d{4} 名：请选择一个旗区或乡镇`)),
      },
    });
    // The largest 旗区 fits; cancelled before the file is written, it leaves nothing behind.
    const county = (await handlers['regions:list']({})).find((r) => r.name === '东胜区')!;
    const started = await handlers['handbook:exportAll']({
      regionId: county.id,
      combined: true,
      outDir: path.join(cityDir, 'out'),
      subfolder: false,
    });
    await handlers['jobs:cancel']({ jobId: started.jobId });
    expect(await finished(handlers, started)).toMatchObject({ state: 'cancelled', files: 0, message: '已取消，未生成合订本' });
  });
});
