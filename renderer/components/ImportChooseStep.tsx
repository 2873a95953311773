import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Radio, Typography, Upload } from 'antd';
import type { RecordKind } from '@shared/records/types';
import { hasNativeOpen, openNativeFile } from '../api/open-file';
import { MAX_IMPORT_BYTES } from '../import/file-bytes';
import { KIND_INFOS } from '../import/kinds';

const SPREADSHEETS = [{ name: 'Excel 工作簿、CSV 或 Unicode 文本', extensions: ['xlsx', 'csv', 'txt'] }];

export interface ImportChooseStepProps {
  readonly kind: RecordKind;
  readonly onKindChange: (kind: RecordKind) => void;
  readonly onFile: (file: File) => void;
  /** Why the last file was refused ('' when none was). */
  readonly refusal: string;
}

/** Step 1: what to import, and the file. */
export function ImportChooseStep({ kind, onKindChange, onFile, refusal }: ImportChooseStepProps) {
  // In the desktop app a click opens the native dialog (it remembers the folder); dropping a file still works.
  const chooseNatively = async () => {
    const file = await openNativeFile({ title: '选择要导入的表格文件', filters: SPREADSHEETS, maxBytes: MAX_IMPORT_BYTES });
    if (file) onFile(file);
  };
  return (
    <Flex gap={24} style={{ flex: 1, minHeight: 0 }}>
      <Flex vertical gap={8} style={{ width: 470, flex: 'none' }}>
        <Typography.Text strong id="import-kind-label">
          1. 选择要导入的内容
        </Typography.Text>
        <Radio.Group
          aria-labelledby="import-kind-label"
          value={kind}
          onChange={(e) => onKindChange(e.target.value as RecordKind)}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {KIND_INFOS.map((info) => (
            <label key={info.kind} className={`import-kind${info.kind === kind ? ' import-kind-active' : ''}`}>
              <Radio value={info.kind}>
                <Typography.Text strong>{info.label}</Typography.Text>
              </Radio>
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0 24px', fontSize: 12 }}>
                {info.columns}
              </Typography.Paragraph>
            </label>
          ))}
        </Radio.Group>
      </Flex>
      <Flex vertical gap={8} style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong>2. 选择表格文件</Typography.Text>
        {refusal && <Alert type="error" showIcon title="这个文件不能导入" description={refusal} />}
        <div
          className="import-dragger"
          style={{ flex: 1, minHeight: 200 }}
          onClick={hasNativeOpen() ? () => void chooseNatively() : undefined}
        >
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            openFileDialogOnClick={!hasNativeOpen()}
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              onFile(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击选择文件，或把文件拖到这里</p>
            <p className="ant-upload-hint">
              支持 Excel 工作簿（.xlsx，表头相同的每个工作表都会读取）、CSV 文件（.csv，UTF-8、GBK 或 UTF-16 编码）和 Excel 另存的“Unicode
              文本”（.txt），最大 20 MB。
              <br />
              旧版 .xls 文件请先用 Excel/WPS “另存为” .xlsx。
            </p>
          </Upload.Dragger>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          选择文件后只做预览，不会改动任何数据；确认导入前可以核对每一行。表头上方的标题行、合计行和空行会自动跳过。
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
