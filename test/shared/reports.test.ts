import { describe, expect, it } from 'vitest';
import { RegionIndex } from '@shared/domain/regions';
import { CadreSchema, EntitySchema } from '@shared/domain/schemas';
import type { BattleMapView } from '@shared/api/contract';
import { dispatchProgressTable } from '@shared/reports/battlemap';
import { fullLabel } from '@shared/reports/columns';
import { problemLedgerReport } from '@shared/reports/problems';
import type { ReportScope } from '@shared/reports/scope';
import { summaryReport } from '@shared/reports/summary';
import { visitSummaryReport } from '@shared/reports/visits';
import { computeBreakdown } from '@shared/stats/breakdown';
import { computeStats } from '@shared/stats/stats';
import type { DataDoc } from '@shared/storage/types';
import { VisitSchema, type Visit } from '@shared/visits/types';
import { smallDoc } from '../main/small-doc';

/** smallDoc plus a year of visits with known answers (and one of the year before, left out). */
function docWithVisits(): DataDoc {
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
  const visit = (v: Partial<Visit> & Pick<Visit, 'id' | 'entityId' | 'cadreId' | 'plannedDate'>): Visit => VisitSchema.parse(v);
  doc.visits = [
    visit({
      id: 'v1',
      entityId: 'e1',
      cadreId: 'c1',
      plannedDate: '2027-03-01',
      doneDate: '2027-03-02',
      checklist: [{ item: '三类人', result: '符合' }],
      problems: [{ id: 'p1', description: '晨检记录不全', deadline: '2027-03-20', rectifiedOn: '2027-03-25', steps: [] }],
    }),
    visit({
      id: 'v2',
      entityId: 'e1',
      cadreId: 'c1',
      plannedDate: '2027-06-01',
      doneDate: '2027-06-03',
      checklist: [
        { item: '三件事', result: '不符合' },
        { item: '三本账', result: '符合' },
      ],
      problems: [{ id: 'p2', description: '未建立周排查报告', deadline: '2027-06-20', steps: [] }],
    }),
    visit({ id: 'v3', entityId: 'e1', cadreId: 'c1', plannedDate: '2027-09-01' }),
    visit({
      id: 'v4',
      entityId: 'e2',
      cadreId: 'c2',
      plannedDate: '2027-04-01',
      doneDate: '2027-04-02',
      problems: [{ id: 'p3', description: '过期食品未下架', deadline: '2027-07-10', steps: [] }],
    }),
    visit({
      id: 'v0',
      entityId: 'e1',
      cadreId: 'c1',
      plannedDate: '2026-05-01',
      doneDate: '2026-05-02',
      problems: [{ id: 'p0', description: '去年的问题', deadline: '2026-05-10', steps: [] }],
    }),
  ];
  return doc;
}

function scopeOf(doc: DataDoc, regionId = ''): ReportScope {
  return { doc, regions: new RegionIndex(doc.regions), regionId, year: 2027, today: '2027-07-01' };
}

describe('督导记录汇总', () => {
  it('groups the year’s visits per 主体 and cadre with dates, results and problems, and a 合计', () => {
    const table = visitSummaryReport(scopeOf(docWithVisits()));
    expect(table.title).toBe('鄂尔多斯市市场监督管理局2027年度包保督导记录汇总');
    expect(table.columns.map((c) => c.label)).toEqual([
      '旗区',
      '乡镇',
      '主体名称',
      '等级',
      '包保干部',
      '干部层级',
      '计划次数',
      '完成次数',
      '完成率',
      '计划日期',
      '督导日期',
      '检查结果',
      '发现问题',
      '已整改',
    ]);
    expect(table.rows).toEqual([
      ['达拉特旗', '昭君街道', '幸福便利店', 'D', '李娜', '村级', 1, 1, 1, '2027-04-01', '2027-04-02', '', 1, 0],
      [
        '达拉特旗',
        '昭君镇',
        '内蒙古食用油有限公司',
        'C',
        '张伟',
        '乡镇级',
        3,
        2,
        2 / 3,
        '2027-03-01、2027-06-01、2027-09-01',
        '2027-03-02、2027-06-03',
        '符合 1 次；不符合 1 次',
        2,
        1,
      ],
    ]);
    expect(table.totalRow).toEqual(['合计', '', '2 户主体', '', '', '', 4, 3, 0.75, '', '', '符合 1 次；不符合 1 次', 3, 1]);
    expect(table.subtitle).toContain('统计日期：2027年7月1日');
  });

  it('keeps to the region scope and picks columns in a template’s order', () => {
    const table = visitSummaryReport(scopeOf(docWithVisits(), 'zjz'), ['done', 'entity']);
    expect(table.columns.map((c) => c.label)).toEqual(['完成次数', '主体名称']);
    expect(table.rows).toEqual([[2, '内蒙古食用油有限公司']]);
    expect(table.title).toBe('昭君镇2027年度包保督导记录汇总');
  });
});

