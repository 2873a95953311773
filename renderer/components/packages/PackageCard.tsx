import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { Region } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { ScopeSelect } from '../export/ScopeSelect';
import { useYearChoice } from '../export/useAppInfo';
import { YearInput } from '../export/YearInput';
import { useMadePackage } from './useMadePackage';

/**
 * 上报包 (导出与打印): one file for the office above, holding the area's lists, 统计表 and reports
 * to print and the records its library takes in (汇总). Where it went is said as for every export.
 */
export function PackageCard({ regions }: { readonly regions: readonly Region[] }) {
  const [regionId, setRegionId] = useState('');
  const [year, setYear] = useYearChoice();
  const { made, download, make } = useMadePackage();
  const exportNow = () => make(() => api('package:export', { regionId, ...(year ? { year } : {}) }));

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
          <YearInput aria-label="上报年度" value={year} onChange={setYear} />
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
