import { ExportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { countText } from '@shared/util/format';

export interface ListToolbarProps {
  readonly text: string;
  readonly onText: (text: string) => void;
  /** What the search box finds, short enough to show whole at 1366×768 … */
  readonly placeholder: string;
  /** … and in full, on hover. */
  readonly searchHint: string;
  readonly searchLabel: string;
  readonly searchWidth: number;
  /** The list's own filters, between the search box and the count. */
  readonly children: ReactNode;
  readonly total: number | null;
  /** 户 or 名. */
  readonly unit: string;
  readonly createLabel: string;
  readonly onCreate: () => void;
  /** Opens the export dialog for the list as filtered now. */
  readonly onExport: () => void;
}

/** The top of a list screen: search, the list's filters, the count, 导出 and 新增. */
export function ListToolbar({
  text,
  onText,
  placeholder,
  searchHint,
  searchLabel,
  searchWidth,
  children,
  total,
  unit,
  createLabel,
  onCreate,
  onExport,
}: ListToolbarProps) {
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={placeholder}
        title={searchHint}
        aria-label={searchLabel}
        value={text}
        onChange={(e) => onText(e.target.value)}
        style={{ width: searchWidth }}
      />
      {children}
      <Flex gap={12} align="center" style={{ marginInlineStart: 'auto' }}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {total === null ? '正在查询…' : `共 ${countText(total)} ${unit}`}
        </Typography.Text>
        <Tooltip title="导出当前列表（Excel，可选择列）">
          <Button icon={<ExportOutlined />} aria-label="导出" disabled={!total} onClick={onExport} />
        </Tooltip>
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {createLabel}
        </Button>
      </Flex>
    </Flex>
  );
}
