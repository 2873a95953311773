import { EyeOutlined, ExportOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import type { ApiInput, ReportPreview } from '@shared/api/contract';
import type { Region } from '@shared/domain/schemas';
import { REPORT_KINDS, REPORT_LABELS, type ReportKind } from '@shared/reports/kinds';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiQuery } from '../../api/queries';
import { ColumnTemplateEditor } from '../ColumnTemplateEditor';
import { ScopeSelect } from './ScopeSelect';
import { ReportPreviewModal } from './ReportPreviewModal';
import { useYearChoice } from './useAppInfo';
import { useDownload } from './useDownload';
import { YearInput } from './YearInput';

const REPORTS = REPORT_KINDS.map((value) => ({ value, label: REPORT_LABELS[value] }));

/** '' = every column in the report's own order. */
const ALL_COLUMNS = '';

/**
 * 上报报表 (docs/domain.md#上报报表): the report, its scope (whole city, a 旗区 or a 乡镇), the 督导 year and a
 * column template; 预览 shows the first rows as they will be written, 导出 saves the workbook.
 */
export function ReportCard({ regions }: { readonly regions: readonly Region[] }) {
  const [report, setReport] = useState<ReportKind>('summary');
  const [regionId, setRegionId] = useState('');
  const [year, setYear] = useYearChoice();
  const [chosenTemplate, setTemplate] = useState(ALL_COLUMNS);
  // Read again after the 列模板 editor saves or deletes one (a change to export templates).
  const templates = useApiQuery('export:templates', { kind: `report:${report}` }, { keepPrevious: false }).result ?? [];
  // A template of another report, or one deleted since, falls back to every column.
  const template = templates.some((t) => t.name === chosenTemplate) ? chosenTemplate : ALL_COLUMNS;
  const [editing, setEditing] = useState(false);
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState('');
  const download = useDownload();
  // The 作战图 is the bureau's one plan: neither region nor year cut the 周调度进展表.
  const scoped = report !== 'dispatch';

  const request = (choice: { template?: string; columns?: string[] } = template ? { template } : {}): ApiInput<'report:export'> => ({
    report,
    regionId: scoped ? regionId : '',
    ...(scoped && year ? { year } : {}),
    ...choice,
  });

  const showPreview = async () => {
    setPreviewing(true);
    setPreviewError('');
    try {
      setPreview(await api('report:preview', request()));
    } catch (e) {
      setPreviewError(errorText(e));
    } finally {
      setPreviewing(false);
    }
  };

  const exportNow = () => void download.run(() => api('report:export', request()));
  const error = download.error || previewError;
  const templateOptions = [
    { value: ALL_COLUMNS, label: '全部列（默认顺序）' },
    ...templates.map((t) => ({ value: t.name, label: `${t.name}（${t.columns.length} 列）` })),
  ];
  const scopeLabel = regionId ? (regions.find((r) => r.id === regionId)?.name ?? '') : '全部';

  return (
    <Card title="上报报表" size="small" data-testid="export-report">
      <Flex vertical gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ width: 36, flex: 'none' }}>报表</Typography.Text>
          <Select<ReportKind> aria-label="报表" value={report} options={REPORTS} onChange={setReport} style={{ flex: 1, minWidth: 0 }} />
        </Flex>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ width: 36, flex: 'none' }}>范围</Typography.Text>
          {scoped ? (
            <>
              <ScopeSelect
                aria-label="范围"
                regions={regions}
                value={regionId}
                onChange={setRegionId}
                placeholder="全市（可选下级）"
                style={{ flex: 1, minWidth: 0 }}
              />
              <YearInput aria-label="年度" value={year} onChange={setYear} />
            </>
          ) : (
            <Typography.Text type="secondary">作战图为全局计划，不分区域和年度</Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ width: 36, flex: 'none' }}>列</Typography.Text>
          <Select aria-label="列模板" value={template} options={templateOptions} onChange={setTemplate} style={{ flex: 1, minWidth: 0 }} />
          <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
            列模板
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
        <Flex justify="flex-end" gap={8}>
          <Button icon={<EyeOutlined />} loading={previewing} onClick={() => void showPreview()}>
            预览
          </Button>
          <Button type="primary" icon={<ExportOutlined />} loading={download.busy} onClick={exportNow}>
            导出报表
          </Button>
        </Flex>
      </Flex>
      <ReportPreviewModal
        preview={preview}
        exporting={download.busy}
        onExport={() => {
          exportNow();
          setPreview(null);
        }}
        onClose={() => setPreview(null)}
      />
      <ColumnTemplateEditor
        open={editing}
        kind={`report:${report}`}
        scope={scopeLabel}
        exportReport={(choice) => api('report:export', request(choice))}
        onClose={() => setEditing(false)}
      />
    </Card>
  );
}
