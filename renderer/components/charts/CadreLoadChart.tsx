import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoadBands } from '../dashboard/load-bands';
import { AXIS_TICK, BAR_STROKE, GRID_STROKE, LOAD_FILLS } from './palette';

export interface CadreLoadChartProps {
  readonly rows: readonly LoadBands[];
  readonly labels: Readonly<Record<keyof typeof LOAD_FILLS, string>>;
}

const BANDS = ['idle', 'light', 'near', 'over'] as const;

/** 干部包保负担: cadres of each level stacked by load band (empty → above the cap). */
export function CadreLoadChart({ rows, labels }: CadreLoadChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows as LoadBands[]} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} barCategoryGap="28%">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" interval={0} tick={AXIS_TICK} tickLine={false} height={20} />
        <YAxis tick={AXIS_TICK} width={44} allowDecimals={false} tickFormatter={(v: number) => v.toLocaleString('zh-CN')} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.04)' }}
          formatter={(value, name) => [`${Number(value).toLocaleString('zh-CN')} 名`, name]}
          labelFormatter={(_label, payload) => {
            const row = payload[0]?.payload as LoadBands | undefined;
            return row ? `${row.label}干部（上限 ${row.cap} 户）` : '';
          }}
        />
        {BANDS.map((band) => (
          <Bar key={band} dataKey={band} name={labels[band]} stackId="load" fill={LOAD_FILLS[band]} stroke={BAR_STROKE} strokeWidth={0.5} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
