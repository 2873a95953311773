import { AXIS_TICK } from './palette';

/**
 * The category axis of a per-region chart: names level while they fit (the 9 旗区 of a city),
 * slanted when a 旗区's 乡镇 or a 乡镇's 村 crowd the axis; very long names are shortened (the
 * tooltip has them in full).
 */
export function regionAxis(count: number) {
  const slanted = count > 9;
  const max = slanted ? 6 : 7;
  return {
    dataKey: 'name',
    interval: 0,
    tickLine: false,
    tick: AXIS_TICK,
    height: slanted ? 46 : 20,
    ...(slanted ? { angle: -35, textAnchor: 'end' as const, dx: 4 } : {}),
    tickFormatter: (name: string) => (name.length > max ? `${name.slice(0, max - 1)}…` : name),
  };
}
