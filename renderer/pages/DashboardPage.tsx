import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { GRADES, type Grade, type Region, type RegionLevel } from '@shared/domain/schemas';
import { CadreLoadChart } from '../components/charts/CadreLoadChart';
import { CoverageDutyChart, type CoverageDutyRow } from '../components/charts/CoverageDutyChart';
import { GradeByRegionChart } from '../components/charts/GradeByRegionChart';
import { LOAD_BAND_LABELS, LOAD_BANDS, type LoadBand, type LoadBands } from '@shared/stats/loads';
import { percentValue } from '@shared/stats/percent';
import { DUTY_KEYS } from '@shared/stats/tally';
import type { WeekPoint } from '@shared/stats/weekly';
import {
  COVERAGE_FILL,
  DONE_LINE,
  DUTY_LINES,
  GRADE_FILLS,
  LOAD_FILLS,
  OPEN_FILL,
  PLANNED_LINE,
  RECTIFIED_FILL,
} from '../components/charts/palette';
import { ProblemsWeeklyChart } from '../components/charts/ProblemsWeeklyChart';
import { VisitsWeeklyChart } from '../components/charts/VisitsWeeklyChart';
import { ChartPanel } from '../components/dashboard/ChartPanel';
import { DUTY_LABELS } from '../components/dashboard/duties';
import type { LegendEntry } from '../components/dashboard/export-png';
import { countText } from '@shared/util/format';
import { KpiCards, type KpiTarget, type OverdueTasks } from '../components/dashboard/KpiCards';
import { useDashboardData, type DashboardRange } from '../components/dashboard/useDashboardData';
import '../components/dashboard/dashboard.css';
import { useApiQuery } from '../api/queries';
import { LoadProblem } from '../components/LoadProblem';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { hashParams, openScreen, screenHash } from '../hooks/useHashScreen';
import { useReference } from '../hooks/useReference';

const GRADE_LEGEND: readonly LegendEntry[] = GRADES.map((g) => ({ label: `${g}级`, color: GRADE_FILLS[g], kind: 'bar' }));
const COVERAGE_LEGEND: readonly LegendEntry[] = [
  { label: '包保覆盖率', color: COVERAGE_FILL, kind: 'bar' },
  ...DUTY_KEYS.map((key): LegendEntry => {
    const style = DUTY_LINES[key];
    return { label: DUTY_LABELS[key], color: style.color, kind: 'line', ...('dash' in style ? { dash: style.dash } : {}) };
  }),
];
const VISITS_LEGEND: readonly LegendEntry[] = [
  { label: '计划（累计）', color: PLANNED_LINE.color, kind: 'line', dash: PLANNED_LINE.dash },
  { label: '完成（累计）', color: DONE_LINE.color, kind: 'line' },
];
const PROBLEMS_LEGEND: readonly LegendEntry[] = [
  { label: '已整改', color: RECTIFIED_FILL, kind: 'bar' },
  { label: '未整改', color: OPEN_FILL, kind: 'bar' },
];
const LOAD_LEGEND: readonly LegendEntry[] = LOAD_BANDS.map((band) => ({
  label: LOAD_BAND_LABELS[band],
  color: LOAD_FILLS[band],
  kind: 'bar',
}));

/** What the rows of the per-region charts are, by the breakdown's row level. */
const ROW_WORDS: Readonly<Record<RegionLevel, string>> = { city: '区划', county: '旗区', township: '乡镇', village: '村（社区）' };
/** Only 市 / 旗区 / 乡镇 can be a dashboard scope. */
const SCOPE_LEVELS = (region: Region): boolean => region.level !== 'village';
/** 主体 counted in 包保覆盖率: every status but 注销. */
const COUNTED_STATUSES = '在营,停业';

/** The list each KPI figure opens, in the lists' own address filters, within the scope `regionId`. */
function openKpiList(target: KpiTarget, regionId: string, planYear: number | null): void {
  const month = dayjs();
  switch (target.list) {
    case 'entities':
      return openScreen('entities', { regionId, grades: target.grade ?? '' });
    case 'assigned':
      return openScreen('entities', { regionId, assigned: 'yes', statuses: COUNTED_STATUSES });
    case 'unassigned':
      return openScreen('entities', { regionId, assigned: 'no', statuses: COUNTED_STATUSES });
    case 'closed':
      return openScreen('entities', { regionId, statuses: '注销' });
    case 'enterprises':
      return openScreen('entities', { regionId, types: '企业' });
    case 'large':
      return openScreen('entities', { regionId, types: '企业', scales: '大型' });
    case 'lacking':
      return openScreen('entities', { regionId, lacking: target.duty });
    case 'cadres':
      return openScreen('cadres', { regionId, levels: target.level ?? '' });
    case 'unsigned':
      return openScreen('cadres', { regionId, active: 'yes', unsignedYear: planYear ? String(planYear) : '' });
    case 'violations':
      return openScreen('assignments', { regionId });
    case 'visits':
      return openScreen('visits', { regionId });
    case 'visits-month':
      return openScreen('visits', {
        regionId,
        from: month.startOf('month').format('YYYY-MM-DD'),
        to: month.endOf('month').format('YYYY-MM-DD'),
      });
    case 'problems':
      return openScreen('visits', { tab: 'problems', regionId });
    case 'battle-map':
      return openScreen('battle-map');
  }
}

