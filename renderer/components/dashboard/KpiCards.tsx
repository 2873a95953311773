import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { Stats } from '@shared/stats/stats';
import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS, type Grade, type RegionLevel } from '@shared/domain/schemas';
import { DUTY_KEYS, type DutyKey } from '@shared/stats/tally';
import { DUTY_LABELS, DUTY_OVER } from './duties';
import { countText, percentText, ratioText } from '@shared/util/format';

export interface VisitMonth {
  readonly planned: number;
  readonly done: number;
}

/**
 * Overdue 作战图 tasks; 'none' when there is no 作战图 yet, 'whole-only' for a 旗区 or 乡镇 scope
 * (the tasks carry no region: they are the whole library's plan).
 */
export type OverdueTasks = { readonly overdue: number; readonly tasks: number } | 'none' | 'whole-only';

/** The list a figure opens: every figure on the cards leads to the 主体, 干部, 督导 or 作战图 it counts. */
export type KpiTarget =
  | { readonly list: 'entities'; readonly grade?: Grade }
  | { readonly list: 'assigned' | 'unassigned' | 'closed' | 'enterprises' | 'large' }
  | { readonly list: 'lacking'; readonly duty: DutyKey }
  | { readonly list: 'cadres'; readonly level?: RegionLevel }
  | { readonly list: 'unsigned' | 'violations' | 'visits' | 'visits-month' | 'problems' | 'battle-map' };

export interface KpiCardsProps {
  /** null while the scope's figures are read. */
  readonly stats: Stats | null;
  /** 督导 of this month; null while read. */
  readonly month: VisitMonth | null;
  /** null while read. */
  readonly overdueTasks: OverdueTasks | null;
  /** The plan year the 督导 figures are for; null while read. */
  readonly planYear: number | null;
  readonly onOpen: (target: KpiTarget) => void;
}

