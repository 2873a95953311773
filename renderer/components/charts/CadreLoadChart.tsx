import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CADRE_LEVEL_LABELS } from '@shared/domain/schemas';
import { LOAD_BAND_LABELS, LOAD_BANDS, type LoadBand, type LoadBands } from '@shared/stats/loads';
import { clickableBar } from './clickable-bar';
import { AXIS_TICK, BAR_STROKE, GRID_STROKE, LOAD_FILLS } from './palette';
import { countText } from '@shared/util/format';

export interface CadreLoadChartProps {
  readonly rows: readonly LoadBands[];
  /** A band of a level was clicked: open those cadres. */
  readonly onSelect: (row: LoadBands, band: LoadBand) => void;
}

type Datum = LoadBands & { readonly label: string } & Readonly<Record<LoadBand, number>>;

/** 干部包保负担: cadres of each level stacked by load band (empty → above the cap). */
export function CadreLoadChart({ rows, onSelect }: CadreLoadChartProps) {
  const data = useMemo<Datum[]>(() => rows.map((r) => ({ ...r, label: CADRE_LEVEL_LABELS[r.level], ...r.counts })), [rows]);
  const shapes = useMemo(
    () =>
      Object.fromEntries(
        LOAD_BANDS.map((band) => [
          band,
          clickableBar<Datum>(
            (row) => `${row.label}干部 ${LOAD_BAND_LABELS[band]} ${row[band]} 名`,
            (row) => onSelect(row, band),
          ),
        ]),
      ) as Record<LoadBand, ReturnType<typeof clickableBar>>,
    [onSelect],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} barCategoryGap="28%">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" interval={0} tick={AXIS_TICK} tickLine={false} height={20} />
        <YAxis tick={AXIS_TICK} width={44} allowDecimals={false} tickFormatter={countText} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.04)' }}
          formatter={(value, name) => [`${countText(Number(value))} 名`, name]}
          labelFormatter={(_label, payload) => {
            const row = payload[0]?.payload as Datum | undefined;
            return row ? `${row.label}干部（上限 ${row.cap} 户）` : '';
          }}
        />
        {LOAD_BANDS.map((band) => (
          <Bar
            key={band}
            dataKey={band}
            name={LOAD_BAND_LABELS[band]}
            stackId="load"
            fill={LOAD_FILLS[band]}
            stroke={BAR_STROKE}
            strokeWidth={0.5}
            isAnimationActive={false}
            shape={shapes[band]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
