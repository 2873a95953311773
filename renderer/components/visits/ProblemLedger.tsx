import { Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ProblemView } from '@shared/api/contract';
import { hashParams } from '../../hooks/useHashScreen';
import { OVERDUE_STEPS, overdueText, PROBLEM_STAGES, type OverdueStep, type ProblemStage } from '@shared/visits/problems';
import { useElementSize } from '../assignments/useElementSize';
import type { ProblemAction } from './ProblemStepModal';

export interface ProblemLedgerProps {
  readonly problems: readonly ProblemView[];
  readonly loading: boolean;
  /**
   * Whether `problems` holds the 已销号 ones too: they are asked for only once 已销号 is chosen
   * (`onClosedWanted`), since they are most of a library's problems and lie in every past year.
   */
  readonly withClosed: boolean;
  readonly onClosedWanted: (wanted: boolean) => void;
  readonly onStep: (action: ProblemAction, problem: ProblemView) => void;
}

/**
 * 未销号 (every stage but the last), 未整改 (待交办 and 待整改: not rectified yet, what the 首页概览
 * 未整改 bars count), one stage, or 已销号.
 */
type StageFilter = 'open' | 'unrectified' | ProblemStage;
const UNRECTIFIED: ReadonlySet<ProblemStage> = new Set(['待交办', '待整改']);

/** The address's `stage=unrectified` (the dashboard's 未整改 bar) opens the ledger on 未整改; otherwise 未销号. */
function stageFromAddress(): StageFilter {
  return hashParams().get('stage') === 'unrectified' ? 'unrectified' : 'open';
}

function inStage(filter: StageFilter, stage: ProblemStage): boolean {
  if (filter === 'open') return stage !== '已销号';
  if (filter === 'unrectified') return UNRECTIFIED.has(stage);
  return stage === filter;
}
type OverdueFilter = 'any' | OverdueStep;

const HEADER_HEIGHT = 40;
const FIXED = { entity: 200, found: 96, deadline: 100, stage: 150, last: 220, action: 170 };
const FIXED_TOTAL = Object.values(FIXED).reduce((sum, width) => sum + width, 0);
const SCROLLBAR = 16;

const STAGE_COLORS: Readonly<Record<ProblemStage, string>> = {
  待交办: 'orange',
  待整改: 'gold',
  待复核: 'blue',
  待销号: 'cyan',
  已销号: 'green',
};

/** What the ledger offers at each stage: the next step; a problem put right on the spot can be 登记整改 before any 交办. */
const ACTIONS: Readonly<Record<ProblemStage, readonly ProblemAction[]>> = {
  待交办: ['交办', '整改'],
  待整改: ['整改'],
  待复核: ['复核'],
  待销号: ['销号'],
  已销号: [],
};
const ACTION_LABELS: Readonly<Record<ProblemAction, string>> = { 交办: '交办', 整改: '登记整改', 复核: '复核', 销号: '销号' };

const problemKey = (p: ProblemView): string => `${p.visitId}|${p.problem.id}`;

/** “退回 03-22 高峰：原因” — the latest step, whom it went to and its note. */
function lastStepText(p: ProblemView): string {
  const step = p.problem.steps.at(-1);
  if (!step) return p.problem.rectifiedOn ? `整改 ${p.problem.rectifiedOn}（旧版记录，待复核）` : '';
  return `${step.step} ${step.on.slice(5)} ${step.by}${step.to ? ` → ${step.to}` : ''}${step.note ? `：${step.note}` : ''}`;
}

/**
 * 问题整改台账: every problem with the step it waits for (发现 → 交办 → 整改 → 复核 → 销号), filtered
 * by stage (已销号 included) and by the step that is overdue; each row offers its next step.
 */
