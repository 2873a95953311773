import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { GRADES, type Grade, type Region, type RegionLevel } from '@shared/domain/schemas';
import { CadreLoadChart } from '../components/charts/CadreLoadChart';
import { CoverageDutyChart, type CoverageDutyRow } from '../components/charts/CoverageDutyChart';
import { GradeByRegionChart } from '../components/charts/GradeByRegionChart';
import { COVERAGE_FILL, DONE_LINE, DUTY_LINES, GRADE_FILLS, LOAD_FILLS, OPEN_FILL, PLANNED_LINE, RECTIFIED_FILL } from '../components/charts/palette';
import { ProblemsWeeklyChart } from '../components/charts/ProblemsWeeklyChart';
import { VisitsWeeklyChart } from '../components/charts/VisitsWeeklyChart';
import { ChartPanel } from '../components/dashboard/ChartPanel';
import { DUTY_KEYS, DUTY_LABELS } from '../components/dashboard/duties';
import type { LegendEntry } from '../components/dashboard/export-png';
import { percentValue } from '../components/dashboard/format';
import { KpiCards } from '../components/dashboard/KpiCards';
import { LOAD_BAND_LABELS, loadBands } from '../components/dashboard/load-bands';
import { useApiValue, useDashboardData, useReloadRound } from '../components/dashboard/useDashboardData';
import { inScopePath, weeklySeries } from '../components/dashboard/weekly';
import '../components/dashboard/dashboard.css';
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
const LOAD_LEGEND: readonly LegendEntry[] = (['idle', 'light', 'near', 'over'] as const).map((band) => ({
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

/**
 * 首页概览 (SPEC §4): the programme's figures for the whole city, a 旗区 or a 乡镇 — KPI cards as
 * the bureau reports them, charts per region and per week, drill-down into the 主体 list,
 * PNG export of each chart and a print layout.
 */
export function DashboardPage() {
  // The scope is kept in the address (#/dashboard?regionId=…), so going back from a drill-down
  // returns to it.
  const [regionId, setRegionId] = useState(() => hashParams().get('regionId') ?? '');
  const chooseScope = useCallback((next: string) => {
    setRegionId(next);
    window.history.replaceState(null, '', screenHash('dashboard', { regionId: next }));
  }, []);
  // The weekly charts' dates ('YYYY-MM-DD'); null = the plan year.
  const [chosenRange, setChosenRange] = useState<readonly [string, string] | null>(null);
  const [round, reload] = useReloadRound();
  const regionList = useReference('regions:list');
  const regions = regionList.value;
  const today = dayjs().format('YYYY-MM-DD');

  // The plan year is known once app:info answers (a library without one uses this year); the
  // weekly charts wait for it, the KPIs do not.
  const info = useApiValue('app:info', {}, true, round).value;
  const planYear = info ? info.planYear || dayjs().year() : null;
  const range = chosenRange ?? (planYear ? ([`${planYear}-01-01`, `${planYear}-12-31`] as const) : null);
  const rangeStart = range?.[0] ?? '';
  const rangeEnd = range?.[1] ?? '';
  // The plan year's visits are always read too: 本月 counts them whatever range the charts show.
  const years = useMemo(
    () => (rangeStart && planYear ? [...new Set([planYear, ...yearsOf([rangeStart, rangeEnd])])].sort((a, b) => a - b) : []),
    [rangeStart, rangeEnd, planYear],
  );
  const data = useDashboardData(regionId, years, round);

  // A scope from an old address whose region is gone: back to 全市.
  const unknownScope = regions !== null && regionId !== '' && !regions.some((r) => r.id === regionId);
  useEffect(() => {
    if (unknownScope) chooseScope('');
  }, [unknownScope, chooseScope]);

  const scope = useMemo(() => describeScope(regions ?? [], regionId), [regions, regionId]);
  const stats = data.stats.value?.value ?? null;
  // The charts render after the KPI cards have painted.
  const breakdown = useDeferredValue(data.breakdown.value?.value ?? null, null);
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

  const weekly = useMemo(() => {
    if (!data.visits.value || !rangeStart || !regions) return null;
    return weeklySeries(data.visits.value, scope.path, [rangeStart, rangeEnd], today);
  }, [data.visits.value, rangeStart, rangeEnd, scope.path, regions, today]);

  const bands = useMemo(() => {
    const loads = data.loads.value;
    if (!loads || !regions) return null;
    return loadBands(loads.filter((l) => inScopePath(l.regionPath, scope.path)));
  }, [data.loads.value, scope.path, regions]);

  const battle = data.battle.value;
  const overdueTasks = battle === null ? null : battle.map === null ? ('none' as const) : {
    overdue: Object.values(battle.states).filter((s) => s.status === '逾期').length,
    tasks: battle.map.tasks.length,
  };
  const monthInPlanYear = planYear !== null && today.startsWith(`${planYear}-`);
  const month = !monthInPlanYear && planYear !== null ? ('outside' as const) : weekly ? weekly.month : null;

  const openGrade = useCallback((id: string, grade: Grade) => openScreen('entities', { regionId: id, grades: grade }), []);
  const openUnassigned = useCallback((id: string) => openScreen('entities', { regionId: id, assigned: 'no', statuses: COUNTED_STATUSES }), []);

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
          <span>督导周统计</span>
          <DatePicker.RangePicker
            aria-label="督导周统计日期范围"
            allowClear={false}
            value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
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
              if (next?.[0] && next[1]) setChosenRange([next[0].format('YYYY-MM-DD'), next[1].format('YYYY-MM-DD')]);
            }}
            style={{ width: 240 }}
          />
        </label>
        <Typography.Text type="secondary" className="dashboard-status" data-testid="dashboard-status" data-figures-ms={data.stats.value?.ms}>
          {scope.label}
          {planYear ? ` · ${planYear} 年度` : ''}
          {stats ? ` · 截至 ${today}` : ' · 正在统计…'}
        </Typography.Text>
        <span className="dashboard-actions no-print">
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
          </Tooltip>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </span>
      </div>

      <LoadProblem text={data.stats.error || data.breakdown.error} onRetry={reload} />
      <LoadProblem text={regionList.error && `区划读取失败：${regionList.error}`} onRetry={regionList.reload} />

      <KpiCards
        stats={stats}
        month={month}
        overdueTasks={overdueTasks}
        onOpenUnassigned={() => openUnassigned(regionId)}
        onOpenViolations={() => openScreen('assignments')}
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
          {coverageRows && <CoverageDutyChart rows={coverageRows} dutyLabels={DUTY_LABELS} floor={coverageFloor} onSelect={openUnassigned} />}
        </ChartPanel>
        <ChartPanel
          title="督导计划与完成（按周累计）"
          legend={VISITS_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-督导进度`}
          hasData={weekly === null ? (data.visits.error ? false : null) : weekly.weeks.some((w) => w.plannedCum > 0 || w.doneCum > 0)}
          emptyText={data.visits.error ? `督导记录读取失败：${data.visits.error}` : '所选日期范围内没有督导计划，请先在“督导”中生成计划'}
          testId="chart-visits"
          style={{ gridColumn: 'span 5' }}
        >
          {weekly && <VisitsWeeklyChart weeks={weekly.weeks} todayLabel={weekly.todayLabel} />}
        </ChartPanel>
        <ChartPanel
          title="督导发现问题与整改（按发现周）"
          legend={PROBLEMS_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-问题整改`}
          hasData={weekly === null ? (data.visits.error ? false : null) : weekly.weeks.some((w) => w.found > 0)}
          emptyText={data.visits.error ? `督导记录读取失败：${data.visits.error}` : '所选日期范围内的督导没有发现问题'}
          testId="chart-problems"
          style={{ gridColumn: 'span 4' }}
        >
          {weekly && <ProblemsWeeklyChart weeks={weekly.weeks} todayLabel={weekly.todayLabel} />}
        </ChartPanel>
        <ChartPanel
          title="干部包保负担"
          note="按软上限"
          legend={LOAD_LEGEND}
          caption={caption}
          fileName={`${filePrefix}-干部负担`}
          hasData={bands === null ? (data.loads.error ? false : null) : bands.length > 0}
          emptyText={data.loads.error ? `干部负担读取失败：${data.loads.error}` : '这一范围内没有包保干部'}
          testId="chart-loads"
          style={{ gridColumn: 'span 3' }}
        >
          {bands && <CadreLoadChart rows={bands} labels={LOAD_BAND_LABELS} />}
        </ChartPanel>
      </div>
    </div>
  );
}

interface Scope {
  /** "全市", "达拉特旗", "达拉特旗 / 树林召镇". */
  readonly label: string;
  /** The region path visits and loads are matched on; null = everything. */
  readonly path: string | null;
}

/** The scope as the lists spell region paths (the city left out). */
function describeScope(regions: readonly Region[], regionId: string): Scope {
  if (!regionId) return { label: '全市', path: null };
  const byId = new Map(regions.map((r) => [r.id, r]));
  const names: string[] = [];
  let node = byId.get(regionId);
  const top = node;
  while (node) {
    if (node.level !== 'city') names.unshift(node.name);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  if (!top) return { label: '所选区划', path: null };
  if (names.length === 0) return { label: top.name, path: null };
  const path = names.join(' / ');
  return { label: path, path };
}

/** Every calendar year a date range touches (visits are read per year). */
function yearsOf([start, end]: readonly [string, string]): number[] {
  const out: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) out.push(y);
  return out;
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
