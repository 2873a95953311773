import { GRADES, type Grade } from '@shared/domain/schemas';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { clickableBar } from './clickable-bar';
import { regionAxis } from './region-axis';
import { AXIS_TICK, BAR_STROKE, GRADE_FILLS, GRID_STROKE } from './palette';
import { countText } from '@shared/util/format';

export interface GradeRegionRow {
  readonly regionId: string;
  readonly name: string;
  readonly byGrade: Readonly<Record<Grade, number>>;
}

export interface GradeByRegionChartProps {
  readonly rows: readonly GradeRegionRow[];
  /** A bar segment was clicked: open the 主体 of that region and grade. */
  readonly onSelect: (regionId: string, grade: Grade) => void;
}

/** 各区划主体分级: one stacked bar per region, A (darkest) at the bottom. */
export function GradeByRegionChart({ rows, onSelect }: GradeByRegionChartProps) {
  const data = useMemo(() => rows.map((r) => ({ regionId: r.regionId, name: r.name, ...r.byGrade })), [rows]);
  const shapes = useMemo(
    () =>
      Object.fromEntries(
        GRADES.map((grade) => [
          grade,
          clickableBar<(typeof data)[number]>(
            (row) => `${row.name} ${grade}级 ${row[grade]} 户`,
            (row) => onSelect(row.regionId, grade),
          ),
        ]),
      ) as Record<Grade, ReturnType<typeof clickableBar>>,
    [onSelect],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} barCategoryGap="22%">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis {...regionAxis(rows.length)} />
        <YAxis tick={AXIS_TICK} width={48} allowDecimals={false} tickFormatter={countText} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.04)' }}
          formatter={(value, name) => [`${countText(Number(value))} 户`, `${String(name)}级`]}
          itemSorter={(item) => String(item.dataKey)}
        />
        {GRADES.map((grade) => (
          <Bar
            key={grade}
            dataKey={grade}
            name={grade}
            stackId="grade"
            fill={GRADE_FILLS[grade]}
            stroke={BAR_STROKE}
            isAnimationActive={false}
            shape={shapes[grade]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
