import { Alert, Flex, Typography } from 'antd';
import type { ImportPreview } from '@shared/api/contract';

/**
 * What the preview did not take from the file, said beside the rows it may explain: the columns
 * not imported (with why), the fields no column gives, the sheets read (and where a sheet's area
 * came from) and the sheets passed over.
 */
export function ImportColumnsNotice({
  preview,
}: {
  readonly preview: Pick<ImportPreview, 'sheets' | 'skippedSheets' | 'ignored' | 'missing'>;
}) {
  const { sheets, skippedSheets, ignored, missing } = preview;
  const many = sheets.length > 1;
  const lines: { key: string; label: string; text: string }[] = [];
  if (many || sheets.some((s) => s.area)) {
    const read = sheets.map((s) => `“${s.name}”${s.area ? `（区域取自${s.area.from}：${s.area.path}）` : ''}`).join('、');
    lines.push({ key: 'sheets', label: `读取了 ${sheets.length} 个工作表`, text: read });
  }
  if (skippedSheets.length > 0)
    lines.push({ key: 'skipped', label: '未读取的工作表', text: skippedSheets.map((s) => `“${s.sheet}”（${s.reason}）`).join('、') });
  if (ignored.length > 0)
    lines.push({
      key: 'ignored',
      label: '未导入的列',
      text: ignored.map((c) => `${many ? `${c.sheet} ` : ''}${c.column}（${c.reason}）`).join('；'),
    });
  if (missing.length > 0) lines.push({ key: 'missing', label: '表中没有的字段', text: missing.map((f) => f.label).join('、') });
  if (lines.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      aria-label="未导入的列与表中没有的字段"
      title={
        <Flex vertical gap={2}>
          {lines.map((line) => (
            <div key={line.key}>
              <Typography.Text strong>{line.label}：</Typography.Text>
              {line.text}
            </div>
          ))}
        </Flex>
      }
    />
  );
}
