import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Region } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { useDownload } from './useDownload';

type Report = 'summary' | 'assignments';

const REPORTS: { value: Report; label: string }[] = [
  { value: 'summary', label: '包保工作情况统计表' },
  { value: 'assignments', label: '包保关系明细表' },
];

const notCity = (r: Region): boolean => r.level !== 'city';

/** 上报报表: 统计表 or 明细表 for the whole city or one 旗区/乡镇. */
export function ReportCard({ regions }: { readonly regions: readonly Region[] }) {
  const [report, setReport] = useState<Report>('summary');
  const [regionId, setRegionId] = useState('');
  const download = useDownload();
  return (
    <Card title="上报报表" size="small" data-testid="export-report">
      <Flex vertical gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ width: 36, flex: 'none' }}>报表</Typography.Text>
          <Select<Report> aria-label="报表" value={report} options={REPORTS} onChange={setReport} style={{ flex: 1, minWidth: 0 }} />
        </Flex>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ width: 36, flex: 'none' }}>范围</Typography.Text>
          <RegionTreeSelect
            aria-label="范围"
            regions={regions}
            deepest="township"
            selectable={notCity}
            value={regionId}
            onChange={setRegionId}
            allowClear
            placeholder="全市（可选择旗区或乡镇）"
            style={{ flex: 1, minWidth: 0 }}
          />
        </Flex>
        {download.error && <Alert type="error" showIcon title={download.error} />}
        <Flex justify="flex-end">
          <Button type="primary" icon={<ExportOutlined />} loading={download.busy} onClick={() => void download.run(() => api('report:export', { report, regionId }))}>
            导出报表
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
