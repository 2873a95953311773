import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Input, InputNumber, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { packageTime, type PackagePreview, type ReceivedReport } from '@shared/packages/api';
import type { AreaReport, PackageStatus } from '@shared/packages/slice';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useAppInfo } from '../components/export/useAppInfo';
import { TakeDownCard } from '../components/packages/TakeDownCard';
import { loadFile } from '../import/file-bytes';

interface Chosen {
  readonly fileName: string;
  readonly contentBase64: string;
}

const STATUS_TAGS: Readonly<Record<PackageStatus, { label: string; color: string }>> = {
  new: { label: '首次报送', color: 'blue' },
  newer: { label: '较已汇总的新', color: 'green' },
  same: { label: '已汇总过', color: 'default' },
  older: { label: '比已汇总的旧', color: 'orange' },
};

const AREA_TAGS: Readonly<Record<AreaReport['status'], { label: string; color: string }>> = {
  received: { label: '已报', color: 'green' },
  late: { label: '逾期', color: 'orange' },
  missing: { label: '未报', color: 'red' },
};

const KIND_COLUMNS = [
  { title: '类别', dataIndex: 'label', width: 150 },
  { title: '新增', dataIndex: 'added', width: 70, align: 'right' as const },
  { title: '更新', dataIndex: 'updated', width: 70, align: 'right' as const },
  { title: '删除', dataIndex: 'removed', width: 70, align: 'right' as const },
  { title: '未变', dataIndex: 'unchanged', width: 70, align: 'right' as const },
];

/**
 * 汇总 and 接收: the 上报包 of the areas below, previewed per package and kind like an import (what is
 * added, updated, removed; every conflict, which stops the whole import), then taken in; and which
 * 旗区 have reported for a year, late or not at all; and the 下发包 of the office above (TakeDownCard).
 */
