import type { ReactNode } from 'react';
import { Symbols } from 'recharts';
import type { LineStyle } from './palette';

/** A line's `dot`: its own marker shape, so lines stay apart in grayscale. */
export function markerDot(style: LineStyle, size = 36) {
  return function MarkerDot(props: { readonly cx?: number; readonly cy?: number; readonly value?: unknown }): ReactNode {
    const { cx, cy, value } = props;
    if (cx === undefined || cy === undefined || value === null || value === undefined) return <g />;
    return <Symbols cx={cx} cy={cy} type={style.marker} size={size} fill={style.color} stroke="#fff" strokeWidth={0.5} />;
  };
}
