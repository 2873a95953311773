import { Empty, Timeline, Typography } from 'antd';
import type { AssignmentView } from '@shared/api/contract';

/** Past 包保 periods, newest first; `who` picks the other side's name (cadre or 主体). */
export function AssignmentHistory({
  history,
  who,
}: {
  readonly history: readonly AssignmentView[];
  readonly who: (a: AssignmentView) => string;
}) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有历史包保记录" />;
  return (
    <Timeline
      items={history.map((a) => ({
        key: a.id,
        color: 'gray',
        content: (
          <>
            <Typography.Text type="secondary">
              {a.start} 至 {a.end}
            </Typography.Text>{' '}
            {who(a)}
            <Typography.Text type="secondary">
              （起因：{a.reason}
              {a.endReason && `；结束原因：${a.endReason}`}）
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
