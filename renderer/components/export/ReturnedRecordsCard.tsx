import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ApiResults } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { loadFile, MAX_IMPORT_BYTES, sizeText } from '../../import/file-bytes';

type Outcome = ApiResults['handbook:import'];
type Rejected = Outcome['rejected'][number];

const COLUMNS = [
  { title: '行', dataIndex: 'row', width: 52 },
  { title: '主体', dataIndex: 'entityName', width: 130, ellipsis: { showTitle: true } },
  { title: '未录入原因', dataIndex: 'reason', ellipsis: { showTitle: true } },
];

/** 录入交回的督导记录表: reads a returned handbook and records the visits it names. */
export function ReturnedRecordsCard() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fileName, setFileName] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onFile = async (file: File): Promise<void> => {
    setError('');
    setOutcome(null);
    setFileName(file.name);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`文件“${file.name}”有 ${sizeText(file.size)}，超过 20 MB 的上限`);
      return;
    }
    setBusy(true);
    try {
      const loaded = await loadFile(file);
      setOutcome(await api('handbook:import', { fileName: loaded.name, contentBase64: loaded.base64 }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title="录入交回的督导记录表"
      size="small"
      data-testid="export-returned"
      style={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 0 }}
      styles={{ body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8 } }}
    >
      <Typography.Text type="secondary">
        选择干部交回的工作手册（.xlsx），按“督导记录表”中填写的督导日期等录入督导记录；同一文件重复录入不会重复记录。
      </Typography.Text>
      <Flex align="center" gap={8}>
        <Upload
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void onFile(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            选择交回的手册…
          </Button>
        </Upload>
        {fileName && (
          <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0 }}>
            {fileName}
          </Typography.Text>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {outcome && (
        <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }} data-testid="returned-outcome">
          <Flex gap={4} wrap>
            <Tag color="green">新录入 {outcome.recorded}</Tag>
            <Tag>已录入过 {outcome.unchanged}</Tag>
            <Tag color="blue">尚未督导 {outcome.pending}</Tag>
            <Tag color={outcome.rejected.length ? 'red' : undefined}>未能录入 {outcome.rejected.length}</Tag>
          </Flex>
          {outcome.rejected.length > 0 ? (
            <Table<Rejected>
              size="small"
              rowKey="row"
              columns={COLUMNS}
              dataSource={[...outcome.rejected]}
              pagination={false}
              scroll={{ y: 110 }}
              data-testid="returned-rejected"
            />
          ) : (
            <Typography.Text type="secondary">没有未能录入的行。</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
