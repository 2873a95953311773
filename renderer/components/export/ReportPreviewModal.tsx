import { ExportOutlined } from '@ant-design/icons';
import { Button, Modal, Table, Typography } from 'antd';
import type { ReportPreview } from '@shared/api/contract';
import { cellText, type Cell } from '@shared/records/cell';

type Format = ReportPreview['columns'][number]['format'];

/** A cell as the sheet shows it: fractions of percent columns as 97.5%. */
function shown(cell: Cell | undefined, format: Format): string {
  if (format === 'percent' && typeof cell === 'number') return `${(cell * 100).toFixed(1)}%`;
  return cellText(cell ?? null);
}

type Row = { readonly key: number; readonly cells: readonly Cell[] };

/** The report's title, first rows and 合计 as the workbook will have them, with 导出 at hand. */
export function ReportPreviewModal({
  preview,
  exporting,
  onExport,
  onClose,
}: {
  readonly preview: ReportPreview | null;
  readonly exporting: boolean;
  readonly onExport: () => void;
  readonly onClose: () => void;
}) {
  const columns = (preview?.columns ?? []).map((c, i) => ({
    key: i,
    title: c.label,
    align: c.format === 'text' ? ('left' as const) : ('right' as const),
    ellipsis: true,
    width: c.format === 'text' ? 140 : 90,
    render: (_: unknown, row: Row) => shown(row.cells[i], c.format),
  }));
  const rows: Row[] = (preview?.rows ?? []).map((cells, key) => ({ key, cells }));
  const total = preview?.totalRow;
  return (
    <Modal
      open={preview !== null}
      onCancel={onClose}
      title={preview?.title}
      width={1120}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="export" type="primary" icon={<ExportOutlined />} loading={exporting} onClick={onExport}>
          导出 Excel
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="report-preview-summary">
        {preview?.subtitle}
        <br />共 {preview?.rowCount ?? 0} 行{(preview?.rowCount ?? 0) > rows.length ? `，此处预览前 ${rows.length} 行` : ''}
        {total ? '，末行为合计' : ''}。导出的 Excel 带标题、表头、边框和页码，按 A4 横向打印。
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        data-testid="report-preview"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 380 }}
        locale={{ emptyText: '所选范围和年度没有数据' }}
        summary={() =>
          total ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                {(preview?.columns ?? []).map((c, i) => (
                  <Table.Summary.Cell key={i} index={i} align={c.format === 'text' ? 'left' : 'right'}>
                    <strong>{shown(total[i], c.format)}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Modal>
  );
}
