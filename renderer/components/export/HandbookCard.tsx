import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { Region } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { CadrePicker, type PickedCadre } from '../CadrePicker';
import { BulkHandbookExport } from './BulkHandbookExport';
import { useDownload } from './useDownload';

/** 包保干部工作手册: one cadre's at once, or every cadre of a scope as a background job. */
export function HandbookCard({ regions }: { readonly regions: readonly Region[] }) {
  const [cadre, setCadre] = useState<PickedCadre | null>(null);
  const cadreId = cadre?.id ?? '';
  const download = useDownload();
  return (
    <Card title="包保干部工作手册" size="small" data-testid="export-handbook" style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">三单一书、督导计划和督导记录表，每名干部一个 Excel 文件。</Typography.Text>
        <CadrePicker value={cadre} onChange={setCadre} />
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
        <Divider style={{ marginBlock: 4 }} />
        <BulkHandbookExport regions={regions} />
      </Flex>
    </Card>
  );
}