describe('问题整改台账', () => {
  it('lists every problem of the year in the order found, with the step it waits for and what is overdue', () => {
    const table = problemLedgerReport(scopeOf(docWithVisits()));
    const at = (label: string) => table.columns.findIndex((c) => c.label === label);
    // p1 was rectified before the steps existed: it awaits 复核, due 5 working days after 2027-03-25.
    expect(
      table.rows.map((r) => [
        r[at('序号')],
        r[at('主体名称')],
        r[at('包保干部')],
        r[at('发现日期')],
        r[at('问题描述')],
        r[at('整改期限')],
        r[at('整改日期')],
        r[at('当前环节')],
        r[at('逾期情况')],
      ]),
    ).toEqual([
      [
        1,
        '内蒙古食用油有限公司',
        '张伟',
        { date: '2027-03-02' },
        '晨检记录不全',
        { date: '2027-03-20' },
        { date: '2027-03-25' },
        '待复核',
        '复核逾期 61 个工作日；逾期 5 天后整改',
      ],
      [2, '幸福便利店', '李娜', { date: '2027-04-02' }, '过期食品未下架', { date: '2027-07-10' }, null, '待交办', '交办逾期 57 个工作日'],
      [
        3,
        '内蒙古食用油有限公司',
        '张伟',
        { date: '2027-06-03' },
        '未建立周排查报告',
        { date: '2027-06-20' },
        null,
        '待交办',
        '交办逾期 16 个工作日；整改逾期 11 天',
      ],
    ]);
    expect(table.subtitle).toContain(
      '共 3 个问题：待交办 2 个，待整改 0 个，待复核 1 个，待销号 0 个，已销号 0 个；逾期未办：交办 2 个，整改 1 个，复核 1 个',
    );
    expect(table.paper).toBe('A3');
  });

  it('is empty for a year without visits, and says so in the subtitle', () => {
    const table = problemLedgerReport({ ...scopeOf(docWithVisits()), year: 2030 });
    expect(table.rows).toEqual([]);
    expect(table.subtitle).toContain('共 0 个问题');
  });
});

describe('周调度进展表', () => {
  it('joins the latest note and the reason a task is behind without “。；”, and dates itself as a document', () => {
    const view = {
      map: {
        tasks: [{ id: 't1', seq: 1, name: '全面摸底', unit: '各市场监管所', owner: '张伟', status: '进行中' }],
        dispatches: [{ date: '2027-06-18', entries: [{ taskId: 't1', progress: 20, note: '已召开动员会。' }] }],
      },
      schedule: null,
      states: { t1: { status: '进行中', progress: 20, atRisk: true, reason: '进度落后于计划' } },
    } as unknown as BattleMapView;
    const table = dispatchProgressTable(view, '测试局', '2027-07-01');
    expect(table.rows[0]?.at(-1)).toBe('已召开动员会；进度落后于计划');
    expect(table.subtitle).toBe('共 1 次周调度　　制表日期：2027年7月1日');
  });
});

