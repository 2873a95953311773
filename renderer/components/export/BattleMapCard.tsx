import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { api } from '../../api/client';
import { useDownload } from './useDownload';

/** 作战图 (A3 横向) with the 周调度进展表, one workbook. */
export function BattleMapCard() {
  const download = useDownload();
  return (
    <Card title="作战图" size="small" data-testid="export-battlemap">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">A3 横向的作战图和周调度进展表，在同一个 Excel 文件中。</Typography.Text>
        {download.error && <Alert type="error" showIcon title={download.error} />}
        <Flex justify="flex-end">
          <Button icon={<ExportOutlined />} loading={download.busy} onClick={() => void download.run(() => api('battlemap:export', {}))}>
            导出作战图（A3）与周调度进展表
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
