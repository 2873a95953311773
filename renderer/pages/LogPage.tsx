import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { LogEntry } from '@shared/domain/schemas';
import { LoadProblem } from '../components/LoadProblem';
import { useApiQuery } from '../api/queries';
import { idsIn, LogDiff, type LogNames } from '../components/LogDiff';
import { timeText } from '../forms/dates';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useElementHeight } from '../hooks/useElementHeight';
import { useListQuery } from '../hooks/useListQuery';
import { usePanel } from '../hooks/usePanel';

/** What kind of operation an entry is, in Chinese; unknown actions show as written. */
const ACTION_LABELS: Readonly<Record<string, { text: string; color: string }>> = {
  demo: { text: '示例数据', color: 'default' },
  'app:createBlank': { text: '新建库', color: 'default' },
  'app:loadDemo': { text: '示例数据', color: 'default' },
  'entities:save': { text: '保存主体', color: 'blue' },
  'entities:delete': { text: '删除主体', color: 'red' },
  'cadres:save': { text: '保存干部', color: 'blue' },
  'cadres:delete': { text: '删除干部', color: 'red' },
  'import:commit': { text: '导入', color: 'green' },
  'import:saveMapping': { text: '保存列对应', color: 'default' },
  'export:saveTemplate': { text: '保存导出模板', color: 'default' },
  'export:deleteTemplate': { text: '删除导出模板', color: 'default' },
  'assign:apply': { text: '自动分配', color: 'purple' },
  'assign:reassign': { text: '调整包保', color: 'purple' },
  'assign:release': { text: '解除包保', color: 'orange' },
  'assign:replaceCadre': { text: '干部变动', color: 'purple' },
  'backup:create': { text: '手动备份', color: 'default' },
  'backup:restore': { text: '从备份恢复', color: 'magenta' },
  'battlemap:create': { text: '编制作战图', color: 'cyan' },
  'battlemap:settings': { text: '作战图设置', color: 'cyan' },
  'battlemap:saveTask': { text: '保存任务', color: 'cyan' },
  'battlemap:deleteTask': { text: '删除任务', color: 'red' },
  'battlemap:dispatch': { text: '周调度', color: 'cyan' },
  'visits:plan': { text: '生成督导计划', color: 'geekblue' },
  'visits:record': { text: '登记督导', color: 'geekblue' },
  'visits:rectify': { text: '问题整改', color: 'geekblue' },
  'problems:step': { text: '问题办理', color: 'geekblue' },
  'handbook:import': { text: '读入督导记录', color: 'green' },
  'profile:save': { text: '保存设置', color: 'default' },
  'calendar:save': { text: '调整工作日', color: 'default' },
  'regulators:save': { text: '保存网格监管人员', color: 'blue' },
  'regulators:delete': { text: '删除网格监管人员', color: 'red' },
  'regulators:fill': { text: '按网格补全', color: 'purple' },
  'regions:save': { text: '保存区划', color: 'blue' },
  'regions:delete': { text: '删除区划', color: 'red' },
  'package:import': { text: '汇总上报包', color: 'green' },
  'package:importDown': { text: '接收下发包', color: 'green' },
};

function actionTag(action: string) {
  const known = ACTION_LABELS[action];
  return <Tag color={known?.color ?? 'default'}>{known?.text ?? action}</Tag>;
}

interface Row extends LogEntry {
  readonly key: number;
}

const LIMITS = [200, 1000, 5000].map((n) => ({ value: n, label: `最近 ${n} 条` }));
const HEADER_HEIGHT = 40;

/** 操作日志: every change with who and when, newest first; the before/after in a drawer. */
export function LogPage() {
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(200);
  const search = useDebouncedValue(text.trim(), 300);
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const detail = usePanel<Row | null>(null);

  const query = useMemo(() => ({ limit, text: search }), [limit, search]);
  const { result: entries, loading, error, reload } = useListQuery('log:list', query);

  const rows = useMemo(() => (entries ?? []).map((entry, key): Row => ({ ...entry, key })), [entries]);
  const columns: TableColumnsType<Row> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => timeText(at) },
    { title: '操作人', dataIndex: 'operator', width: 100, ellipsis: true },
    { title: '类别', dataIndex: 'action', width: 120, render: (action: string) => actionTag(action) },
    {
      title: '操作内容',
      dataIndex: 'summary',
      ellipsis: true,
      render: (summary: string, row) => (
        <button
          type="button"
          className="row-link"
          title={summary}
          onClick={(e) => {
            e.stopPropagation();
            detail.show(row);
          }}
        >
          {summary}
        </button>
      ),
    },
    {
      title: '修改前后',
      key: 'diff',
      width: 90,
      render: (_: unknown, row) =>
        row.before !== undefined || row.after !== undefined ? (
          <Typography.Link onClick={() => detail.show(row)}>查看</Typography.Link>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const entry = detail.target;
  const names = useLogNames(entry);
  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: '0 16px 0 0', whiteSpace: 'nowrap' }}>
          操作日志
        </Typography.Title>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索操作内容，例如主体名称、“导入”、“删除”"
          aria-label="搜索操作日志"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 340 }}
        />
        <Select aria-label="显示条数" options={LIMITS} value={limit} onChange={setLimit} style={{ width: 130 }} />
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading && entries !== null}>
          刷新
        </Button>
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
          {entries === null
            ? '正在读取…'
            : `共 ${entries.length} 条${entries.length >= limit ? `（只显示最近 ${limit} 条）` : ''}，最新的在最上面`}
        </Typography.Text>
      </Flex>
      <LoadProblem text={error} onRetry={reload} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <Table<Row>
          virtual
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ y: Math.max(tableHeight - HEADER_HEIGHT, 120) }}
          locale={{ emptyText: search ? '没有符合条件的操作记录，请换个搜索词' : '还没有操作记录' }}
          onRow={(row) => ({ onClick: () => detail.show(row), style: { cursor: 'pointer' } })}
        />
      </div>
      <Drawer open={detail.open} onClose={detail.hide} size={760} title="操作详情">
        {entry && (
          <Flex vertical gap={16}>
            <Descriptions
              bordered
              size="small"
              column={2}
              styles={{ label: { width: 90 } }}
              items={[
                { key: 'at', label: '时间', children: timeText(entry.at) },
                { key: 'operator', label: '操作人', children: entry.operator },
                { key: 'action', label: '类别', span: 2, children: actionTag(entry.action) },
                { key: 'summary', label: '内容', span: 2, children: entry.summary },
              ]}
            />
            <LogDiff key={entry.key + entry.at} before={entry.before} after={entry.after} names={names} />
          </Flex>
        )}
      </Drawer>
    </Flex>
  );
}

const NO_NAMES: LogNames = {};

/** The names of the regions, 主体, cadres and grid regulators an entry refers to by id ({} while read, or when none). */
function useLogNames(entry: LogEntry | null): LogNames {
  const ids = useMemo(() => (entry ? [...idsIn([entry.before, entry.after])] : []), [entry]);
  // Without names the ids still show, marked; a failed read has nothing to report.
  const { result } = useApiQuery('log:names', { ids }, { enabled: ids.length > 0, keepPrevious: false });
  return (ids.length > 0 && result) || NO_NAMES;
}
