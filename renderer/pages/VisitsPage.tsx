import { CalendarOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Select, Tabs, Tooltip } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { ProblemView, VisitRow } from '@shared/api/contract';
import { RegionIndex } from '@shared/domain/regions';
import { useApiQuery } from '../api/queries';
import { DrillDownTag } from '../components/dashboard/DrillDownTag';
import { LoadProblem } from '../components/LoadProblem';
import { confirmGeneratePlan } from '../components/visits/generate-plan';
import { PlanTab } from '../components/visits/PlanTab';
import { ProblemLedger } from '../components/visits/ProblemLedger';
import { RecordVisitDrawer } from '../components/visits/RecordVisitDrawer';
import { ProblemStepModal, type ProblemAction, type ProblemStepTarget } from '../components/visits/ProblemStepModal';
import { useVisitData, type VisitFocus } from '../components/visits/useVisitData';
import { todayIso } from '../components/visits/visit-status';
import { VisitKpis } from '../components/visits/VisitKpis';
import { hashParams, screenHash } from '../hooks/useHashScreen';
import { usePanel } from '../hooks/usePanel';
import { useReference } from '../hooks/useReference';

type TabKey = 'plan' | 'problems';

/**
 * What a dashboard drill-down opened the screen with: #/visits?regionId=…&from=…&to=…
 * (&tab=problems for the 问题整改台账); null when nothing narrows it.
 */
function focusFromAddress(): VisitFocus | null {
  const params = hashParams();
  const date = (name: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? '') ? params.get(name)! : '');
  const focus = { regionId: params.get('regionId') ?? '', from: date('from'), to: date('to') };
  return focus.regionId || (focus.from && focus.to) ? focus : null;
}

