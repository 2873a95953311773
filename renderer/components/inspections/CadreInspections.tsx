import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionRow } from '@shared/api/contract';
import type { Cadre } from '@shared/domain/schemas';
import { INSPECTOR_LEVEL_LABELS, type InspectionResult } from '@shared/inspections/types';
import { useApiQuery } from '../../api/queries';
import { InspectionDrawer } from './InspectionDrawer';

const RESULT_COLORS: Readonly<Record<InspectionResult, string>> = { 合格: 'green', 基本合格: 'gold', 不合格: 'red' };

/** A cadre's 督查 history (docs/domain.md#包保干部的规则), newest first, where a new 督查 is recorded or one corrected. */
export function CadreInspections({ cadre }: { readonly cadre: Cadre }) {
  // One cadre's records, never shown for another; read again after a 督查 is saved or deleted (INVALIDATES).
  const history = useApiQuery('inspections:list', { cadreId: cadre.id }, { keepPrevious: false, readOnOpen: true });
  const rows = history.result;
  const error = history.error && `督查记录读取失败：${history.error}`;
  // 'new' records a 督查; a row opens that record to correct it.
  const [open, setOpen] = useState<InspectionRow | 'new' | null>(null);

  return (
    <section data-testid="cadre-inspections">
      <Flex align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          督查记录{rows ? `（${rows.length} 次）` : ''}
        </Typography.Title>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          记录督查
        </Button>
      </Flex>
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <Table<InspectionRow>
          size="small"
          rowKey="id"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: '尚无督查记录：督查组督查后点“记录督查”登记' }}
          expandable={{
            rowExpandable: (row) => row.unmet > 0,
            expandedRowRender: (row) => (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {row.items
                  .filter((i) => i.result === '未落实')
                  .map((i) => (
                    <li key={i.item}>
                      {i.item}
                      {i.note && <Typography.Text type="secondary">（{i.note}）</Typography.Text>}
                    </li>
                  ))}
              </ul>
            ),
          }}
          columns={[
            {
              title: '督查日期',
              dataIndex: 'date',
              width: 104,
              render: (date: string, row) => (
                <Typography.Link onClick={() => setOpen(row)} aria-label={`查看 ${date} 的督查记录`}>
                  {date}
                </Typography.Link>
              ),
            },
            {
              title: '督查组',
              key: 'team',
              ellipsis: true,
              render: (_, row) => `${INSPECTOR_LEVEL_LABELS[row.inspectorLevel]} ${row.team}`,
            },
            { title: '督查人', dataIndex: 'inspectors', width: 110, ellipsis: true },
            {
              title: '未落实',
              dataIndex: 'unmet',
              width: 72,
              render: (unmet: number) => (unmet > 0 ? <Tag color="red">{unmet} 项</Tag> : <Tag color="green">无</Tag>),
            },
            {
              title: '总体评价',
              dataIndex: 'result',
              width: 88,
              render: (result: InspectionResult) => <Tag color={RESULT_COLORS[result]}>{result}</Tag>,
            },
          ]}
        />
      )}
      <InspectionDrawer
        open={open !== null}
        cadre={cadre}
        record={open === 'new' ? null : open}
        onClose={() => setOpen(null)}
        onSaved={() => setOpen(null)}
      />
    </section>
  );
}
