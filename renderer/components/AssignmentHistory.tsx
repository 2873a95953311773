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
        title: `${a.start} 至 ${a.end}`,
        content: (
          <>
            {who(a)}
            <Typography.Text type="secondary">
              （{a.reason}
              {a.endReason && `，因${a.endReason}结束`}）
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
