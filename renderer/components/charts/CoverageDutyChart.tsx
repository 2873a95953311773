import { useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { clickableBar } from './clickable-bar';
import { regionAxis } from './region-axis';
import { markerDot } from './markers';
import { AXIS_TICK, BAR_STROKE, COVERAGE_FILL, DUTY_LINES, GRID_STROKE } from './palette';

export type DutyLineKey = keyof typeof DUTY_LINES;

export interface CoverageDutyRow {
  readonly regionId: string;
  readonly name: string;
  /** Percentages; null where nothing is counted (no point, no bar). */
  readonly coverage: number | null;
  readonly unassigned: number;
  readonly duties: Readonly<Record<DutyLineKey, number | null>>;
}

export interface CoverageDutyChartProps {
  readonly rows: readonly CoverageDutyRow[];
  readonly dutyLabels: Readonly<Record<DutyLineKey, string>>;
  /** The axis starts here (rates sit close to 100%), said in the panel's note. */
  readonly floor: number;
  /** A coverage bar was clicked: open the 未落实 主体 of that region. */
  readonly onSelect: (regionId: string) => void;
}

const DUTY_KEYS = Object.keys(DUTY_LINES) as DutyLineKey[];
const DOTS = Object.fromEntries(DUTY_KEYS.map((key) => [key, markerDot(DUTY_LINES[key])])) as Record<
  DutyLineKey,
  ReturnType<typeof markerDot>
>;

type Datum = { regionId: string; name: string; coverage: number | null; unassigned: number } & Record<DutyLineKey, number | null>;

/** 包保覆盖率 per region as bars, the 企业 duty rates as lines, on one percentage axis. */
export function CoverageDutyChart({ rows, dutyLabels, floor, onSelect }: CoverageDutyChartProps) {
  const data = useMemo<Datum[]>(
    () => rows.map((r) => ({ regionId: r.regionId, name: r.name, coverage: r.coverage, unassigned: r.unassigned, ...r.duties })),
    [rows],
  );
  const shape = useMemo(
    () =>
      clickableBar<Datum>(
        (row) => `${row.name} 包保覆盖率 ${row.coverage === null ? '—' : `${row.coverage.toFixed(1)}%`}，未落实 ${row.unassigned} 户`,
        (row) => onSelect(row.regionId),
      ),
    [onSelect],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="30%">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis {...regionAxis(rows.length)} />
        <YAxis
          domain={[floor, 100]}
          ticks={percentTicks(floor)}
          allowDataOverflow
          tick={AXIS_TICK}
          width={40}
          tickFormatter={(v: number) => `${v}%`}
        />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.04)' }}
          formatter={(value, name, item) => {
            const text = value === null || value === undefined ? '—' : `${Number(value).toFixed(1)}%`;
            const payload = item.payload as Datum | undefined;
            return item.dataKey === 'coverage' && payload ? [`${text}（未落实 ${payload.unassigned} 户）`, name] : [text, name];
          }}
        />
        <Bar
          dataKey="coverage"
          name="包保覆盖率"
          fill={COVERAGE_FILL}
          stroke={BAR_STROKE}
          isAnimationActive={false}
          shape={shape}
          maxBarSize={40}
        />
        {DUTY_KEYS.map((key) => {
          const style = DUTY_LINES[key];
          return (
            <Line
              key={key}
              dataKey={key}
              name={dutyLabels[key]}
              stroke={style.color}
              strokeWidth={1.6}
              strokeDasharray={'dash' in style ? style.dash : undefined}
              dot={DOTS[key]}
              activeDot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          );
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Five even steps from the floor to 100%. */
function percentTicks(floor: number): number[] {
  const step = (100 - floor) / 5;
  return Array.from({ length: 6 }, (_, i) => Math.round((floor + i * step) * 10) / 10);
}
