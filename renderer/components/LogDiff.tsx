import { Flex, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

/** Chinese names of the record fields that appear in 操作日志 before/after snapshots. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  name: '名称',
  uscc: '统一社会信用代码',
  license: '许可证编号',
  type: '主体类型',
  businessKinds: '业态',
  scale: '规模',
  grade: '包保等级',
  regionId: '所属区划（编号）',
  address: '地址',
  legalRep: '法定代表人（负责人）',
  legalRepPhone: '联系电话',
  director: '食品安全总监',
  safetyOfficers: '食品安全员',
  regulatorId: '网格监管人员（编号）',
  status: '经营状态',
  chainHeadquarters: '连锁总部',
  canteen: '食堂',
  duties: '主体责任落实',
  notes: '备注',
  unit: '工作单位',
  position: '职务',
  level: '层级',
  phone: '联系电话',
  active: '在岗',
  commitments: '承诺书签订',
  regionIds: '负责区域（编号）',
  entity: '主体',
  assignments: '包保关系',
  entityIds: '主体（编号）',
  cadreId: '包保干部（编号）',
  fromCadreId: '离任干部（编号）',
  toCadreId: '接任干部（编号）',
};

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a clerk reads it: text as is, 是/否, lists joined, anything else as indented JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.length === 0 ? '—' : value.join('、');
  return JSON.stringify(value, null, 2);
}

interface DiffRow {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isPlain(before) ? before : {};
  const a = isPlain(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const beforeText = before === undefined ? '' : valueText(b[field]);
    const afterText = after === undefined ? '' : valueText(a[field]);
    return {
      field,
      label: FIELD_LABELS[field] ?? field,
      before: beforeText,
      after: afterText,
      changed: before !== undefined && after !== undefined && JSON.stringify(b[field]) !== JSON.stringify(a[field]),
    };
  });
}

/**
 * What an operation changed: objects as a field table (修改前 / 修改后, changed fields marked);
 * anything else as indented JSON.
 */
export function LogDiff({ before, after }: { readonly before: unknown; readonly after: unknown }) {
  const both = before !== undefined && after !== undefined;
  const [onlyChanged, setOnlyChanged] = useState(both);
  const tabular = (before === undefined || isPlain(before)) && (after === undefined || isPlain(after));
  const rows = useMemo(() => (tabular ? diffRows(before, after) : []), [tabular, before, after]);

  if (before === undefined && after === undefined) {
    return <Typography.Text type="secondary">这次操作没有记录修改前后的内容。</Typography.Text>;
  }
  if (!tabular) {
    return (
      <Flex gap={12}>
        {before !== undefined && <JsonBlock title="修改前" value={before} />}
        {after !== undefined && <JsonBlock title="修改后" value={after} />}
      </Flex>
    );
  }
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
  const changedCount = rows.filter((r) => r.changed).length;
  return (
    <Flex vertical gap={8}>
      {both && (
        <Flex align="center" gap={8}>
          <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} aria-label="只看有变化的字段" />
          <Typography.Text>只看有变化的字段（{changedCount} 项）</Typography.Text>
        </Flex>
      )}
      <Table<DiffRow>
        size="small"
        bordered
        rowKey="field"
        pagination={false}
        dataSource={shown}
        rowClassName={(row) => (row.changed ? 'diff-changed' : '')}
        locale={{ emptyText: '没有字段发生变化' }}
        columns={[
          { title: '字段', dataIndex: 'label', width: 150 },
          ...(before !== undefined
            ? [{ title: '修改前', dataIndex: 'before', render: (text: string) => <pre className="diff-value">{text}</pre> }]
            : []),
          ...(after !== undefined
            ? [{ title: after !== undefined && before === undefined ? '内容' : '修改后', dataIndex: 'after', render: (text: string) => <pre className="diff-value">{text}</pre> }]
            : []),
        ]}
      />
    </Flex>
  );
}

function JsonBlock({ title, value }: { readonly title: string; readonly value: unknown }) {
  return (
    <section style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="diff-value" style={{ maxHeight: 'none', background: '#fafafa', padding: 8, borderRadius: 6 }}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}
