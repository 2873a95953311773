import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, GRID_STROKE, OPEN_FILL, RECTIFIED_FILL, TODAY_STROKE } from './palette';

export interface ProblemWeek {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly found: number;
  readonly rectified: number;
}

export interface ProblemsWeeklyChartProps {
  readonly weeks: readonly ProblemWeek[];
  readonly todayLabel: string | null;
}

/**
 * 问题发现与整改: problems found per week (by the visit that found them), split into those
 * rectified by now (light) and those still open (dark).
 */
export function ProblemsWeeklyChart({ weeks, todayLabel }: ProblemsWeeklyChartProps) {
  const data = weeks.map((w) => ({ ...w, open: w.found - w.rectified }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 14, right: 12, bottom: 0, left: 0 }} barCategoryGap="12%">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} height={20} minTickGap={18} />
        <YAxis tick={AXIS_TICK} width={36} allowDecimals={false} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.04)' }}
          formatter={(value, name) => [`${String(value)} 个`, name]}
          labelFormatter={(_label, payload) => {
            const week = payload[0]?.payload as ProblemWeek | undefined;
            return week ? `${week.start} 至 ${week.end} 发现 ${week.found} 个` : '';
          }}
        />
        {todayLabel && (
          <ReferenceLine x={todayLabel} stroke={TODAY_STROKE} strokeDasharray="3 3" label={{ value: '今天', position: 'top', fontSize: 11, fill: TODAY_STROKE }} />
        )}
        <Bar dataKey="rectified" name="已整改" stackId="p" fill={RECTIFIED_FILL} stroke="#52c41a" strokeWidth={0.5} isAnimationActive={false} />
        <Bar dataKey="open" name="未整改" stackId="p" fill={OPEN_FILL} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
