import { BATTLE_STATUSES } from '@shared/battlemap/types';
import { STATUS_LOOKS } from './labels';

/** What the chart's colours and marks mean. */
export function GanttLegend() {
  return (
    <div className="bm-legend" style={{ marginTop: 6 }} aria-label="图例">
      {BATTLE_STATUSES.map((status) => (
        <span key={status}>
          <span className="bm-swatch" style={{ background: STATUS_LOOKS[status].fill, borderColor: STATUS_LOOKS[status].border }} />
          {status}
        </span>
      ))}
      <span>
        <span className="bm-swatch" style={{ borderColor: '#722ed1', borderWidth: 2 }} />
        <span style={{ color: '#722ed1' }}>★</span> 关键路径
      </span>
      <span>
        <span style={{ color: '#1677ff' }}>◆</span> 周调度日
        <span style={{ color: '#fa8c16', marginInlineStart: 6 }}>◆</span> 因节假日调整
        <span style={{ color: '#52c41a', marginInlineStart: 6 }}>◆</span> 已登记
      </span>
      <span>
        <span
          style={{ display: 'inline-block', width: 0, height: 12, borderLeft: '2px solid #f5222d', marginInlineEnd: 4, verticalAlign: -2 }}
        />
        今天
      </span>
      <span>
        <span
          style={{ display: 'inline-block', width: 0, height: 12, borderLeft: '2px dashed #fa541c', marginInlineEnd: 4, verticalAlign: -2 }}
        />
        总截止日期
      </span>
      <span className="bm-risk" style={{ marginLeft: 0 }}>
        有风险
      </span>
      <span style={{ marginInlineStart: -10 }}>进度落后或临近期限（悬停看原因）</span>
    </div>
  );
}
