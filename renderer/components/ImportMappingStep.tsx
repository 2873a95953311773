import { Alert, Button, Checkbox, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { ImportCounts } from '@shared/records/import-plan';
import { mappingRows, missingRequired, type LiveStatus, type MappingEdits, type MappingRow, type SheetHeader } from '../import/mapping';
import { useElementHeight } from '../hooks/useElementHeight';
import { ImportColumnsNotice } from './ImportColumnsNotice';

export interface ImportMappingStepProps {
  readonly fileName: string;
  readonly header: SheetHeader;
  readonly edits: MappingEdits;
  readonly onEdit: (header: string, key: string) => void;
  /** The service's message when the file could not be previewed with this mapping ('' if it could). */
  readonly problem: string;
  /** The last preview's counts; null while the file has no preview for the current choices. */
  readonly counts: ImportCounts | null;
  /** The choices differ from those of the last preview. */
  readonly dirty: boolean;
  readonly saveMapping: boolean;
  readonly onSaveMappingChange: (save: boolean) => void;
  readonly onRepreview: () => void;
  readonly onNext: () => void;
  readonly onCancel: () => void;
}

const STATUS_TAGS: Readonly<Record<LiveStatus, { color: string; text: string }>> = {
  mapped: { color: 'green', text: '已对应' },
  unmapped: { color: 'orange', text: '未识别' },
  ambiguous: { color: 'red', text: '重复' },
  unclear: { color: 'red', text: '请确认' },
  ignored: { color: 'default', text: '不导入' },
};

const HEADER_HEIGHT = 40;

/** Step 2 “列对应”: which field each column of the sheet fills. */
export function ImportMappingStep(props: ImportMappingStepProps) {
  const { fileName, header, edits, onEdit, problem, counts, dirty, saveMapping, onSaveMappingChange, onRepreview, onNext, onCancel } =
    props;
  const rows = useMemo(() => mappingRows(header, edits), [header, edits]);
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const missing = missingRequired(header, rows);
  const unmapped = rows.filter((r) => r.status === 'unmapped').length;
  const ambiguous = rows.filter((r) => r.status === 'ambiguous').length;
  const unclear = rows.filter((r) => r.status === 'unclear').length;
  const unnamed = header.columns.length - rows.length;
  const labelOf = useMemo(() => new Map(header.fields.map((f) => [f.key, f.label])), [header.fields]);

  const options = useMemo(
    () => [
      { value: '', label: '不导入' },
      ...header.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
    ],
    [header.fields],
  );

  const columns: TableColumnsType<MappingRow> = [
    { title: '列', dataIndex: 'letter', width: 56, align: 'center' },
    {
      title: `表头文字（第 ${header.headerRow} 行）`,
      dataIndex: 'header',
      ellipsis: true,
      render: (text: string) => <Typography.Text strong>{text}</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 260,
      render: (status: LiveStatus, row) => (
        <Flex vertical gap={2}>
          <Flex gap={4}>
            <Tag color={STATUS_TAGS[status].color}>{STATUS_TAGS[status].text}</Tag>
            {row.edited && <Tag color="blue">已修改</Tag>}
          </Flex>
          {row.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '把握',
      dataIndex: 'confidence',
      width: 72,
      align: 'right',
      // How sure the automatic match is: by the field's own name 100 %, by key words less.
      render: (confidence: number, row) => (row.value && !row.edited ? `${Math.round(confidence * 100)}%` : ''),
    },
    {
      title: '导入为',
      dataIndex: 'value',
      width: 300,
      render: (value: string, row) => (
        <Select
          size="small"
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={`“${row.header}”对应的字段`}
          value={value}
          options={options}
          onChange={(key: string) => onEdit(row.header, key)}
          status={row.status === 'ambiguous' || row.status === 'unclear' ? 'error' : row.status === 'unmapped' ? 'warning' : undefined}
          style={{ width: '100%' }}
        />
      ),
    },
  ];

  const advice: string[] = [];
  // The service's own message already says which column is missing.
  if (missing && !problem) advice.push(`还没有一列对应为${missing}，请在下表中为名称所在的列选择${missing}。`);
  if (ambiguous > 0) advice.push(`有 ${ambiguous} 列对应到了同一字段（标为“重复”），请只保留一列，其余改为“不导入”。`);
  if (unclear > 0) advice.push(`有 ${unclear} 列的列名可以理解为不同的字段（标为“请确认”），请为这些列选择字段或“不导入”。`);
  if (unmapped > 0) advice.push(`有 ${unmapped} 列未识别，这些列不会导入；如其中有需要的内容，请选择对应的字段。`);

  return (
    <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }}>
      <Typography.Text type="secondary">
        文件“{fileName}” · 工作表“{header.sheetName}” · 第 {header.headerRow} 行是表头 · 共 {rows.length} 列
        {unnamed > 0 && `（另有 ${unnamed} 列没有列名，不会导入）`}
        {counts && !dirty && ` · 预览：新增 ${counts.add}、更新 ${counts.update}、未变 ${counts.unchanged}、拒绝 ${counts.reject}`}
      </Typography.Text>
      {problem && <Alert type="error" showIcon title={problem} />}
      {advice.length > 0 && (
        <Alert
          type={missing || ambiguous > 0 || unclear > 0 ? 'warning' : 'info'}
          showIcon
          title={advice.map((line) => (
            <div key={line}>{line}</div>
          ))}
        />
      )}
      {/* The table shows each column's status; beside it, what no column gives and which sheets are read. */}
      <ImportColumnsNotice preview={{ ...header, ignored: [] }} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <Table<MappingRow>
          size="small"
          rowKey="index"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ y: Math.max(tableHeight - HEADER_HEIGHT, 120) }}
          rowClassName={(row) =>
            row.status === 'ambiguous' || row.status === 'unclear'
              ? 'mapping-row-ambiguous'
              : row.status === 'unmapped'
                ? 'mapping-row-unmapped'
                : ''
          }
          locale={{ emptyText: '表头行中没有列名' }}
        />
      </div>
      <Flex gap={8} align="center" wrap>
        <Button onClick={onCancel}>取消，重新选择文件</Button>
        <Checkbox checked={saveMapping} onChange={(e) => onSaveMappingChange(e.target.checked)} style={{ marginInlineStart: 8 }}>
          保存此列对应，下次自动使用
        </Checkbox>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Button type={dirty || !counts ? 'primary' : 'default'} disabled={!dirty && counts !== null} onClick={onRepreview}>
            按此对应重新预览
          </Button>
          <Button type={!dirty && counts ? 'primary' : 'default'} disabled={dirty || !counts} onClick={onNext}>
            下一步：逐行预览
          </Button>
        </Flex>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {Object.keys(edits).length > 0
          ? `已修改 ${Object.keys(edits).length} 列的对应：${Object.entries(edits)
              .map(([h, k]) => `${h} → ${k ? (labelOf.get(k) ?? k) : '不导入'}`)
              .join('；')}`
          : '表头按含义自动对应（如“企业名称”“单位名称”都对应“主体名称”，“所在乡镇”“3.联系电话”也能认出），“把握”是自动对应的把握；风险等级不会当作包保等级。'}
      </Typography.Text>
    </Flex>
  );
}
