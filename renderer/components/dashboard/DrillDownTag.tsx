import { FilterOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { forgetHashParams } from '../../hooks/useHashScreen';

export interface DrillDownTagProps {
  /** What the list is narrowed to, e.g. "达拉特旗 · 2026-03-02 至 2026-03-08". */
  readonly text: string;
  readonly onClear: () => void;
}

/** A filter a list was opened with (from 首页概览 or 网格监管), shown while it applies; × clears it, in the address too. */
export function DrillDownTag({ text, onClear }: DrillDownTagProps) {
  return (
    <Tag
      icon={<FilterOutlined />}
      color="blue"
      closable
      closeIcon={<span aria-label="清除筛选">×</span>}
      onClose={() => {
        forgetHashParams();
        onClear();
      }}
      style={{
        marginInlineEnd: 0,
        fontSize: 13,
        lineHeight: '24px',
        maxWidth: 520,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
      title={`${text}（点 × 清除）`}
    >
      <span data-testid="drilldown-filter">{text}</span>
    </Tag>
  );
}
