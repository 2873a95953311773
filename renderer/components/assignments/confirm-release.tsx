import { Flex, Select, Typography, type App } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

type ReleaseReason = '调整' | '主体注销';
const REASON_OPTIONS: { value: ReleaseReason; label: string }[] = [
  { value: '调整', label: '调整（以后另行安排干部）' },
  { value: '主体注销', label: '主体注销' },
];

/** 解除包保: asks for the reason, then ends the current 包保 of the 主体 (assign:release). */
export function confirmRelease(
  app: Pick<ReturnType<typeof App.useApp>, 'modal' | 'message'>,
  entityIds: readonly string[],
  onDone: () => void,
): void {
  const choice: { reason: ReleaseReason } = { reason: '调整' };
  app.modal.confirm({
    title: `解除 ${entityIds.length} 个主体的包保关系？`,
    width: 480,
    content: <ReleaseReasonField initial={choice.reason} onChange={(reason) => (choice.reason = reason)} />,
    okText: '解除包保',
    okButtonProps: { danger: true },
    cancelText: '取消',
    onOk: async () => {
      try {
        const { released } = await api('assign:release', { entityIds: [...entityIds], reason: choice.reason });
        app.message.success(released > 0 ? `已解除 ${released} 条包保关系` : '所选主体当前没有包保关系，无需解除');
        onDone();
      } catch (e) {
        app.message.error(errorText(e));
      }
    },
  });
}

function ReleaseReasonField({
  initial,
  onChange,
}: {
  readonly initial: ReleaseReason;
  readonly onChange: (reason: ReleaseReason) => void;
}) {
  const [reason, setReason] = useState(initial);
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">解除后这些主体变为“未落实包保干部”，历史记录保留。</Typography.Text>
      <Flex gap={8} align="center">
        <label htmlFor="release-reason">解除原因</label>
        <Select<ReleaseReason>
          id="release-reason"
          aria-label="解除原因"
          value={reason}
          options={REASON_OPTIONS}
          onChange={(next) => {
            setReason(next);
            onChange(next);
          }}
          style={{ width: 240 }}
        />
      </Flex>
    </Flex>
  );
}
