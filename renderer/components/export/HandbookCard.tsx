import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { CadreSelect } from './CadreSelect';
import { useDownload } from './useDownload';

/** 包保干部工作手册 of one cadre; the bulk export goes through the CLI for now. */
export function HandbookCard() {
  const [cadreId, setCadreId] = useState('');
  const download = useDownload();
  return (
    <Card title="包保干部工作手册" size="small" data-testid="export-handbook" style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">三单一书、督导计划和督导记录表，每名干部一个 Excel 文件。</Typography.Text>
        <CadreSelect value={cadreId} onChange={setCadreId} />
        {download.error && <Alert type="error" showIcon title={download.error} />}
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<ExportOutlined />}
            disabled={!cadreId}
            loading={download.busy}
            onClick={() => void download.run(() => api('handbook:export', { cadreId }))}
          >
            导出手册
          </Button>
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            批量导出全部在岗干部的手册（每人一个文件），请在命令行运行：
          </Typography.Text>
          <Typography.Text code copyable style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            npm run cli -- export handbooks --out 文件夹
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            桌面版选择文件夹的功能上线后，可在此直接批量导出。
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
