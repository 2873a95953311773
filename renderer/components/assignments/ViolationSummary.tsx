import { Button, Flex, Tooltip } from 'antd';
import { VIOLATION_KINDS, VIOLATION_LABELS, VIOLATION_SHORT_LABELS, type ViolationKind } from './violation-kinds';

export interface ViolationSummaryProps {
  readonly counts: Readonly<Record<ViolationKind, number>> | null;
  /** null: all kinds. */
  readonly selected: ViolationKind | null;
  readonly onSelect: (kind: ViolationKind | null) => void;
}

/** One card per rule with its count; pressing one filters the list below, pressing it again shows all. */
export function ViolationSummary({ counts, selected, onSelect }: ViolationSummaryProps) {
  const total = counts ? VIOLATION_KINDS.reduce((sum, k) => sum + counts[k], 0) : null;
  return (
    <Flex gap={8} role="group" aria-label="违反包保规则的情况" style={{ marginBottom: 10 }}>
      <SummaryCard
        label="全部问题"
        title="所有违反包保规则的情况"
        count={total}
        pressed={selected === null}
        onClick={() => onSelect(null)}
      />
      {VIOLATION_KINDS.map((kind) => (
        <SummaryCard
          key={kind}
          label={VIOLATION_SHORT_LABELS[kind]}
          title={VIOLATION_LABELS[kind]}
          count={counts?.[kind] ?? null}
          pressed={selected === kind}
          onClick={() => onSelect(selected === kind ? null : kind)}
          testId={`violation-card-${kind}`}
        />
      ))}
    </Flex>
  );
}

function SummaryCard({
  label,
  title,
  count,
  pressed,
  onClick,
  testId,
}: {
  readonly label: string;
  readonly title: string;
  readonly count: number | null;
  readonly pressed: boolean;
  readonly onClick: () => void;
  readonly testId?: string;
}) {
  const countColor = count === null ? '#8c8c8c' : count > 0 ? '#cf1322' : '#389e0d';
  return (
    <Tooltip title={title} mouseEnterDelay={0.6}>
      <Button
        color={pressed ? 'primary' : 'default'}
        variant="outlined"
        aria-pressed={pressed}
        aria-label={`${label} ${count ?? ''}`}
        data-testid={testId}
        onClick={onClick}
        style={{
          flex: 1,
          minWidth: 0,
          height: 58,
          paddingInline: 6,
          flexDirection: 'column',
          gap: 0,
          background: pressed ? '#e6f4ff' : undefined,
          borderWidth: pressed ? 2 : 1,
        }}
      >
        <span style={{ fontSize: 22, lineHeight: '28px', fontWeight: 600, color: countColor }} data-role="count">
          {count ?? '…'}
        </span>
        <span
          style={{ fontSize: 12, lineHeight: '18px', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {label}
        </span>
      </Button>
    </Tooltip>
  );
}
