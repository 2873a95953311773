import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekPoint } from '@shared/stats/weekly';
import { clickableBar } from './clickable-bar';
import { AXIS_TICK, GRID_STROKE, OPEN_FILL, RECTIFIED_FILL, TODAY_STROKE } from './palette';

export interface ProblemsWeeklyChartProps {
  readonly weeks: readonly WeekPoint[];
  readonly todayLabel: string | null;
  /** An 未整改 bar was clicked: open the open problems found that week. */
  readonly onSelect: (week: WeekPoint) => void;
}

type Datum = WeekPoint & { readonly open: number };

/**
 * 问题发现与整改: problems found per week (by the visit that found them), split into those
 * rectified by now (light, outlined) and those still open (dark, a button to the 台账).
 */
export function ProblemsWeeklyChart({ weeks, todayLabel, onSelect }: ProblemsWeeklyChartProps) {
  const data = useMemo<Datum[]>(() => weeks.map((w) => ({ ...w, open: w.found - w.rectified })), [weeks]);
  const openShape = useMemo(() => clickableBar<Datum>((w) => `${w.start} 至 ${w.end} 发现问题未整改 ${w.open} 个`, onSelect), [onSelect]);
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
            const week = payload[0]?.payload as Datum | undefined;
            return week ? `${week.start} 至 ${week.end} 发现 ${week.found} 个` : '';
          }}
        />
        {todayLabel && (
          <ReferenceLine
            x={todayLabel}
            stroke={TODAY_STROKE}
            strokeDasharray="3 3"
            label={{ value: '今天', position: 'top', fontSize: 11, fill: TODAY_STROKE }}
          />
        )}
        <Bar
          dataKey="rectified"
          name="已整改"
          stackId="p"
          fill={RECTIFIED_FILL}
          stroke="#52c41a"
          strokeWidth={0.5}
          isAnimationActive={false}
        />
        <Bar dataKey="open" name="未整改" stackId="p" fill={OPEN_FILL} isAnimationActive={false} shape={openShape} />
      </BarChart>
    </ResponsiveContainer>
  );
}
