import type { Grade } from '@shared/domain/schemas';

/**
 * Chart colours picked for lightness as much as hue, so a grayscale print still tells the series
 * apart; lines differ by dash pattern and marker shape as well.
 */

/** A (highest risk) darkest → D lightest; their grey values are about 17%, 48%, 76%, 93%. */
export const GRADE_FILLS: Readonly<Record<Grade, string>> = { A: '#a8071a', B: '#d46b08', C: '#91caff', D: '#ededed' };
/** Outline of every bar, so the lightest fill still shows on white paper. */
export const BAR_STROKE = '#8c8c8c';

export const AXIS_TICK = { fontSize: 11, fill: '#595959' } as const;
export const GRID_STROKE = '#f0f0f0';

/** Today's line on the weekly charts. */
export const TODAY_STROKE = '#cf1322';

export interface LineStyle {
  readonly color: string;
  readonly dash?: string;
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
}

export const COVERAGE_FILL = '#bae0ff';

export const PLANNED_LINE: LineStyle = { color: '#8c8c8c', dash: '6 4', marker: 'circle' };
export const DONE_LINE: LineStyle = { color: '#0958d9', marker: 'square' };

/** Problems found on a visit: rectified light, still open dark. */
export const RECTIFIED_FILL = '#b7eb8f';
export const OPEN_FILL = '#873800';

/** Cadre load bands: idle very light, within half the cap light, up to the cap mid, above it very dark. */
export const LOAD_FILLS = { idle: '#f5f5f5', light: '#91caff', near: '#1677ff', over: '#820014' } as const;

/** The five 企业 duty indicators as lines: each its own dash and marker, dark enough to print. */
export const DUTY_LINES = {
  dailyWeeklyMonthly: { color: '#262626', marker: 'circle' },
  riskSystem: { color: '#531dab', dash: '6 3', marker: 'square' },
  safetyOfficer: { color: '#d4380d', dash: '2 3', marker: 'triangle' },
  safetyDirector: { color: '#006d75', dash: '10 3 2 3', marker: 'diamond' },
  commitment: { color: '#7c4a03', dash: '12 4', marker: 'cross' },
} as const satisfies Record<string, LineStyle>;
