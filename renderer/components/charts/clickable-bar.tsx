import type { KeyboardEvent, ReactNode } from 'react';
import { Rectangle, type BarShapeProps } from 'recharts';

/**
 * A bar `shape` that is also a button: a click or Enter/Space calls `onActivate` with the row,
 * and `describe` names it for screen readers and tests ("东胜区 B级 87 户"). Empty bars draw
 * nothing and take no Tab stop.
 */
export function clickableBar<Row>(describe: (row: Row) => string, onActivate: (row: Row) => void) {
  return function ClickableBar(props: BarShapeProps): ReactNode {
    const row = props.payload as Row;
    const { x, y, width, height, fill, stroke } = props;
    if (!(Math.abs(height) > 0) || !(width > 0)) return <g />;
    const activate = () => onActivate(row);
    const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      activate();
    };
    return (
      <g
        role="button"
        tabIndex={0}
        aria-label={describe(row)}
        onClick={activate}
        onKeyDown={onKeyDown}
        style={{ cursor: 'pointer', outline: 'none' }}
        className="chart-bar-button"
      >
        <Rectangle x={x} y={y} width={width} height={height} fill={fill} stroke={stroke} strokeWidth={0.6} />
      </g>
    );
  };
}
