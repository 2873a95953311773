import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { markerDot } from './markers';
import { AXIS_TICK, DONE_LINE, GRID_STROKE, PLANNED_LINE, TODAY_STROKE } from './palette';

export interface VisitWeek {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly plannedCum: number;
  readonly doneCum: number;
}

export interface VisitsWeeklyChartProps {
  readonly weeks: readonly VisitWeek[];
  /** The week holding today, when shown. */
  readonly todayLabel: string | null;
}

const PLANNED_DOT = markerDot(PLANNED_LINE, 16);
const DONE_DOT = markerDot(DONE_LINE, 16);

/** 督导计划与完成（累计）: cumulative visits planned vs. made per week, with today marked. */
export function VisitsWeeklyChart({ weeks, todayLabel }: VisitsWeeklyChartProps) {
  // Markers only where they can still be told apart.
  const dots = weeks.length <= 20;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={weeks as VisitWeek[]} margin={{ top: 14, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} height={20} minTickGap={18} />
        <YAxis tick={AXIS_TICK} width={52} allowDecimals={false} tickFormatter={(v: number) => v.toLocaleString('zh-CN')} />
        <Tooltip
          formatter={(value, name) => [`${Number(value).toLocaleString('zh-CN')} 次`, name]}
          labelFormatter={(_label, payload) => {
            const week = payload[0]?.payload as VisitWeek | undefined;
            return week ? `${week.start} 至 ${week.end}` : '';
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
        <Line
          dataKey="plannedCum"
          name="计划（累计）"
          stroke={PLANNED_LINE.color}
          strokeDasharray={PLANNED_LINE.dash}
          strokeWidth={2}
          dot={dots ? PLANNED_DOT : false}
          isAnimationActive={false}
        />
        <Line dataKey="doneCum" name="完成（累计）" stroke={DONE_LINE.color} strokeWidth={2.4} dot={dots ? DONE_DOT : false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
