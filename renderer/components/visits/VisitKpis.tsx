import { Flex, Tooltip } from 'antd';
import { countText, percentText } from '@shared/util/format';
import type { VisitFigures } from '@shared/api/contract';

export interface VisitKpisProps {
  readonly year: number | null;
  /** null while loading. */
  readonly figures: VisitFigures | null;
  readonly openProblems: number | null;
  readonly overdueProblems: number;
}

/** The year's figures in one strip: 计划 / 已完成 / 完成率 / 逾期未督导 / 未整改问题. */
export function VisitKpis({ year, figures, openProblems, overdueProblems }: VisitKpisProps) {
  const yearText = year === null ? '' : `${year} 年`;
  return (
    <Flex gap={8} role="group" aria-label="督导情况" style={{ marginBottom: 8 }}>
      <Kpi
        testId="kpi-planned"
        label="计划督导"
        unit="次"
        value={figures?.planned ?? null}
        title={`${yearText}计划的督导次数（含已完成）`}
      />
      <Kpi testId="kpi-done" label="已完成" unit="次" value={figures?.done ?? null} color="#389e0d" title={`${yearText}已登记的督导次数`} />
      <Kpi
        testId="kpi-rate"
        label="完成率"
        text={figures ? percentText({ done: figures.done, total: figures.planned }) : null}
        color="#1677ff"
        title="已完成次数 ÷ 计划次数"
      />
      <Kpi
        testId="kpi-overdue"
        label="逾期未督导"
        unit="次"
        value={figures?.overdue ?? null}
        color={figures && figures.overdue > 0 ? '#cf1322' : '#389e0d'}
        title="计划日期已过、还没有登记的督导"
      />
      <Kpi
        testId="kpi-open"
        label={overdueProblems > 0 ? `未整改问题（逾期 ${overdueProblems}）` : '未整改问题'}
        unit="个"
        value={openProblems}
        color={openProblems ? '#cf1322' : '#389e0d'}
        title="所有年度督导发现、尚未整改完成的问题"
      />
    </Flex>
  );
}

function Kpi({
  testId,
  label,
  value,
  text,
  unit,
  color,
  title,
}: {
  readonly testId: string;
  readonly label: string;
  readonly value?: number | null;
  readonly text?: string | null;
  readonly unit?: string;
  readonly color?: string;
  readonly title: string;
}) {
  const shown = text !== undefined ? text : value === null || value === undefined ? null : countText(value);
  return (
    <Tooltip title={title} mouseEnterDelay={0.6}>
      <div
        data-testid={testId}
        style={{
          flex: 1,
          minWidth: 0,
          height: 56,
          padding: '4px 12px',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          background: '#fff',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
        }}
      >
        <span style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</span>
        <span>
          <span data-role="value" style={{ fontSize: 22, lineHeight: '28px', fontWeight: 600, color: color ?? '#262626' }}>
            {shown ?? '…'}
          </span>
          {unit && shown !== null && <span style={{ fontSize: 12, color: '#8c8c8c', marginInlineStart: 4 }}>{unit}</span>}
        </span>
      </div>
    </Tooltip>
  );
}
