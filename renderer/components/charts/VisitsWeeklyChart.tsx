import { useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekPoint } from '@shared/stats/weekly';
import { clickableBar } from './clickable-bar';
import { markerDot } from './markers';
import { AXIS_TICK, DONE_LINE, GRID_STROKE, PLANNED_LINE, TODAY_STROKE } from './palette';
import { countText } from '@shared/util/format';

export interface VisitsWeeklyChartProps {
  readonly weeks: readonly WeekPoint[];
  /** The week holding today, when shown. */
  readonly todayLabel: string | null;
  /** A week was clicked: open its visits. */
  readonly onSelect: (week: WeekPoint) => void;
}

const PLANNED_DOT = markerDot(PLANNED_LINE, 16);
const DONE_DOT = markerDot(DONE_LINE, 16);

type Datum = WeekPoint & { readonly hit: number };

/**
 * 督导计划与完成（累计）: cumulative visits planned vs. made per week, with today marked. Each
 * week is also an invisible full-height column that opens that week's visits.
 */
export function VisitsWeeklyChart({ weeks, todayLabel, onSelect }: VisitsWeeklyChartProps) {
  // Markers only where they can still be told apart.
  const dots = weeks.length <= 20;
  const data = useMemo<Datum[]>(() => {
    const top = Math.max(1, ...weeks.map((w) => Math.max(w.plannedCum, w.doneCum)));
    return weeks.map((w) => ({ ...w, hit: top }));
  }, [weeks]);
  const shape = useMemo(
    () => clickableBar<Datum>((w) => `${w.start} 至 ${w.end} 计划 ${w.planned} 次，完成 ${w.done} 次`, onSelect),
    [onSelect],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 14, right: 12, bottom: 0, left: 0 }} barCategoryGap={0}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} height={20} minTickGap={18} />
        <YAxis tick={AXIS_TICK} width={52} allowDecimals={false} tickFormatter={countText} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.05)' }}
          formatter={(value, name) => [`${countText(Number(value))} 次`, name]}
          labelFormatter={(_label, payload) => {
            const week = payload[0]?.payload as Datum | undefined;
            return week ? `${week.start} 至 ${week.end}：计划 ${week.planned} 次，完成 ${week.done} 次（点击查看）` : '';
          }}
        />
        <Bar dataKey="hit" fill="transparent" stroke="none" tooltipType="none" legendType="none" isAnimationActive={false} shape={shape} />
        {todayLabel && (
          <ReferenceLine
            x={todayLabel}
            stroke={TODAY_STROKE}
            strokeDasharray="3 3"
            label={{ value: '今天', position: 'top', fontSize: 11, fill: TODAY_STROKE }}
          />
        )}
        <Line
          dataKey="plannedCum"
          name="计划（累计）"
          stroke={PLANNED_LINE.color}
          strokeDasharray={PLANNED_LINE.dash}
          strokeWidth={2}
          dot={dots ? PLANNED_DOT : false}
          isAnimationActive={false}
        />
        <Line
          dataKey="doneCum"
          name="完成（累计）"
          stroke={DONE_LINE.color}
          strokeWidth={2.4}
          dot={dots ? DONE_DOT : false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