export function ConsolidatePage() {
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<readonly Chosen[]>([]);
  const [previews, setPreviews] = useState<readonly PackagePreview[] | null>(null);
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState<'' | 'reading' | 'importing'>('');
  const [error, setError] = useState('');
  const [report, setReport] = useState<ReceivedReport | null>(null);
  const planYear = useAppInfo()?.planYear ?? 0;
  const [year, setYear] = useState<number | null>(null);
  const [due, setDue] = useState('');
  const shownYear = year ?? planYear;

  const loadReport = useCallback(() => {
    if (!shownYear) return;
    const validDue = /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : '';
    api('package:received', { year: shownYear, due: validDue }).then(setReport, (e: unknown) => setError(errorText(e)));
  }, [shownYear, due]);
  useEffect(loadReport, [loadReport]);

  const preview = async (files: readonly Chosen[], withForce: boolean): Promise<void> => {
    setBusy('reading');
    setError('');
    setPreviews(null);
    try {
      setPreviews(await api('package:preview', { files: [...files], force: withForce }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const choose = async (files: readonly File[]): Promise<void> => {
    const loaded = await Promise.all(files.map(loadFile));
    const next = loaded.map((f) => ({ fileName: f.name, contentBase64: f.base64 }));
    setChosen(next);
    await preview(next, force);
  };

  const takeIn = async (): Promise<void> => {
    setBusy('importing');
    setError('');
    try {
      const result = await api('package:import', { files: [...chosen], force });
      message.success(
        result.changed ? `已汇总 ${result.packages.length} 个上报包，导入前的数据已自动备份` : '这些上报包都已汇总过，数据未改动',
      );
      setChosen([]);
      setPreviews(null);
      loadReport();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const conflicts = previews?.reduce((sum, p) => sum + p.conflicts.length, 0) ?? 0;
  const anyOlder = previews?.some((p) => p.status === 'older') ?? false;
  const anyChange = previews?.some((p) => p.changes) ?? false;

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 0, overflowY: 'auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        汇总上报包
      </Typography.Title>
      <Card title="导入上报包" size="small" data-testid="consolidate-import">
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            选择各旗区报来的上报包（可一次选多个）。每个包替换本库中该区域的数据；先预览各类记录的增删改，有冲突时不导入，请按提示与报送单位核实。
          </Typography.Text>
          <Flex align="center" gap={12} wrap>
            <Upload
              accept=".xlsx"
              multiple
              showUploadList={false}
              beforeUpload={(file, list) => {
                // Called once per file of one choice: the first call takes the whole choice.
                if (file === list[0]) void choose(list);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'reading'}>
                选择上报包…
              </Button>
            </Upload>
            {chosen.length > 0 && <Typography.Text type="secondary">已选 {chosen.length} 个文件</Typography.Text>}
            {anyOlder && (
              <Checkbox
                checked={force}
                onChange={(e) => {
                  setForce(e.target.checked);
                  void preview(chosen, e.target.checked);
                }}
              >
                强制导入（用较旧的包替换已汇总的包）
              </Checkbox>
            )}
          </Flex>
          {error && <Alert type="error" showIcon title={error} data-testid="consolidate-error" />}
          {previews?.map((p) => (
            <Card
              key={p.fileName}
              size="small"
              type="inner"
              data-testid="package-preview"
              title={`${p.region.name}${p.region.code ? `（${p.region.code}）` : ''}　${p.period}年度`}
              extra={<Tag color={STATUS_TAGS[p.status].color}>{STATUS_TAGS[p.status].label}</Tag>}
            >
              <Flex vertical gap={8}>
                <Descriptions
                  size="small"
                  column={3}
                  items={[
                    { label: '文件', children: p.fileName },
                    { label: '报送单位', children: `${p.unit}（${p.operator}）` },
                    { label: '生成时间', children: packageTime(p.createdAt) },
                  ]}
                />
                <Table size="small" pagination={false} rowKey="kind" columns={KIND_COLUMNS} dataSource={[...p.kinds]} />
                {p.conflicts.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    title={`${p.conflicts.length} 处冲突，不能导入`}
                    description={
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {p.conflicts.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    }
                  />
                )}
              </Flex>
            </Card>
          ))}
          {previews && (
            <Flex justify="flex-end" align="center" gap={12}>
              {conflicts === 0 && !anyChange && <Typography.Text type="secondary">这些上报包都已汇总过，导入不会改动数据</Typography.Text>}
              <Button type="primary" disabled={conflicts > 0 || busy !== ''} loading={busy === 'importing'} onClick={() => void takeIn()}>
                汇总导入
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
      <TakeDownCard />
      <Card
        title="各旗区上报情况"
        size="small"
        data-testid="consolidate-received"
        extra={
          <Flex gap={8} align="center">
            <InputNumber
              aria-label="汇总年度"
              min={2000}
              max={2100}
              value={shownYear || null}
              onChange={(v) => setYear(v ?? null)}
              suffix="年度"
              style={{ width: 112 }}
            />
            <Input
              aria-label="报送截止日期"
              placeholder="截止日期 如 2027-03-31"
              value={due}
              onChange={(e) => setDue(e.target.value.trim())}
              style={{ width: 190 }}
              allowClear
            />
          </Flex>
        }
      >
        {report && (
          <Flex vertical gap={8}>
            <Typography.Text>
              {report.year}年度：已报 {report.areas.filter((a) => a.status === 'received').length}，逾期{' '}
              {report.areas.filter((a) => a.status === 'late').length}，未报 {report.areas.filter((a) => a.status === 'missing').length}
            </Typography.Text>
            <Table<AreaReport>
              size="small"
              pagination={false}
              rowKey="regionId"
              dataSource={[...report.areas]}
              columns={[
                { title: '旗区', dataIndex: 'name', width: 120 },
                { title: '区划代码', dataIndex: 'code', width: 100 },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 80,
                  render: (s: AreaReport['status']) => <Tag color={AREA_TAGS[s].color}>{AREA_TAGS[s].label}</Tag>,
                },
                { title: '报送单位', render: (_, a) => (a.forPeriod ?? a.last)?.unit ?? '', ellipsis: true },
                { title: '操作人', width: 90, render: (_, a) => (a.forPeriod ?? a.last)?.operator ?? '' },
                {
                  title: '生成时间',
                  width: 140,
                  render: (_, a) => ((a.forPeriod ?? a.last) ? packageTime((a.forPeriod ?? a.last)!.createdAt) : ''),
                },
                { title: '收到时间', width: 140, render: (_, a) => (a.last ? packageTime(a.last.receivedAt) : '从未收到') },
              ]}
            />
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