/** 督导 (docs/domain.md#督导的规则): the year's plan and figures, recording visits, and the 问题整改台账. */
export function VisitsPage() {
  const app = App.useApp();
  const [focus, setFocus] = useState(focusFromAddress);
  // A drill-down's week opens in its own year; otherwise the plan year of 设置 (its visit rules too).
  const [chosenYear, setChosenYear] = useState<number | null>(() => (focus?.from ? Number(focus.from.slice(0, 4)) : null));
  const profile = useApiQuery('profile:get', {});
  // The plan year from app:info, cached since the app started: the list is asked for at once, not after 设置 is read.
  const planYear = useApiQuery('app:info', {}).result?.planYear || (profile.result?.profile.planYear ?? null);
  const rules = profile.result?.profile.visitRules ?? null;
  const year = chosenYear ?? planYear;
  const [tab, setTab] = useState<TabKey>(() => (hashParams().get('tab') === 'problems' ? 'problems' : 'plan'));
  // The 问题整改台账 asks for the 已销号 problems only while they are chosen.
  const [ledgerWithClosed, setLedgerWithClosed] = useState(false);
  const data = useVisitData(year, focus, tab, ledgerWithClosed);
  const regions = useReference('regions:list').value;
  const focusText = useMemo(() => {
    if (!focus) return '';
    const place = focus.regionId ? (regions ? new RegionIndex(regions).path(focus.regionId) || '所选区划' : '…') : '全市';
    const days = focus.from && focus.to ? ` · ${tab === 'problems' ? '发现于' : '计划或完成于'} ${focus.from} 至 ${focus.to}` : '';
    return `仅看：${place}${days}`;
  }, [focus, regions, tab]);
  const clearFocus = useCallback(() => {
    setFocus(null);
    window.history.replaceState(null, '', screenHash('visits'));
  }, []);
  // Another year shows that year whole: a drill-down's days no longer apply.
  const chooseYear = useCallback(
    (next: number) => {
      setChosenYear(next);
      if (focus?.from) clearFocus();
    },
    [focus, clearFocus],
  );
  const today = todayIso();
  const recorder = usePanel<VisitRow | null>(null);
  const stepper = usePanel<ProblemStepTarget | null>(null);

  const figures = data.figures;
  const yearOptions = useMemo(() => {
    const base = planYear ?? Number(today.slice(0, 4));
    const years = new Set([base - 2, base - 1, base, base + 1, Number(today.slice(0, 4))]);
    if (year !== null) years.add(year);
    return [...years].sort((a, b) => a - b).map((y) => ({ value: y, label: `${y} 年${y === planYear ? '（计划年度）' : ''}` }));
  }, [planYear, year, today]);

  // A done visit's open problems show in its record; read when such a record opens.
  const visitOpenProblems = (recorder.target?.openProblems ?? 0) > 0;
  const openProblems = useApiQuery('visits:openProblems', {}, { enabled: recorder.open && visitOpenProblems });
  const openVisitProblems = useMemo(
    () => (visitOpenProblems ? (openProblems.result ?? []).filter((p) => p.visitId === recorder.target?.id) : []),
    [openProblems.result, recorder.target, visitOpenProblems],
  );
  const openStep = useCallback((action: ProblemAction, problem: ProblemView) => stepper.show({ action, problem }), [stepper]);
  const openVisit = useCallback((row: VisitRow) => recorder.show(row), [recorder]);

  const generate = () => {
    if (year === null) return;
    // 改为生成下一年: the screen then shows the year planned. The year shown is read again by the
    // change itself, as after the changes below (INVALIDATES in renderer/api/queries.ts): reloading
    // on top of that asked for the list twice.
    confirmGeneratePlan(app, year, rules, figures?.done ?? 0, (planned) => {
      if (planned !== year) chooseYear(planned);
    });
  };

  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      {focus && (
        <Flex style={{ marginBottom: 8 }}>
          <DrillDownTag text={focusText} onClear={clearFocus} />
        </Flex>
      )}
      <VisitKpis
        year={year}
        figures={figures}
        openProblems={figures?.openProblems ?? null}
        overdueProblems={figures?.overdueProblems ?? 0}
      />
      <LoadProblem text={profile.error && `设置读取失败：${profile.error}`} onRetry={profile.reload} />
      <LoadProblem text={data.error} onRetry={data.reload} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        size="small"
        tabBarStyle={{ marginBottom: 8 }}
        items={[
          { key: 'plan', label: '督导计划' },
          {
            key: 'problems',
            label: (
              <span>
                问题整改台账{' '}
                <Badge
                  count={figures?.openProblems ?? 0}
                  overflowCount={9999}
                  size="small"
                  color={(figures?.overdueProblems ?? 0) > 0 ? '#cf1322' : '#faad14'}
                />
              </span>
            ),
          },
        ]}
        tabBarExtraContent={
          <Flex gap={8} align="center">
            <Select<number>
              aria-label="年度"
              value={year ?? undefined}
              options={yearOptions}
              onChange={chooseYear}
              style={{ width: 200 }}
              loading={year === null}
            />
            <Button type="primary" icon={<CalendarOutlined />} onClick={generate} disabled={year === null}>
              生成督导计划…
            </Button>
            <Tooltip title="重新读取">
              <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={data.reload} loading={data.loading} />
            </Tooltip>
          </Flex>
        }
      />
      {tab === 'plan' && year !== null && (
        <PlanTab
          year={year}
          filters={data.filters}
          onFilters={data.patchFilters}
          list={data.list}
          planned={figures?.planned ?? null}
          days={data.days}
          today={today}
          weeklyCap={rules?.weeklyCapPerCadre ?? null}
          onOpen={openVisit}
        />
      )}
      {tab === 'problems' && (
        <ProblemLedger
          problems={data.ledger}
          loading={data.loading}
          withClosed={ledgerWithClosed}
          onClosedWanted={setLedgerWithClosed}
          onStep={openStep}
        />
      )}

      <RecordVisitDrawer
        open={recorder.open}
        visit={recorder.target}
        openProblems={openVisitProblems}
        onClose={recorder.hide}
        onSaved={recorder.hide}
      />
      <ProblemStepModal
        open={stepper.open}
        target={stepper.target}
        operatorName={profile.result?.profile.operatorName ?? ''}
        onClose={stepper.hide}
        onDone={stepper.hide}
      />
    </Flex>
  );
}
