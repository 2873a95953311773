import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Radio, Segmented, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportPreview } from '@shared/api/contract';
import type { PlannedRow, RowOutcome } from '@shared/records/import-plan';
import { useElementHeight } from '../hooks/useElementHeight';
import { ImportColumnsNotice } from './ImportColumnsNotice';

type RowFilter = 'all' | 'reject' | 'warning' | 'add' | 'update';

export const OUTCOME_TAGS: Readonly<Record<RowOutcome, { color: string; text: string }>> = {
  add: { color: 'green', text: '新增' },
  update: { color: 'blue', text: '更新' },
  unchanged: { color: 'default', text: '未变' },
  reject: { color: 'red', text: '拒绝' },
};

export interface ImportPreviewStepProps {
  readonly preview: ImportPreview;
  readonly downloading: boolean;
  readonly onDownloadErrors: () => void;
  readonly onBackToMapping: () => void;
  readonly onCancel: () => void;
  readonly onCommit: () => void;
  /** Previews again with blank cells keeping (default) or clearing an updated record's values. */
  readonly onBlankCellsChange: (blankCells: ImportPreview['blankCells']) => void;
}

const HEADER_HEIGHT = 40;

const sheetColumn: TableColumnsType<PlannedRow>[number] = { title: '工作表', dataIndex: 'sheet', width: 120, ellipsis: true };

const columns: TableColumnsType<PlannedRow> = [
  { title: '行号', dataIndex: 'row', width: 72, align: 'right' },
  { title: '名称', dataIndex: 'name', width: 260, ellipsis: true },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 80,
    render: (outcome: RowOutcome) => <Tag color={OUTCOME_TAGS[outcome].color}>{OUTCOME_TAGS[outcome].text}</Tag>,
  },
  {
    title: '原因 / 提示 / 改动',
    key: 'reasons',
    render: (_: unknown, row) => {
      const changes = (row.changes ?? []).map((c) => `${c.label}：${c.from || '（空）'} → ${c.to || '（空）'}`).join('；');
      const text = [...row.reasons, ...row.warnings.map((w) => `提示：${w}`), changes].filter(Boolean).join('；');
      return (
        <div className="cell-ellipsis" title={text}>
          {row.reasons.length > 0 && <Typography.Text type="danger">{row.reasons.join('；')}</Typography.Text>}
          {row.reasons.length > 0 && row.warnings.length > 0 && '；'}
          {row.warnings.length > 0 && <Typography.Text type="warning">提示：{row.warnings.join('；')}</Typography.Text>}
          {changes && (row.reasons.length > 0 || row.warnings.length > 0) && '；'}
          {changes && <Typography.Text>{changes}</Typography.Text>}
        </div>
      );
    },
  },
];

function matches(row: PlannedRow, filter: RowFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'warning') return row.warnings.length > 0;
  return row.outcome === filter;
}

/** Step 3 “预览”: what each row will do, before anything is written. */
export function ImportPreviewStep({
  preview,
  downloading,
  onDownloadErrors,
  onBackToMapping,
  onCancel,
  onCommit,
  onBlankCellsChange,
}: ImportPreviewStepProps) {
  const [filter, setFilter] = useState<RowFilter>('all');
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const { counts } = preview;
  const rows = useMemo(() => preview.rows.filter((r) => matches(r, filter)), [preview.rows, filter]);
  const writes = counts.add + counts.update;
  const many = preview.sheets.length > 1;
  const shown = useMemo(() => (many ? [sheetColumn, ...columns] : columns), [many]);

  const stats: { title: string; value: number; color?: string }[] = [
    { title: '新增', value: counts.add, color: '#389e0d' },
    { title: '更新', value: counts.update, color: '#1677ff' },
    { title: '未变', value: counts.unchanged },
    { title: '拒绝', value: counts.reject, color: counts.reject > 0 ? '#cf1322' : undefined },
    { title: '有提示', value: counts.warning, color: counts.warning > 0 ? '#d46b08' : undefined },
    { title: '跳过空行/合计行', value: counts.skipped, color: '#8c8c8c' },
  ];

  return (
    <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }}>
      <Flex align="center" gap={28} wrap>
        {stats.map((s) => (
          <Statistic key={s.title} title={s.title} value={s.value} styles={{ content: { fontSize: 22, color: s.color } }} />
        ))}
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', maxWidth: 560 }} ellipsis={{ tooltip: true }}>
          “{preview.fileName}” ·{' '}
          {many ? `${preview.sheets.length} 个工作表` : `工作表“${preview.sheetName}” · 表头在第 ${preview.headerRow} 行`}
        </Typography.Text>
      </Flex>
      <ImportColumnsNotice preview={preview} />
      <Flex align="center" gap={8} wrap>
        <Typography.Text>表中空白的单元格：</Typography.Text>
        <Radio.Group
          aria-label="表中空白的单元格"
          value={preview.blankCells}
          onChange={(e) => onBlankCellsChange(e.target.value as ImportPreview['blankCells'])}
          options={[
            { value: 'keep', label: '不改动已有内容' },
            { value: 'clear', label: '清空已有内容' },
          ]}
        />
        <Typography.Text type="secondary">只影响更新的记录；“改动”列列出每条更新的原值 → 新值。</Typography.Text>
      </Flex>
      <Flex align="center" gap={12}>
        <Segmented<RowFilter>
          aria-label="按结果筛选"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${preview.rows.length}` },
            { value: 'reject', label: `仅拒绝 ${counts.reject}` },
            { value: 'warning', label: `仅有提示 ${counts.warning}` },
            { value: 'add', label: `仅新增 ${counts.add}` },
            { value: 'update', label: `仅更新 ${counts.update}` },
          ]}
        />
        <Typography.Text type="secondary">行号即 Excel/WPS 中的行号；拒绝的行不会导入，改正后可再次导入。</Typography.Text>
      </Flex>
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <Table<PlannedRow>
          virtual
          size="small"
          rowKey={(row) => `${row.sheet}|${row.row}`}
          columns={shown}
          dataSource={rows}
          pagination={false}
          scroll={{ y: Math.max(tableHeight - HEADER_HEIGHT, 120) }}
          locale={{ emptyText: filter === 'all' ? '表头下面没有数据行' : '没有这类行' }}
        />
      </div>
      <Flex gap={8} align="center">
        <Button onClick={onCancel}>取消</Button>
        <Button onClick={onBackToMapping}>返回列对应</Button>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }} align="center">
          <Button icon={<DownloadOutlined />} disabled={counts.reject === 0} loading={downloading} onClick={onDownloadErrors}>
            下载未导入行（Excel）
          </Button>
          <Button type="primary" disabled={writes === 0 || Boolean(preview.problem)} onClick={onCommit}>
            确认导入 {writes} 条
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
