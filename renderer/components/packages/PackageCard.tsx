import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { Region } from '@shared/domain/schemas';
import type { PackageExportResult } from '@shared/packages/api';
import { api } from '../../api/client';
import { ScopeSelect } from '../export/ScopeSelect';
import { useAppInfo } from '../export/useAppInfo';
import { useDownload } from '../export/useDownload';

/**
 * 上报包 (导出与打印): one file for the office above, holding the area's lists, 统计表 and reports
 * to print and the records its library takes in (汇总). Where it went is said as for every export.
 */
export function PackageCard({ regions }: { readonly regions: readonly Region[] }) {
  const planYear = useAppInfo()?.planYear ?? 0;
  const [regionId, setRegionId] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [made, setMade] = useState<PackageExportResult | null>(null);
  const download = useDownload();
  const shownYear = year ?? planYear;

  const exportNow = () =>
    void download.run(async () => {
      setMade(null);
      const result = await api('package:export', { regionId, ...(shownYear ? { year: shownYear } : {}) });
      setMade(result);
      return result;
    });

  return (
    <Card title="上报包" size="small" data-testid="export-package">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          把本辖区的名单、统计表、督导和问题报表连同供上级汇总的数据生成一个 Excel 文件，报送上级；请原样发送，不要打开后修改另存。
        </Typography.Text>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ width: 36, flex: 'none' }}>区域</Typography.Text>
          <ScopeSelect
            aria-label="上报区域"
            regions={regions}
            value={regionId}
            onChange={setRegionId}
            placeholder="本单位辖区（可选择旗区）"
            style={{ flex: 1, minWidth: 0 }}
          />
          <InputNumber
            aria-label="上报年度"
            min={2000}
            max={2100}
            value={shownYear || null}
            onChange={(v) => setYear(v ?? null)}
            suffix="年度"
            style={{ width: 112, flex: 'none' }}
          />
        </Flex>
        {download.error && <Alert type="error" showIcon title={download.error} />}
        {download.busy && <Alert type="info" showIcon title="正在生成上报包：一个旗区约需十几秒，全市约需一分钟，请稍候…" />}
        {made && !download.busy && (
          <Alert
            type="success"
            showIcon
            data-testid="package-made"
            title={`已生成“${made.fileName}”（${made.region.name}，${made.year}年度）`}
            description={`校验码 ${made.sha256.slice(0, 16)}…，上级导入时据此确认文件未被修改`}
          />
        )}
        <Flex justify="flex-end">
          <Button type="primary" icon={<ExportOutlined />} loading={download.busy} onClick={exportNow}>
            导出上报包
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
