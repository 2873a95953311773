import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { Stats } from '@shared/stats/stats';
import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS } from '@shared/domain/schemas';
import { DUTY_KEYS, DUTY_LABELS, DUTY_OVER } from './duties';
import { count, percent, ratioText } from './format';

export interface VisitMonth {
  readonly planned: number;
  readonly done: number;
}

/**
 * Overdue 作战图 tasks; 'none' when there is no 作战图 yet, 'whole-only' for a 旗区 or 乡镇 scope
 * (the tasks carry no region: they are the whole library's plan).
 */
export type OverdueTasks = { readonly overdue: number; readonly tasks: number } | 'none' | 'whole-only';

export interface KpiCardsProps {
  /** null while the scope's figures are read. */
  readonly stats: Stats | null;
  /** 督导 of this month; null while read. */
  readonly month: VisitMonth | null;
  /** null while read. */
  readonly overdueTasks: OverdueTasks | null;
  /** The plan year the 督导 figures are for; null while read. */
  readonly planYear: number | null;
  readonly onOpenUnassigned: () => void;
  readonly onOpenProblems: () => void;
  readonly onOpenViolations: () => void;
}

/** The KPI strip and the 企业主体责任 strip of 首页概览. */
export function KpiCards({ stats, month, overdueTasks, planYear, onOpenUnassigned, onOpenProblems, onOpenViolations }: KpiCardsProps) {
  const s = stats;
  const coverage = s ? { done: s.coverage.assigned, total: s.coverage.assigned + s.coverage.unassigned } : null;
  return (
    <>
      <div className="dashboard-kpis" role="group" aria-label="主要指标">
        <Kpi title="包保主体" wide>
          {s && (
            <>
              <Value testId="kpi-entities" unit="户">
                {count(s.entities.total)}
              </Value>
              <div className="kpi-grid">
                {GRADES.map((g) => (
                  <span key={g}>
                    {g}级 <b data-testid={`kpi-grade-${g}`}>{count(s.entities.byGrade[g])}</b>
                  </span>
                ))}
              </div>
            </>
          )}
        </Kpi>
        <Kpi title="包保干部" wide>
          {s && (
            <>
              <Value testId="kpi-cadres" unit="名">
                {count(s.cadres.total)}
              </Value>
              <div className="kpi-grid">
                {REGION_LEVELS.map((level) => (
                  <span key={level}>
                    {CADRE_LEVEL_LABELS[level]} <b data-testid={`kpi-level-${level}`}>{count(s.cadres.byLevel[level])}</b>
                  </span>
                ))}
              </div>
            </>
          )}
        </Kpi>
        <Kpi title="包保覆盖率">
          {s && coverage && (
            <>
              <Value testId="kpi-coverage" title={`已落实 ${count(coverage.done)} / 应落实 ${count(coverage.total)}`}>
                {percent(coverage)}
              </Value>
              <Sub>已落实 {count(coverage.done)} 户</Sub>
              <Sub>
                <button type="button" className="kpi-link" onClick={onOpenUnassigned} disabled={s.coverage.unassigned === 0}>
                  未落实 <b data-testid="kpi-unassigned">{count(s.coverage.unassigned)}</b> 户
                </button>
              </Sub>
            </>
          )}
        </Kpi>
        <Kpi title="违规">
          {s && (
            <>
              <Value testId="kpi-violations" unit="处" alert={s.coverage.violations > 0}>
                {count(s.coverage.violations)}
              </Value>
              <Sub>不含未落实</Sub>
              <Sub>
                <button type="button" className="kpi-link" onClick={onOpenViolations}>
                  查看明细
                </button>
              </Sub>
            </>
          )}
        </Kpi>
        <Kpi title="督导 完成/计划" wide>
          {s && (
            <>
              <div className="kpi-line">
                <span className="kpi-line-label">全年</span>
                <b data-testid="kpi-visits-year">
                  {count(s.visits.done)} / {count(s.visits.planned)}
                </b>
                <span className="kpi-line-pct">{percent({ done: s.visits.done, total: s.visits.planned })}</span>
              </div>
              <div className="kpi-line">
                <span className="kpi-line-label">本月</span>
                {month === null ? (
                  <Skeleton.Input active size="small" style={{ height: 14, minWidth: 90, width: 90 }} />
                ) : (
                  <>
                    <b data-testid="kpi-visits-month">
                      {count(month.done)} / {count(month.planned)}
                    </b>
                    <span className="kpi-line-pct">{percent({ done: month.done, total: month.planned })}</span>
                  </>
                )}
              </div>
            </>
          )}
        </Kpi>
        {/* Every year's, as the 问题整改台账 lists them: a problem found last year is still to be chased. */}
        <Kpi title="未整改问题" hint={`含往年发现、尚未整改的问题，与“督导 → 问题整改台账”一致；已整改为${planYear ?? '计划'}年度的数`}>
          {s && (
            <>
              <Value testId="kpi-problems-open" unit="个" alert={s.problems.openAllYears > 0}>
                {count(s.problems.openAllYears)}
              </Value>
              <Sub>
                {/* The card is narrow: the year is in the status line and the hint. */}
                已整改 <b data-testid="kpi-problems-closed">{count(s.problems.closed)}</b> 个
              </Sub>
              <Sub>
                <button type="button" className="kpi-link" onClick={onOpenProblems} disabled={s.problems.openAllYears === 0}>
                  查看整改台账
                </button>
              </Sub>
            </>
          )}
        </Kpi>
        <Kpi title="作战图逾期任务" hint="作战图任务不分区划，逾期数只在“全市”范围显示" loading={overdueTasks === null}>
          {overdueTasks === 'none' || overdueTasks === 'whole-only' ? (
            <>
              <Value testId="kpi-battle-overdue">—</Value>
              <Sub>{overdueTasks === 'none' ? '尚未制定作战图' : '全市统一任务'}</Sub>
              {overdueTasks === 'whole-only' && <Sub>选“全市”查看</Sub>}
            </>
          ) : (
            overdueTasks && (
              <>
                <Value testId="kpi-battle-overdue" unit="项" alert={overdueTasks.overdue > 0}>
                  {count(overdueTasks.overdue)}
                </Value>
                <Sub>共 {count(overdueTasks.tasks)} 项任务</Sub>
              </>
            )
          )}
        </Kpi>
        <Kpi title="承诺书未签" hint="三单一书中的《食品安全责任与任务承诺书》：本计划年度尚未签署的在岗干部">
          {s && (
            <>
              <Value testId="kpi-commitment-unsigned" unit="名" alert={s.cadres.commitmentSigned.total - s.cadres.commitmentSigned.done > 0}>
                {count(s.cadres.commitmentSigned.total - s.cadres.commitmentSigned.done)}
              </Value>
              <Sub>在岗干部 {count(s.cadres.commitmentSigned.total)} 名</Sub>
              <Sub>已签 {percent(s.cadres.commitmentSigned)}</Sub>
            </>
          )}
        </Kpi>
      </div>

      <div className="dashboard-duties" role="group" aria-label="企业主体责任落实">
        <div className="duty-cell duty-lead">
          <div className="kpi-title">企业主体责任</div>
          {s ? (
            <div className="duty-lead-figures">
              企业 <b data-testid="kpi-enterprises">{count(s.entities.enterprises)}</b> 家 · 大型 <b data-testid="kpi-large">{count(s.entities.largeEnterprises)}</b> 家
            </div>
          ) : (
            <Skeleton.Input active size="small" block style={{ height: 16 }} />
          )}
        </div>
        {DUTY_KEYS.map((key) => (
          <div key={key} className="duty-cell" title={`${DUTY_LABELS[key]}：已落实 / ${DUTY_OVER[key]}数`}>
            <div className="kpi-title">{DUTY_LABELS[key]}</div>
            {s ? (
              <div className="duty-value" data-testid={`kpi-duty-${key}`}>
                {ratioText(s.duties[key])}
              </div>
            ) : (
              <Skeleton.Input active size="small" block style={{ height: 16 }} />
            )}
          </div>
        ))}
      </div>
    </>
  );
}

interface KpiProps {
  readonly title: string;
  /** The title's tooltip, when the short title needs explaining. */
  readonly hint?: string;
  readonly wide?: boolean;
  readonly loading?: boolean;
  readonly children: ReactNode;
}

function Kpi({ title, hint, wide, loading, children }: KpiProps) {
  const empty = loading ?? (children === null || children === false || children === undefined);
  return (
    <div className={`kpi-card${wide ? ' kpi-wide' : ''}`} title={hint}>
      <div className="kpi-title">{title}</div>
      {empty ? <Skeleton active title={false} paragraph={{ rows: 2, width: ['60%', '90%'] }} className="kpi-skeleton" /> : children}
    </div>
  );
}

function Value({ testId, unit, alert, title, children }: { readonly testId: string; readonly unit?: string; readonly alert?: boolean; readonly title?: string; readonly children: ReactNode }) {
  return (
    <div className={`kpi-value${alert ? ' kpi-alert' : ''}`} title={title}>
      <span data-testid={testId}>{children}</span>
      {unit && <span className="kpi-unit">{unit}</span>}
    </div>
  );
}

function Sub({ children }: { readonly children: ReactNode }) {
  return <div className="kpi-sub">{children}</div>;
}