/** The KPI strip and the 企业主体责任 strip of 首页概览. */
export function KpiCards({ stats, month, overdueTasks, planYear, onOpen }: KpiCardsProps) {
  const s = stats;
  const coverage = s ? { done: s.coverage.assigned, total: s.coverage.assigned + s.coverage.unassigned } : null;
  // 包保覆盖 and the duties leave the 注销 主体 out: said on the cards, so their figures add up to the totals shown.
  const closed = s && coverage ? s.entities.total - coverage.total : 0;
  const closedEnterprises = s ? s.entities.enterprises - s.duties.commitment.total : 0;
  return (
    <>
      <div className="dashboard-kpis" role="group" aria-label="主要指标">
        <Kpi title="包保主体" wide>
          {s && (
            <>
              <Value testId="kpi-entities" unit="户" label="查看全部包保主体" onClick={() => onOpen({ list: 'entities' })}>
                {countText(s.entities.total)}
              </Value>
              <div className="kpi-grid">
                {GRADES.map((g) => (
                  <Drill key={g} label={`查看${g}级主体`} onClick={() => onOpen({ list: 'entities', grade: g })}>
                    {g}级 <b data-testid={`kpi-grade-${g}`}>{countText(s.entities.byGrade[g])}</b>
                  </Drill>
                ))}
              </div>
            </>
          )}
        </Kpi>
        <Kpi title="包保干部" wide>
          {s && (
            <>
              <Value testId="kpi-cadres" unit="名" label="查看全部包保干部" onClick={() => onOpen({ list: 'cadres' })}>
                {countText(s.cadres.total)}
              </Value>
              <div className="kpi-grid">
                {REGION_LEVELS.map((level) => (
                  <Drill key={level} label={`查看${CADRE_LEVEL_LABELS[level]}干部`} onClick={() => onOpen({ list: 'cadres', level })}>
                    {CADRE_LEVEL_LABELS[level]} <b data-testid={`kpi-level-${level}`}>{countText(s.cadres.byLevel[level])}</b>
                  </Drill>
                ))}
              </div>
            </>
          )}
        </Kpi>
        <Kpi title="包保覆盖率">
          {s && coverage && (
            <>
              <Value testId="kpi-coverage" title={`已落实 ${countText(coverage.done)} / 应落实 ${countText(coverage.total)}`}>
                {percentText(coverage)}
              </Value>
              <Sub>
                <Drill label="查看已落实包保的主体" onClick={() => onOpen({ list: 'assigned' })}>
                  已落实 <b data-testid="kpi-assigned">{countText(coverage.done)}</b> 户
                </Drill>
              </Sub>
              <Sub>
                <button
                  type="button"
                  className="kpi-link"
                  onClick={() => onOpen({ list: 'unassigned' })}
                  disabled={s.coverage.unassigned === 0}
                >
                  未落实 <b data-testid="kpi-unassigned">{countText(s.coverage.unassigned)}</b> 户
                </button>
              </Sub>
              {closed > 0 && (
                <Sub>
                  <Drill label="查看已注销的主体" onClick={() => onOpen({ list: 'closed' })}>
                    已注销 <b data-testid="kpi-closed">{countText(closed)}</b> 户不计
                  </Drill>
                </Sub>
              )}
            </>
          )}
        </Kpi>
        <Kpi title="违规">
          {s && (
            <>
              <Value testId="kpi-violations" unit="处" alert={s.coverage.violations > 0}>
                {countText(s.coverage.violations)}
              </Value>
              <Sub>不含未落实</Sub>
              <Sub>
                <button type="button" className="kpi-link" onClick={() => onOpen({ list: 'violations' })}>
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
                <Drill label="查看全年督导" onClick={() => onOpen({ list: 'visits' })}>
                  <b data-testid="kpi-visits-year">
                    {countText(s.visits.done)} / {countText(s.visits.planned)}
                  </b>
                </Drill>
                <span className="kpi-line-pct">{percentText({ done: s.visits.done, total: s.visits.planned })}</span>
              </div>
              <div className="kpi-line">
                <span className="kpi-line-label">本月</span>
                {month === null ? (
                  <Skeleton.Input active size="small" style={{ height: 14, minWidth: 90, width: 90 }} />
                ) : (
                  <>
                    <Drill label="查看本月督导" onClick={() => onOpen({ list: 'visits-month' })}>
                      <b data-testid="kpi-visits-month">
                        {countText(month.done)} / {countText(month.planned)}
                      </b>
                    </Drill>
                    <span className="kpi-line-pct">{percentText({ done: month.done, total: month.planned })}</span>
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
                {countText(s.problems.openAllYears)}
              </Value>
              <Sub>
                {/* The card is narrow: the year is in the status line and the hint. */}
                已整改 <b data-testid="kpi-problems-closed">{countText(s.problems.closed)}</b> 个
              </Sub>
              {/* The 闭环 after 整改, of every year: one figure, as the card is narrow; each step on hover. */}
              <Sub>
                <span title={`待复核 ${countText(s.problems.byStage.toReview)} 个，待销号 ${countText(s.problems.byStage.toClose)} 个`}>
                  待复核销号{' '}
                  <b data-testid="kpi-problems-unclosed">{countText(s.problems.byStage.toReview + s.problems.byStage.toClose)}</b> 个
                </span>
              </Sub>
              <Sub>
                <button
                  type="button"
                  className="kpi-link"
                  onClick={() => onOpen({ list: 'problems' })}
                  disabled={s.problems.openAllYears + s.problems.byStage.toReview + s.problems.byStage.toClose === 0}
                >
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
              <Sub>
                <button type="button" className="kpi-link" onClick={() => onOpen({ list: 'battle-map' })}>
                  {overdueTasks === 'none' ? '去制定作战图' : '查看作战图'}
                </button>
              </Sub>
            </>
          ) : (
            overdueTasks && (
              <>
                <Value testId="kpi-battle-overdue" unit="项" alert={overdueTasks.overdue > 0}>
                  {countText(overdueTasks.overdue)}
                </Value>
                <Sub>共 {countText(overdueTasks.tasks)} 项任务</Sub>
                <Sub>
                  <button type="button" className="kpi-link" onClick={() => onOpen({ list: 'battle-map' })}>
                    查看作战图
                  </button>
                </Sub>
              </>
            )
          )}
        </Kpi>
        <Kpi title="承诺书未签" hint="三单一书中的《食品安全责任与任务承诺书》：本计划年度尚未签署的在岗干部">
          {s && (
            <>
              <Value
                testId="kpi-commitment-unsigned"
                unit="名"
                alert={s.cadres.commitmentSigned.total - s.cadres.commitmentSigned.done > 0}
                label="查看承诺书未签的在岗干部"
                onClick={() => onOpen({ list: 'unsigned' })}
              >
                {countText(s.cadres.commitmentSigned.total - s.cadres.commitmentSigned.done)}
              </Value>
              <Sub>在岗干部 {countText(s.cadres.commitmentSigned.total)} 名</Sub>
              <Sub>已签 {percentText(s.cadres.commitmentSigned)}</Sub>
            </>
          )}
        </Kpi>
      </div>

      <div className="dashboard-duties" role="group" aria-label="企业主体责任落实">
        <div className="duty-cell duty-lead">
          <div className="kpi-title">企业主体责任</div>
          {s ? (
            <div className="duty-lead-figures">
              <Drill label="查看全部企业" onClick={() => onOpen({ list: 'enterprises' })}>
                企业 <b data-testid="kpi-enterprises">{countText(s.entities.enterprises)}</b> 家
              </Drill>
              {closedEnterprises > 0 && (
                <span className="kpi-muted" data-testid="kpi-enterprises-closed">
                  （注销 {countText(closedEnterprises)} 家不计）
                </span>
              )}
              {' · '}
              <Drill label="查看大型企业" onClick={() => onOpen({ list: 'large' })}>
                大型 <b data-testid="kpi-large">{countText(s.entities.largeEnterprises)}</b> 家
              </Drill>
            </div>
          ) : (
            <Skeleton.Input active size="small" block style={{ height: 16 }} />
          )}
        </div>
        {DUTY_KEYS.map((key) => (
          <div
            key={key}
            className="duty-cell"
            title={`${DUTY_LABELS[key]}：已落实 / ${DUTY_OVER[key]}数（不含注销）；点击查看未落实的企业`}
          >
            <div className="kpi-title">{DUTY_LABELS[key]}</div>
            {s ? (
              <Drill label={`查看未${DUTY_LABELS[key]}的企业`} onClick={() => onOpen({ list: 'lacking', duty: key })}>
                <span className="duty-value" data-testid={`kpi-duty-${key}`}>
                  {ratioText(s.duties[key])}
                </span>
              </Drill>
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

interface ValueProps {
  readonly testId: string;
  readonly unit?: string;
  readonly alert?: boolean;
  readonly title?: string;
  /** Where the figure leads (its list): the tooltip, and what a click opens. */
  readonly label?: string;
  readonly onClick?: () => void;
  readonly children: ReactNode;
}

function Value({ testId, unit, alert, title, label, onClick, children }: ValueProps) {
  const figure = <span data-testid={testId}>{children}</span>;
  return (
    <div className={`kpi-value${alert ? ' kpi-alert' : ''}`} title={title}>
      {onClick ? (
        <Drill label={label ?? ''} onClick={onClick}>
          {figure}
        </Drill>
      ) : (
        figure
      )}
      {unit && <span className="kpi-unit">{unit}</span>}
    </div>
  );
}

/** A figure that opens the list it counts: reads as the figure, underlined on hover; `label` is its tooltip. */
function Drill({ label, onClick, children }: { readonly label: string; readonly onClick: () => void; readonly children: ReactNode }) {
  return (
    <button type="button" className="kpi-drill" title={label} onClick={onClick}>
      {children}
    </button>
  );
}

function Sub({ children }: { readonly children: ReactNode }) {
  return <div className="kpi-sub">{children}</div>;
}