/**
 * 首页概览 (docs/domain.md#界面一览): the programme's figures for the whole city, a 旗区 or a 乡镇 — KPI cards as
 * the bureau reports them, charts per region and per week, drill-down into the 主体 list,
 * PNG export of each chart and a print layout.
 */
export function DashboardPage() {
  // The scope and the date range are kept in the address (#/dashboard?regionId=…&from=…&to=…),
  // so going back from a drill-down returns to them.
  const [regionId, setRegionId] = useState(() => hashParams().get('regionId') ?? '');
  // The weekly charts' dates ('YYYY-MM-DD'); '' = the plan year.
  const [range, setRange] = useState<DashboardRange>(() => ({ from: hashParams().get('from') ?? '', to: hashParams().get('to') ?? '' }));
  // The year of the 督导 and 承诺书 figures: the plan year unless another is chosen (also kept in the address).
  const [chosenYear, setChosenYear] = useState<number | null>(() => Number(hashParams().get('year')) || null);
  useEffect(() => {
    window.history.replaceState(null, '', screenHash('dashboard', { regionId, ...range, year: chosenYear ? String(chosenYear) : '' }));
  }, [regionId, range, chosenYear]);
  const chooseScope = useCallback((next: string) => setRegionId(next), []);
  const regionList = useReference('regions:list');
  const regions = regionList.value;
  const today = dayjs().format('YYYY-MM-DD');

  const info = useApiQuery('app:info', {}).result;
  const planYear = info ? info.planYear || dayjs().year() : null;
  const year = chosenYear ?? planYear;
  const yearOptions = useMemo(() => (planYear && year ? yearChoices(planYear, year) : []), [planYear, year]);
  // Another year: its figures, and the weekly charts over that year.
  const chooseYear = useCallback((next: number) => {
    setChosenYear(next);
    setRange({ from: `${next}-01-01`, to: `${next}-12-31` });
  }, []);
  const data = useDashboardData(regionId, range, chosenYear);

  // A scope from an old address whose region is gone: back to 全市.
  const unknownScope = regions !== null && regionId !== '' && !regions.some((r) => r.id === regionId);
  useEffect(() => {
    if (unknownScope) chooseScope('');
  }, [unknownScope, chooseScope]);

  const scope = useMemo(() => describeScope(regions ?? [], regionId), [regions, regionId]);
  const stats = data.stats.result;
  // The charts render after the KPI cards have painted (their figures arrive at about the same time).
  const breakdown = useDeferredValue(data.breakdown.result, null);
  const rows = breakdown?.rows ?? null;

  const coverageRows = useMemo<CoverageDutyRow[] | null>(
    () =>
      rows?.map((r) => ({
        regionId: r.regionId,
        name: r.name,
        coverage: percentValue(r.coverage),
        unassigned: r.coverage.total - r.coverage.done,
        duties: Object.fromEntries(DUTY_KEYS.map((key) => [key, percentValue(r.duties[key])])) as CoverageDutyRow['duties'],
      })) ?? null,
    [rows],
  );
  const coverageFloor = useMemo(() => axisFloor(coverageRows), [coverageRows]);

  const weekly = useDeferredValue(data.weekly.result, null);
  const lastWeek = weekly?.weeks.at(-1);
  const problemTotals = useMemo(
    () =>
      weekly?.weeks.reduce((t, w) => ({ found: t.found + w.found, rectified: t.rectified + w.rectified }), { found: 0, rectified: 0 }) ??
      null,
    [weekly],
  );
  const bands = useDeferredValue(data.loads.result, null);
  const cadreCount = bands?.reduce((n, b) => n + LOAD_BANDS.reduce((m, band) => m + b.counts[band], 0), 0) ?? 0;

  const battle = data.battle.result;
  // 作战图 tasks carry no region: they are the whole library's (the city bureau's) plan, shown
  // under the whole-library scope only.
  const overdueTasks: OverdueTasks | null =
    battle === null
      ? null
      : !scope.whole
        ? 'whole-only'
        : battle.map === null
          ? 'none'
          : { overdue: Object.values(battle.states).filter((s) => s.status === '逾期').length, tasks: battle.map.tasks.length };

  const openGrade = useCallback((id: string, grade: Grade) => openScreen('entities', { regionId: id, grades: grade }), []);
  const openUnassigned = useCallback(
    (id: string) => openScreen('entities', { regionId: id, assigned: 'no', statuses: COUNTED_STATUSES }),
    [],
  );
  const openWeekVisits = useCallback((w: WeekPoint) => openScreen('visits', { regionId, from: w.start, to: w.end }), [regionId]);
  const openWeekProblems = useCallback(
    // The ledger opens on 未整改, the problems the bar counts (ProblemLedger's stageFromAddress).
    (w: WeekPoint) => openScreen('visits', { tab: 'problems', regionId, from: w.start, to: w.end, stage: 'unrectified' }),
    [regionId],
  );
  const openLoadBand = useCallback(
    (row: LoadBands, band: LoadBand) => {
      const { min, max } = row.ranges[band];
      openScreen('cadres', { regionId, levels: row.level, minLoad: String(min), maxLoad: max === null ? '' : String(max) });
    },
    [regionId],
  );

  const rowWord = ROW_WORDS[breakdown?.rowLevel ?? 'city'];
  const filePrefix = `首页概览-${scope.label.replaceAll(' / ', '-')}`;
  const caption = `${scope.label} · 截至 ${today}`;
  const noRegionsText = regions?.length === 0 ? '还没有区划：请先到“导入”页导入行政区划' : '这一范围下没有下级区划';

  return (
    <div className="dashboard-page" data-testid="dashboard">
      <div className="dashboard-toolbar">
        <Typography.Text strong className="print-only">
          {info?.orgName ?? ''} 食品安全包保工作概览
        </Typography.Text>
        <label className="dashboard-field no-print">
          <span>范围</span>
          <RegionTreeSelect
            regions={regions ?? []}
            deepest="township"
            selectable={SCOPE_LEVELS}
            allowClear
            placeholder="全市"
            aria-label="统计范围"
            value={regionId}
            onChange={chooseScope}
            style={{ width: 210 }}
          />
        </label>
        <label className="dashboard-field no-print">
          <span>年度</span>
          <Select<number>
            aria-label="统计年度"
            value={year ?? undefined}
            options={yearOptions}
            onChange={chooseYear}
            style={{ width: 150 }}
          />
        </label>
        <label className="dashboard-field no-print">
          <span>督导周统计</span>
          <DatePicker.RangePicker
            aria-label="督导周统计日期范围"
            allowClear={false}
            value={weekly ? [dayjs(weekly.from), dayjs(weekly.to)] : range.from && range.to ? [dayjs(range.from), dayjs(range.to)] : null}
            presets={
              planYear
                ? [
                    { label: `${planYear} 计划年度`, value: [dayjs(`${planYear}-01-01`), dayjs(`${planYear}-12-31`)] },
                    { label: '近 12 周', value: [dayjs().subtract(12, 'week'), dayjs()] },
                    { label: '近 4 周', value: [dayjs().subtract(4, 'week'), dayjs()] },
                  ]
                : []
            }
            onChange={(next) => {
              if (next?.[0] && next[1]) setRange({ from: next[0].format('YYYY-MM-DD'), to: next[1].format('YYYY-MM-DD') });
            }}
            style={{ width: 240 }}
          />
        </label>
        <Typography.Text type="secondary" className="dashboard-status" data-testid="dashboard-status">
          {scope.label}
          {year ? ` · ${year} 年度` : ''}
          {stats ? ` · 截至 ${today}` : ' · 正在统计…'}
        </Typography.Text>
        <span className="dashboard-actions no-print">
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={data.reload} />
          </Tooltip>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </span>
      </div>

      <LoadProblem text={data.stats.error || data.breakdown.error} onRetry={data.reload} />
      <LoadProblem text={regionList.error && `区划读取失败：${regionList.error}`} onRetry={regionList.reload} />

      <KpiCards
        stats={stats}
        month={weekly?.month ?? null}
        overdueTasks={overdueTasks}
        planYear={year}
        onOpen={(target) => openKpiList(target, regionId, year)}
      />

      <div className="dashboard-charts">
        <ChartPanel
          title={`各${rowWord}包保主体分级`}
          note="点击柱形查看该区划该等级的主体"
          legend={GRADE_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-主体分级`}
          hasData={rows === null ? null : rows.length > 0}
          emptyText={noRegionsText}
          testId="chart-grades"
          style={{ gridColumn: 'span 6' }}
        >
          {rows && <GradeByRegionChart rows={rows} onSelect={openGrade} />}
        </ChartPanel>
        <ChartPanel
          title={`各${rowWord}包保覆盖率与企业主体责任落实率`}
          note={`纵轴自 ${coverageFloor}% 起；点击柱形查看未落实主体`}
          legend={COVERAGE_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-覆盖率与主体责任`}
          hasData={coverageRows === null ? null : coverageRows.length > 0}
          emptyText={noRegionsText}
          testId="chart-coverage"
          style={{ gridColumn: 'span 6' }}
        >
          {coverageRows && (
            <CoverageDutyChart rows={coverageRows} dutyLabels={DUTY_LABELS} floor={coverageFloor} onSelect={openUnassigned} />
          )}
        </ChartPanel>
        <ChartPanel
          title="督导计划与完成（按周累计）"
          note={lastWeek ? `计划 ${countText(lastWeek.plannedCum)} 次 · 完成 ${countText(lastWeek.doneCum)} 次；点击某周查看` : undefined}
          legend={VISITS_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-督导进度`}
          hasData={weekly === null ? (data.weekly.error ? false : null) : weekly.weeks.some((w) => w.plannedCum > 0 || w.doneCum > 0)}
          emptyText={data.weekly.error ? `督导统计读取失败：${data.weekly.error}` : '所选日期范围内没有督导计划，请先在“督导”中生成计划'}
          testId="chart-visits"
          style={{ gridColumn: 'span 5' }}
        >
          {weekly && <VisitsWeeklyChart weeks={weekly.weeks} todayLabel={weekly.todayLabel} onSelect={openWeekVisits} />}
        </ChartPanel>
        <ChartPanel
          title="督导发现问题与整改（按发现周）"
          note={problemTotals ? `发现 ${countText(problemTotals.found)} 个 · 已整改 ${countText(problemTotals.rectified)} 个` : undefined}
          legend={PROBLEMS_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-问题整改`}
          hasData={weekly === null ? (data.weekly.error ? false : null) : weekly.weeks.some((w) => w.found > 0)}
          emptyText={data.weekly.error ? `督导统计读取失败：${data.weekly.error}` : '所选日期范围内的督导没有发现问题'}
          testId="chart-problems"
          style={{ gridColumn: 'span 4' }}
        >
          {weekly && <ProblemsWeeklyChart weeks={weekly.weeks} todayLabel={weekly.todayLabel} onSelect={openWeekProblems} />}
        </ChartPanel>
        <ChartPanel
          title="干部包保负担"
          note={bands ? `共 ${countText(cadreCount)} 名 · 按软上限` : '按软上限'}
          legend={LOAD_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-干部负担`}
          hasData={bands === null ? (data.loads.error ? false : null) : bands.length > 0}
          emptyText={data.loads.error ? `干部负担读取失败：${data.loads.error}` : '这一范围内没有包保干部'}
          testId="chart-loads"
          style={{ gridColumn: 'span 3' }}
        >
          {bands && <CadreLoadChart rows={bands} onSelect={openLoadBand} />}
        </ChartPanel>
      </div>
    </div>
  );
}

interface Scope {
  /** "全市", "达拉特旗", "达拉特旗 / 树林召镇". */
  readonly label: string;
  /** The whole library: nothing chosen, or its top region (the city itself). */
  readonly whole: boolean;
}

/** The scope as the lists spell region paths (the city left out). */
function describeScope(regions: readonly Region[], regionId: string): Scope {
  if (!regionId) return { label: '全市', whole: true };
  const byId = new Map(regions.map((r) => [r.id, r]));
  const names: string[] = [];
  let node = byId.get(regionId);
  const top = node;
  while (node) {
    if (node.level !== 'city') names.unshift(node.name);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  if (!top) return { label: '所选区划', whole: false };
  if (top.parentId === null) return { label: top.name, whole: true };
  return { label: names.join(' / '), whole: false };
}

/** The years to choose from: two before the plan year to the next one, and the one shown. */
function yearChoices(planYear: number, shown: number): { value: number; label: string }[] {
  const years = new Set([planYear - 2, planYear - 1, planYear, planYear + 1, shown]);
  return [...years].sort((a, b) => a - b).map((y) => ({ value: y, label: `${y} 年${y === planYear ? '（计划）' : ''}` }));
}

/** The percentage axis starts at a round 10 below the lowest value (0 when anything is low). */
function axisFloor(rows: readonly CoverageDutyRow[] | null): number {
  let min = 100;
  for (const r of rows ?? []) {
    for (const v of [r.coverage, ...Object.values(r.duties)]) if (v !== null && v < min) min = v;
  }
  const floor = Math.floor((min - 2) / 10) * 10;
  return floor < 50 ? 0 : Math.min(90, floor);
}
