import { Flex, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CADRE_LEVEL_LABELS } from '@shared/domain/schemas';

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
  regionId: '所属区划',
  address: '地址',
  legalRep: '法定代表人（负责人）',
  legalRepPhone: '联系电话',
  director: '食品安全总监',
  safetyOfficers: '食品安全员',
  regulatorId: '网格监管人员',
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
  regionIds: '负责区域',
  entity: '主体',
  assignments: '包保关系',
  entityId: '主体',
  entityIds: '主体',
  cadreId: '包保干部',
  fromCadreId: '离任干部',
  toCadreId: '接任干部',
  // Inside the fields above.
  dailyWeeklyMonthly: '日管控周排查月调度',
  riskList: '风险管控清单',
  riskSystem: '纳入风险管控系统',
  commitment: '主体责任承诺书',
  kind: '类别',
  mealHeadcount: '每餐就餐人数',
  year: '年度',
  signedOn: '签订日期',
  start: '开始',
  end: '结束',
  reason: '原因',
  endReason: '结束原因',
  manual: '人工指定',
  inactiveSince: '离岗日期',
};

/** Fields holding ids of regions, 主体, cadres or grid regulators: shown by name (see log:names). */
const ID_FIELDS: ReadonlySet<string> = new Set([
  'regionId',
  'regionIds',
  'regulatorId',
  'entityId',
  'entityIds',
  'cadreId',
  'fromCadreId',
  'toCadreId',
]);

/** Names for the ids in an entry (region paths, 主体/干部/网格监管人员 names). */
export type LogNames = Readonly<Record<string, string>>;

/** Every id an entry's before/after holds in an id field, at any depth. */
export function idsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, out);
  else if (isPlain(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (ID_FIELDS.has(key)) for (const id of Array.isArray(inner) ? inner : [inner]) if (typeof id === 'string' && id) out.add(id);
      idsIn(inner, out);
    }
  }
  return out;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field's value as a clerk reads it: text as is, 是/否, ids by name, 层级 in words, lists joined,
 * records (a 总监, 食堂, 包保关系 …) as “字段：值” lines — never raw keys or JSON.
 */
export function valueText(value: unknown, field = '', names: LogNames = {}): string {
  if (value === undefined || value === null || value === '') return '—';
  if (ID_FIELDS.has(field) && (typeof value === 'string' || Array.isArray(value))) {
    const ids = (Array.isArray(value) ? value : [value]).map(String);
    return ids.length === 0 ? '—' : ids.map((id) => names[id] ?? `（已删除，编号 ${id}）`).join('、');
  }
  if (field === 'level' && typeof value === 'string') return CADRE_LEVEL_LABELS[value as keyof typeof CADRE_LEVEL_LABELS] ?? value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const items = value.map((item) => valueText(item, field, names));
    return value.every((v) => !isPlain(v)) ? items.join('、') : items.join('\n');
  }
  if (isPlain(value)) {
    // A person reads as “姓名 电话”.
    if (Object.keys(value).every((k) => k === 'name' || k === 'phone')) return [value['name'], value['phone']].filter(Boolean).join(' ');
    return Object.entries(value)
      .filter(([key]) => key !== 'id')
      .map(([key, inner]) => `${FIELD_LABELS[key] ?? key}：${valueText(inner, key, names)}`)
      .join('；');
  }
  return String(value);
}

interface DiffRow {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

function diffRows(before: unknown, after: unknown, names: LogNames): DiffRow[] {
  const b = isPlain(before) ? before : {};
  const a = isPlain(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const beforeText = before === undefined ? '' : valueText(b[field], field, names);
    const afterText = after === undefined ? '' : valueText(a[field], field, names);
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
 * anything else as text; ids by the names in `names`.
 */
export function LogDiff({ before, after, names }: { readonly before: unknown; readonly after: unknown; readonly names: LogNames }) {
  const both = before !== undefined && after !== undefined;
  const [onlyChanged, setOnlyChanged] = useState(both);
  const tabular = (before === undefined || isPlain(before)) && (after === undefined || isPlain(after));
  const rows = useMemo(() => (tabular ? diffRows(before, after, names) : []), [tabular, before, after, names]);

  if (before === undefined && after === undefined) {
    return <Typography.Text type="secondary">这次操作没有记录修改前后的内容。</Typography.Text>;
  }
  if (!tabular) {
    return (
      <Flex gap={12}>
        {before !== undefined && <TextBlock title="修改前" text={valueText(before, '', names)} />}
        {after !== undefined && <TextBlock title="修改后" text={valueText(after, '', names)} />}
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
            ? [
                {
                  title: after !== undefined && before === undefined ? '内容' : '修改后',
                  dataIndex: 'after',
                  render: (text: string) => <pre className="diff-value">{text}</pre>,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

function TextBlock({ title, text }: { readonly title: string; readonly text: string }) {
  return (
    <section style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="diff-value" style={{ maxHeight: 'none', background: '#fafafa', padding: 8, borderRadius: 6 }}>
        {text}
      </pre>
    </section>
  );
}