export function ProblemLedger({ problems, loading, withClosed, onClosedWanted, onStep }: ProblemLedgerProps) {
  const [stage, setStage] = useState<StageFilter>(stageFromAddress);
  const [overdue, setOverdue] = useState<OverdueFilter>('any');
  const [box, size] = useElementSize<HTMLDivElement>();
  const counts = useMemo(() => {
    const byStage = Object.fromEntries(PROBLEM_STAGES.map((s) => [s, 0])) as Record<ProblemStage, number>;
    const byOverdue = Object.fromEntries(OVERDUE_STEPS.map((s) => [s, 0])) as Record<OverdueStep, number>;
    for (const p of problems) {
      byStage[p.stage]++;
      for (const step of OVERDUE_STEPS) if (p.overdue[step] !== undefined) byOverdue[step]++;
    }
    return { byStage, byOverdue, open: problems.length - byStage.已销号, unrectified: byStage.待交办 + byStage.待整改 };
  }, [problems]);
  const rows = useMemo(
    () => problems.filter((p) => inStage(stage, p.stage) && (overdue === 'any' || p.overdue[overdue] !== undefined)),
    [problems, stage, overdue],
  );
  const descriptionWidth = Math.max(200, size.width - FIXED_TOTAL - SCROLLBAR);

  const columns = useMemo<TableColumnsType<ProblemView>>(
    () => [
      { title: '主体', dataIndex: 'entityName', width: FIXED.entity, ellipsis: true },
      {
        title: '问题',
        key: 'description',
        width: descriptionWidth,
        ellipsis: true,
        render: (_: unknown, p) => <span title={`${p.problem.description}（包保干部：${p.cadreName}）`}>{p.problem.description}</span>,
      },
      { title: '发现日期', dataIndex: 'foundOn', width: FIXED.found },
      {
        title: '整改期限',
        key: 'deadline',
        width: FIXED.deadline,
        render: (_: unknown, p) =>
          p.overdue.整改 !== undefined ? <Typography.Text type="danger">{p.problem.deadline}</Typography.Text> : p.problem.deadline,
      },
      {
        title: '环节',
        key: 'stage',
        width: FIXED.stage,
        render: (_: unknown, p) => {
          const late = overdueText(p.overdue);
          return (
            <Flex gap={4} wrap>
              <Tag color={STAGE_COLORS[p.stage]} style={{ marginInlineEnd: 0 }}>
                {p.stage}
              </Tag>
              {late && (
                <Tag color="red" title={late} style={{ marginInlineEnd: 0 }}>
                  逾期
                </Tag>
              )}
            </Flex>
          );
        },
      },
      {
        title: '最近办理',
        key: 'last',
        width: FIXED.last,
        ellipsis: true,
        render: (_: unknown, p) => {
          const text = lastStepText(p);
          return <span title={text}>{text}</span>;
        },
      },
      {
        title: '操作',
        key: 'action',
        width: FIXED.action,
        render: (_: unknown, p) => (
          <Flex gap={4}>
            {ACTIONS[p.stage].map((action, i) => (
              <Button
                key={action}
                size="small"
                type={i === 0 ? 'primary' : 'default'}
                ghost={i === 0}
                onClick={() => onStep(action, p)}
                aria-label={`${ACTION_LABELS[action]}：${p.entityName} ${p.problem.description}`}
              >
                {ACTION_LABELS[action]}
              </Button>
            ))}
          </Flex>
        ),
      },
    ],
    [descriptionWidth, onStep],
  );

  const empty =
    overdue !== 'any'
      ? `没有${overdue}逾期的问题`
      : stage === 'open'
        ? '没有未销号的问题：督导发现的问题都已办结'
        : stage === 'unrectified'
          ? '没有未整改的问题'
          : `没有${stage}的问题`;

  return (
    <Flex vertical style={{ flex: 1, minHeight: 0 }}>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
        <Segmented<StageFilter>
          aria-label="按环节筛选"
          value={stage}
          onChange={(next) => {
            setStage(next);
            onClosedWanted(next === '已销号');
          }}
          options={[
            { value: 'open' as const, label: `未销号 ${counts.open}` },
            { value: 'unrectified' as const, label: `未整改 ${counts.unrectified}` },
            ...PROBLEM_STAGES.map((s) => ({ value: s, label: s === '已销号' && !withClosed ? s : `${s} ${counts.byStage[s]}` })),
          ]}
        />
        <Segmented<OverdueFilter>
          aria-label="按逾期环节筛选"
          value={overdue}
          onChange={setOverdue}
          options={[
            { value: 'any' as const, label: '不限逾期' },
            ...OVERDUE_STEPS.map((s) => ({ value: s, label: `${s}逾期 ${counts.byOverdue[s]}` })),
          ]}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ marginBottom: 8 }}>
        发现 → 交办 → 整改 → 复核 → 销号，每步登记日期和经办人；复核退回的问题回到“待整改”。按整改期限排列，逾期的标红。
      </Typography.Text>
      <div ref={box} style={{ flex: 1, minHeight: 0 }} data-testid="problem-ledger">
        <Table<ProblemView>
          virtual
          size="small"
          rowKey={problemKey}
          columns={columns}
          dataSource={rows as ProblemView[]}
          loading={loading}
          pagination={false}
          scroll={{ x: FIXED_TOTAL + descriptionWidth, y: Math.max(size.height - HEADER_HEIGHT, 120) }}
          onRow={(p) => ({ style: Object.keys(p.overdue).length > 0 ? { background: '#fff1f0' } : undefined })}
          locale={{ emptyText: empty }}
        />
      </div>
    </Flex>
  );
}