describe('包保工作情况统计表', () => {
  it('has every indicator of the seed, per 乡镇 of a 旗区, and a 合计 equal to the stats of the scope', () => {
    const doc = docWithVisits();
    doc.cadres[0] = { ...doc.cadres[0]!, commitments: [{ year: 2027, signedOn: '2027-02-01' }] };
    const table = summaryReport(computeBreakdown(doc, 'dls'), { orgName: '测试局', year: 2027, today: '2027-07-01' });
    const labels = table.columns.map(fullLabel);
    expect(labels).toEqual([
      '乡镇',
      ...['市级', '旗区级', '乡镇级', '村级'].map((l) => `包保干部（人）·${l}`),
      '网格监管人员（人）',
      ...['合计', 'A级', 'B级', 'C级', 'D级'].map((l) => `包保主体（户）·${l}`),
      ...['已包保', '未包保', '覆盖率'].map((l) => `包保覆盖（户）·${l}`),
      ...['企业数', '在营企业', '大型企业'].map((l) => `企业（户）·${l}`),
      ...['日管控周排查月调度', '纳入风险管控系统', '配备食品安全员', '企业签订承诺书'].flatMap((g) => [`${g}·户数`, `${g}·比例`]),
      ...['应配备', '已配备', '配备率'].map((l) => `食品安全总监·${l}`),
      ...['已签订', '签订率'].map((l) => `干部承诺书（人）·${l}`),
      ...['计划', '完成', '完成率'].map((l) => `督导（次）·${l}`),
      ...['发现', '已整改', '整改率', '逾期未整改'].map((l) => `问题（个）·${l}`),
    ]);
    const stats = computeStats(doc, { regionId: 'dls' });
    const total = table.totalRow ?? [];
    const at = (label: string) => total[labels.indexOf(label)];
    expect(at('包保主体（户）·合计')).toBe(stats.entities.total);
    expect(at('包保干部（人）·乡镇级')).toBe(stats.cadres.byLevel.township);
    expect(at('包保覆盖（户）·覆盖率')).toBe(stats.coverage.assigned / (stats.coverage.assigned + stats.coverage.unassigned));
    expect(at('配备食品安全员·比例')).toBe(stats.duties.safetyOfficer.done / stats.duties.safetyOfficer.total);
    expect(at('食品安全总监·应配备')).toBe(stats.duties.safetyDirector.total);
    expect(at('食品安全总监·已配备')).toBe(stats.duties.safetyDirector.done);
    expect(at('干部承诺书（人）·签订率')).toBe(stats.cadres.commitmentSigned.done / stats.cadres.commitmentSigned.total);
    expect([at('督导（次）·计划'), at('督导（次）·完成')]).toEqual([stats.visits.planned, stats.visits.done]);
    expect([at('问题（个）·发现'), at('问题（个）·已整改')]).toEqual([stats.problems.open + stats.problems.closed, stats.problems.closed]);
    // Known answers of the hand-made data, so the equality above cannot pass on zeros.
    expect([
      at('包保主体（户）·合计'),
      at('督导（次）·计划'),
      at('督导（次）·完成'),
      at('问题（个）·发现'),
      at('问题（个）·已整改'),
      at('干部承诺书（人）·签订率'),
    ]).toEqual([2, 4, 3, 3, 1, 0.5]);
    expect(table.rows.map((r) => r[0])).toEqual(['昭君镇', '昭君街道']);
    // 总监 are required of large 企业: e1 has none, so 0 of 1; the 企业签订承诺书 of e1 is not recorded.
    expect([at('食品安全总监·配备率'), at('企业签订承诺书·比例')]).toEqual([0, 0]);
  });

  it('has a 本级 row for what is registered on the scope itself, so every count column adds up to 合计', () => {
    const doc = docWithVisits();
    doc.cadres.push(CadreSchema.parse({ id: 'c3', name: '赵强', level: 'county', regionId: 'dls' }));
    doc.entities.push(EntitySchema.parse({ id: 'e3', name: '达拉特旗树林召小卖部', type: '个体工商户', grade: 'B', regionId: 'dls' }));
    const table = summaryReport(computeBreakdown(doc, 'dls', 2027, '2027-07-01'), { orgName: '测试局', year: 2027, today: '2027-07-01' });
    expect(table.rows.map((r) => r[0])).toEqual(['昭君镇', '昭君街道', '达拉特旗本级']);
    const labels = table.columns.map(fullLabel);
    const total = table.totalRow ?? [];
    labels.forEach((label, i) => {
      if (table.columns[i]?.format !== 'number') return;
      expect(
        table.rows.reduce((sum, row) => sum + Number(row[i]), 0),
        label,
      ).toBe(total[i]);
    });
    const own = table.rows[2] ?? [];
    const at = (row: readonly unknown[], label: string) => row[labels.indexOf(label)];
    expect([at(own, '包保干部（人）·旗区级'), at(own, '包保主体（户）·合计'), at(own, '包保覆盖（户）·未包保')]).toEqual([1, 1, 1]);
    // p2 is open past its 整改期限 (2027-06-20); p3's (2027-07-10) has not come; the one regulator once.
    expect([at(total, '问题（个）·逾期未整改'), at(total, '网格监管人员（人）')]).toEqual([1, 1]);
    expect(table.title).toBe('达拉特旗食品安全包保工作情况统计表（2027年度）');
    expect(table.subtitle).toContain('统计日期：2027年7月1日');
    expect(table.footer).toContain('填报人：');
  });

  it('counts the visits and 承诺书 of the year asked for', () => {
    const doc = docWithVisits();
    const table = summaryReport(computeBreakdown(doc, '', 2026), {
      orgName: '测试局',
      year: 2026,
      today: '2027-07-01',
      columns: ['region', 'visitsPlanned', 'problems'],
    });
    expect(table.columns.map(fullLabel)).toEqual(['旗区', '督导（次）·计划', '问题（个）·发现']);
    expect(table.totalRow).toEqual(['合计', 1, 1]);
    expect(table.title).toContain('（2026年度）');
  });
});
