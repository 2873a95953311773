import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Skeleton, Tooltip, Typography } from 'antd';
import { useRef, type CSSProperties, type ReactNode } from 'react';
import { errorText } from '../../api/error-text';
import { exportChartPng, type LegendEntry } from './export-png';

export interface ChartPanelProps {
  readonly title: string;
  /** A short reading aid after the title, e.g. "点击柱形查看主体". */
  readonly note?: string;
  readonly legend: readonly LegendEntry[];
  /** Name of the PNG file, without extension. */
  readonly fileName: string;
  /** Said after the title in the PNG, e.g. the scope and date ("达拉特旗 · 截至 2026-11-28"). */
  readonly caption?: string;
  /** null while loading; otherwise whether there is anything to draw. */
  readonly hasData: boolean | null;
  readonly emptyText: string;
  readonly testId: string;
  readonly style?: CSSProperties;
  readonly children: ReactNode;
}

/** A dashboard chart in a bordered box: title, legend, the chart, and 导出图片 (PNG). */
export function ChartPanel({ title, note, legend, fileName, caption, hasData, emptyText, testId, style, children }: ChartPanelProps) {
  const body = useRef<HTMLDivElement>(null);
  const { message } = App.useApp();
  const exportPng = () => {
    if (!body.current) return;
    exportChartPng(body.current, caption ? `${title}（${caption}）` : title, legend, `${fileName}.png`).then(
      () => undefined,
      (e: unknown) => void message.error(errorText(e)),
    );
  };
  return (
    <section className="dashboard-panel" aria-label={title} data-testid={testId} style={style}>
      <header className="dashboard-panel-head">
        <Typography.Text strong className="dashboard-panel-title">
          {title}
        </Typography.Text>
        {note && <span className="dashboard-panel-note">{note}</span>}
        <Tooltip title="导出为 PNG 图片">
          <Button
            className="no-print"
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            aria-label={`导出“${title}”图片`}
            disabled={!hasData}
            onClick={exportPng}
            style={{ marginInlineStart: 'auto' }}
          />
        </Tooltip>
      </header>
      {legend.length > 0 && (
        <ul className="dashboard-legend" aria-label="图例">
          {legend.map((entry) => (
            <li key={entry.label}>
              <LegendSwatch entry={entry} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <div ref={body} className="dashboard-panel-body">
        {hasData === null ? (
          <Skeleton active title={false} paragraph={{ rows: 4 }} />
        ) : hasData ? (
          <div className="dashboard-panel-chart">{children}</div>
        ) : (
          <Typography.Text type="secondary" className="dashboard-panel-empty">
            {emptyText}
          </Typography.Text>
        )}
      </div>
    </section>
  );
}

function LegendSwatch({ entry }: { readonly entry: LegendEntry }) {
  if (entry.kind === 'bar') return <span className="dashboard-swatch" style={{ background: entry.color }} />;
  return (
    <svg width={20} height={10} aria-hidden="true">
      <line x1={1} y1={5} x2={19} y2={5} stroke={entry.color} strokeWidth={2} strokeDasharray={entry.dash} />
    </svg>
  );
}
