import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { Regulator } from '@shared/domain/schemas';
import type { GridRow } from '@shared/grid/overview';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { DeleteRegulatorModal } from '../components/grid/DeleteRegulatorModal';
import { RegulatorForm } from '../components/grid/RegulatorForm';
import { LoadProblem } from '../components/LoadProblem';
import { RowLink } from '../components/RowLink';
import { useElementHeight } from '../hooks/useElementHeight';
import { openScreen } from '../hooks/useHashScreen';
import { useListQuery } from '../hooks/useListQuery';
import { usePanel } from '../hooks/usePanel';
import { useReference } from '../hooks/useReference';

const NO_INPUT = {};
const HEADER_HEIGHT = 40;

const matches = (row: GridRow, text: string): boolean =>
  !text || [row.name, row.unit, row.phone, ...row.grid].some((v) => v.includes(text));

/** 网格监管 (docs/domain.md#网格监管的规则): each grid regulator, their 主体 and the 包保干部 they work with. */
export function GridPage() {
  const overview = useListQuery('regulators:overview', NO_INPUT);
  const regions = useReference('regions:list').value ?? [];
  // A change made here (保存, 删除, 按网格补全) reads both again by itself (INVALIDATES in
  // renderer/api/queries.ts): reloading them too asked each twice.
  const regulators = useReference('regulators:list');
  const [text, setText] = useState('');
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const editor = usePanel<Regulator | null>(null);
  const [deleting, setDeleting] = useState<GridRow | null>(null);
  const app = App.useApp();

  const rows = useMemo(() => (overview.result?.rows ?? []).filter((r) => matches(r, text.trim())), [overview.result, text]);
  const edit = (id: string) => {
    const regulator = regulators.value?.find((r) => r.id === id);
    if (regulator) editor.show(regulator);
  };

  const columns: TableColumnsType<GridRow> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 90,
      ellipsis: true,
      render: (name: string, row) => <RowLink label={name} onOpen={() => edit(row.id)} />,
    },
    { title: '工作单位', dataIndex: 'unit', width: 250, ellipsis: true },
    { title: '联系电话', dataIndex: 'phone', width: 120 },
    {
      title: '负责网格',
      key: 'grid',
      width: 200,
      ellipsis: true,
      render: (_: unknown, row) => <span title={row.grid.join('\n')}>{row.grid.join('；') || '（未划网格）'}</span>,
    },
    {
      title: '主体（A/B/C/D）',
      key: 'entities',
      width: 150,
      render: (_: unknown, row) => (
        <Tooltip title="查看这些主体">
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openScreen('entities', { regulatorId: row.id })}>
            {row.entities.total} 户
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {row.entities.A}/{row.entities.B}/{row.entities.C}/{row.entities.D}
          </Typography.Text>
        </Tooltip>
      ),
    },
    { title: '已落实包保', key: 'assigned', width: 96, align: 'right', render: (_: unknown, row) => `${row.assigned} 户` },
    { title: '包保干部', dataIndex: 'cadres', width: 84, align: 'right', render: (n: number) => `${n} 人` },
    {
      title: '网格外主体',
      dataIndex: 'outsideGrid',
      width: 96,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="orange">{n} 户</Tag> : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, row) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} aria-label={`编辑 ${row.name}`} onClick={() => edit(row.id)} />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${row.name}`} onClick={() => setDeleting(row)} />
        </Space>
      ),
    },
  ];

  const fill = () =>
    app.modal.confirm({
      title: '按网格补全网格监管人员',
      content: `将为 ${overview.result?.fillable ?? 0} 户未指定网格监管人员的主体，指定其所在区划所属网格的监管人员（同一网格有多人时，分给负责主体较少的人员）。补全前会自动备份，可在“备份与恢复”中还原。`,
      okText: '补全',
      cancelText: '取消',
      onOk: async () => {
        try {
          const done = await api('regulators:fill', {});
          app.message.success(
            `已补全 ${done.filled} 户${done.stillMissing > 0 ? `；仍有 ${done.stillMissing} 户所在区划不属于任何网格，请先为这些区划划定网格` : ''}`,
          );
        } catch (e) {
          app.message.error(errorText(e));
        }
      },
    });

  const summary = overview.result;
  return (
    <Flex vertical gap={12} style={{ height: '100%', minHeight: 0 }}>
      {summary && summary.withoutRegulator > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${summary.withoutRegulator} 户主体未指定网格监管人员${summary.fillable > 0 ? `，其中 ${summary.fillable} 户可按所在区划自动补全` : '，其所在区划不属于任何网格：请先为这些区划划定网格'}`}
          action={
            summary.fillable > 0 && (
              <Button size="small" onClick={fill}>
                按网格补全
              </Button>
            )
          }
        />
      )}
      <Flex gap={8} align="center">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="姓名 / 单位 / 电话 / 网格"
          aria-label="搜索网格监管人员"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280 }}
        />
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
          {summary ? `共 ${rows.length} 人` : '正在读取…'}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(null)}>
          新增网格监管人员
        </Button>
      </Flex>
      <LoadProblem text={overview.error} onRetry={overview.reload} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <Table<GridRow>
          rowKey="id"
          size="small"
          virtual
          columns={columns}
          dataSource={rows as GridRow[]}
          loading={overview.loading}
          pagination={false}
          scroll={{ x: 1176, y: Math.max(120, tableHeight - HEADER_HEIGHT) }}
          locale={{ emptyText: text ? '没有符合条件的网格监管人员' : '还没有网格监管人员：点击“新增网格监管人员”，或到“导入”页导入名单' }}
        />
      </div>
      <RegulatorForm open={editor.open} regulator={editor.target} regions={regions} onClose={editor.hide} onSaved={editor.hide} />
      <DeleteRegulatorModal
        target={deleting}
        others={(overview.result?.rows ?? []).filter((r) => r.id !== deleting?.id)}
        onClose={() => setDeleting(null)}
        onDeleted={() => setDeleting(null)}
      />
    </Flex>
  );
}
