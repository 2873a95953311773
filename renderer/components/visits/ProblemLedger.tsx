import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useElementSize } from '../assignments/useElementSize';
import type { OpenProblemRow } from './useVisitData';

export interface ProblemLedgerProps {
  readonly problems: readonly OpenProblemRow[];
  readonly loading: boolean;
  readonly onRectify: (problem: OpenProblemRow) => void;
}

type Show = 'all' | 'overdue';

const HEADER_HEIGHT = 40;
const FIXED = { entity: 240, cadre: 96, found: 110, deadline: 150, action: 120 };
const FIXED_TOTAL = FIXED.entity + FIXED.cadre + FIXED.found + FIXED.deadline + FIXED.action;
const SCROLLBAR = 16;

const problemKey = (p: OpenProblemRow): string => `${p.visitId}|${p.problem.id}`;

/** 问题整改台账: every open problem, earliest deadline first, overdue ones in red, each closed with 已整改. */
export function ProblemLedger({ problems, loading, onRectify }: ProblemLedgerProps) {
  const [show, setShow] = useState<Show>('all');
  const [box, size] = useElementSize<HTMLDivElement>();
  const overdue = useMemo(() => problems.filter((p) => p.overdue).length, [problems]);
  const rows = useMemo(() => (show === 'overdue' ? problems.filter((p) => p.overdue) : problems), [problems, show]);
  const descriptionWidth = Math.max(240, size.width - FIXED_TOTAL - SCROLLBAR);

  const columns = useMemo<TableColumnsType<OpenProblemRow>>(
    () => [
      { title: '主体', dataIndex: 'entityName', width: FIXED.entity, ellipsis: true },
      { title: '包保干部', dataIndex: 'cadreName', width: FIXED.cadre, ellipsis: true },
      {
        title: '问题',
        key: 'description',
        width: descriptionWidth,
        ellipsis: true,
        render: (_: unknown, p) => <span title={p.problem.description}>{p.problem.description}</span>,
      },
      { title: '发现日期', dataIndex: 'foundOn', width: FIXED.found },
      {
        title: '整改期限',
        key: 'deadline',
        width: FIXED.deadline,
        render: (_: unknown, p) =>
          p.overdue ? (
            <Typography.Text type="danger" strong>
              {p.problem.deadline}
              <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                逾期
              </Tag>
            </Typography.Text>
          ) : (
            p.problem.deadline
          ),
      },
      {
        title: '操作',
        key: 'action',
        width: FIXED.action,
        render: (_: unknown, p) => (
          <Button size="small" icon={<CheckCircleOutlined />} onClick={() => onRectify(p)} aria-label={`已整改：${p.entityName} ${p.problem.description}`}>
            已整改
          </Button>
        ),
      },
    ],
    [descriptionWidth, onRectify],
  );

  return (
    <Flex vertical style={{ flex: 1, minHeight: 0 }}>
      <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: `全部未整改 ${problems.length}` },
            { value: 'overdue', label: `已逾期 ${overdue}` },
          ]}
        />
        <Typography.Text type="secondary">按整改期限排列，逾期的问题标红；整改完成后点“已整改”登记日期，问题即从台账中移出。</Typography.Text>
      </Flex>
      <div ref={box} style={{ flex: 1, minHeight: 0 }} data-testid="problem-ledger">
        <Table<OpenProblemRow>
          virtual
          size="small"
          rowKey={problemKey}
          columns={columns}
          dataSource={rows as OpenProblemRow[]}
          loading={loading}
          pagination={false}
          scroll={{ x: FIXED_TOTAL + descriptionWidth, y: Math.max(size.height - HEADER_HEIGHT, 120) }}
          onRow={(p) => ({ style: p.overdue ? { background: '#fff1f0' } : undefined })}
          locale={{ emptyText: show === 'overdue' ? '没有逾期未整改的问题' : '没有未整改的问题：督导发现的问题都已整改完成' }}
        />
      </div>
    </Flex>
  );
}
