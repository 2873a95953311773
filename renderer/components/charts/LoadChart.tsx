import { Flex, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoadBucket, LoadHistogram } from '../assignments/load-buckets';

/**
 * Fills chosen for lightness as much as hue, so a grayscale print still tells them apart:
 * idle = light grey, within the cap = mid blue, above the cap = very dark red.
 */
export const LOAD_BAND_COLORS: Readonly<Record<LoadBucket['band'], string>> = { idle: '#bfbfbf', ok: '#4096ff', over: '#820014' };
const LOAD_BAND_LABELS: Readonly<Record<LoadBucket['band'], string>> = { idle: '未包保', ok: '上限以内', over: '超出上限' };

const TITLE_HEIGHT = 22;
const LEGEND_HEIGHT = 24;

export interface LoadChartProps {
  /** One histogram per cadre level (see loadHistograms). */
  readonly histograms: readonly LoadHistogram[];
  /** Pixel height for all of them together, legend included. */
  readonly height: number;
}

/** 干部包保负担分布: small multiples, one bar chart per level, the range above the cap shaded. */
export function LoadChart({ histograms, height }: LoadChartProps) {
  const each = Math.max(90, Math.floor((height - LEGEND_HEIGHT) / Math.max(1, histograms.length)) - TITLE_HEIGHT);
  return (
    <Flex vertical role="figure" aria-label="各层级干部包保数量分布">
      {histograms.map((h) => (
        <div key={h.level}>
          <div style={{ height: TITLE_HEIGHT, lineHeight: `${TITLE_HEIGHT}px`, fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            <Typography.Text strong style={{ fontSize: 12 }}>
              {h.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {h.cadres} 名 · 上限 {h.cap} 户
            </Typography.Text>
            {h.overCap > 0 && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {' '}
                · 超上限 {h.overCap} 名
              </Typography.Text>
            )}
          </div>
          <ResponsiveContainer width="100%" height={each}>
            <BarChart data={h.buckets as LoadBucket[]} margin={{ top: 14, right: 6, bottom: 0, left: -18 }}>
              <CartesianGrid vertical={false} stroke="#f0f0f0" />
              <ReferenceArea
                x1={h.buckets.find((b) => b.band === 'over')?.label}
                x2={h.buckets[h.buckets.length - 1]?.label}
                fill="#000"
                fillOpacity={0.06}
                label={{ value: `超出上限 ${h.cap} 户`, position: 'insideTopRight', fontSize: 10, fill: '#595959' }}
              />
              <XAxis dataKey="label" interval={0} tick={{ fontSize: 10 }} tickLine={false} height={18} />
              <YAxis allowDecimals={false} tick={{ fontSize: 10 }} width={44} />
              <Tooltip
                cursor={{ fill: 'rgba(0,0,0,0.04)' }}
                formatter={(value) => [`${String(value)} 名干部`, '人数']}
                labelFormatter={(_label, payload) => (payload[0]?.payload as LoadBucket | undefined)?.range ?? ''}
              />
              <Bar dataKey="count" isAnimationActive={false} maxBarSize={36}>
                {h.buckets.map((b) => (
                  <Cell key={b.label} fill={LOAD_BAND_COLORS[b.band]} />
                ))}
                <LabelList dataKey="count" position="top" fontSize={10} fill="#262626" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      ))}
      <Flex gap={12} justify="center" align="center" style={{ height: LEGEND_HEIGHT, fontSize: 12, whiteSpace: 'nowrap' }}>
        {(Object.keys(LOAD_BAND_LABELS) as LoadBucket['band'][]).map((band) => (
          <Flex key={band} gap={4} align="center">
            <span style={{ display: 'inline-block', width: 12, height: 12, background: LOAD_BAND_COLORS[band] }} />
            {LOAD_BAND_LABELS[band]}
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
