import { FieldTimeOutlined } from '@ant-design/icons';
import { App, Badge, Button, DatePicker, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { EntityChangeRow } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiQuery } from '../../api/queries';

export interface EntityChangesProps {
  readonly regionId: string;
}

/**
 * 主体变动期限 (docs/domain.md#包保干部的规则): the 主体 that opened, closed or changed grade, with the working-day
 * deadlines to report the change and to adjust the 包保关系, due or overdue. The button says how
 * many are overdue; the drawer lists them and records the report.
 */
export function EntityChanges({ regionId }: EntityChangesProps) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  // Read again each time the screen opens and after a change to 主体, 包保 or the deadlines (INVALIDATES): a 包保 changed may close a deadline.
  const { result: listing, error } = useApiQuery('entityChanges:list', { regionId }, { readOnOpen: true });

  const report = async (row: EntityChangeRow, day: dayjs.Dayjs | null) => {
    if (!day) return;
    try {
      await api('entityChanges:report', { id: row.change.id, reportedOn: day.format('YYYY-MM-DD') });
      message.success(`已记录报告：${row.entityName}${row.change.kind}`);
    } catch (e) {
      message.error(`未记录：${errorText(e)}`);
    }
  };

  const counts = listing?.counts;
  const overdue = (counts?.reportOverdue ?? 0) + (counts?.adjustOverdue ?? 0);
  const columns: ColumnsType<EntityChangeRow> = [
    { title: '主体', dataIndex: 'entityName', ellipsis: true },
    { title: '区域', dataIndex: 'regionPath', ellipsis: true, width: 160 },
    {
      title: '变动',
      width: 130,
      render: (_, r) => `${r.change.kind}${r.change.from && r.change.to ? ` ${r.change.from}→${r.change.to}` : ''}`,
    },
    { title: '变动日期', width: 100, render: (_, r) => r.change.on },
    {
      title: '市场监管报告',
      width: 170,
      render: (_, r) =>
        r.change.reportedOn ? (
          <Tag color="green">已报告 {r.change.reportedOn}</Tag>
        ) : (
          <Flex vertical gap={2}>
            <Typography.Text type={r.reportOverdue ? 'danger' : undefined}>
              {r.reportDue} 前{r.reportOverdue ? '（已逾期）' : ''}
            </Typography.Text>
            <DatePicker
              size="small"
              placeholder="记录报告日期"
              aria-label={`${r.entityName}的报告日期`}
              maxDate={dayjs()}
              minDate={dayjs(r.change.on)}
              onChange={(d) => void report(r, d)}
            />
          </Flex>
        ),
    },
    {
      title: '调整包保关系',
      width: 150,
      render: (_, r) =>
        r.adjusted ? (
          <Tag color="green">已调整</Tag>
        ) : (
          <Typography.Text type={r.adjustOverdue ? 'danger' : undefined}>
            {r.adjustDue} 前{r.adjustOverdue ? '（已逾期）' : ''}
          </Typography.Text>
        ),
    },
    { title: '现包保干部', dataIndex: 'cadreName', width: 96, render: (name: string) => name || '—' },
  ];

  return (
    <>
      <Badge count={overdue} size="small" title={`逾期 ${overdue} 项`}>
        <Button icon={<FieldTimeOutlined />} onClick={() => setOpen(true)} data-testid="entity-changes-button">
          主体变动期限
          {counts ? `（${counts.toReport + counts.toAdjust > 0 ? `待办 ${Math.max(counts.toReport, counts.toAdjust)}` : '无'}）` : ''}…
        </Button>
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title="主体变动期限" size={1080} destroyOnHidden>
        {error && <Typography.Text type="danger">读取失败：{error}</Typography.Text>}
        {listing && (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              主体开业、停业、注销或等级变更后，市场监管 {listing.settings.reportDays} 个工作日内报告，其后 {listing.settings.adjustDays}{' '}
              个工作日内调整包保关系（期限在“设置 → 包保规则”中，按本地最新通知核对）。 待报告 {listing.counts.toReport}（逾期{' '}
              {listing.counts.reportOverdue}），待调整包保 {listing.counts.toAdjust}（逾期 {listing.counts.adjustOverdue}）。
            </Typography.Paragraph>
            <Table<EntityChangeRow>
              size="small"
              rowKey={(r) => r.change.id}
              columns={columns}
              dataSource={listing.rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: '没有待办的主体变动' }}
              data-testid="entity-changes"
            />
          </>
        )}
      </Drawer>
    </>
  );
}
