import { App, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { GridRow } from '@shared/grid/overview';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface DeleteRegulatorModalProps {
  readonly target: GridRow | null;
  readonly others: readonly GridRow[];
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

/** '' = leave their 主体 without a regulator for now. */
const NOBODY = '';

/** Deleting a regulator who still has 主体 asks who takes them over; nothing is lost silently. */
export function DeleteRegulatorModal({ target, others, onClose, onDeleted }: DeleteRegulatorModalProps) {
  const [handTo, setHandTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const count = target?.entities.total ?? 0;

  const remove = async () => {
    if (!target) return;
    setBusy(true);
    try {
      await api('regulators:delete', { id: target.id, ...(count > 0 ? { handTo: handTo ?? NOBODY } : {}) });
      message.success(`已删除“${target.name}”`);
      setHandTo(null);
      onDeleted();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={`删除网格监管人员：${target?.name ?? ''}`}
      okText="删除"
      okButtonProps={{ danger: true, disabled: count > 0 && handTo === null }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void remove()}
      onCancel={() => {
        setHandTo(null);
        onClose();
      }}
      destroyOnHidden
    >
      {count === 0 ? (
        <Typography.Paragraph>没有主体以其为网格监管人员，删除后可在操作日志中查到删除前的信息。</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            仍有 <Typography.Text strong>{count}</Typography.Text> 户主体以其为网格监管人员。请选择由谁接手：
          </Typography.Paragraph>
          <Select<string>
            aria-label="接手的网格监管人员"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择接手人员"
            value={handTo ?? undefined}
            onChange={setHandTo}
            style={{ width: '100%' }}
            options={[
              { value: NOBODY, label: '暂不指定（之后可用「按网格补全」或在主体中指定）' },
              ...others.map((r) => ({ value: r.id, label: `${r.name}（${r.unit || '未填单位'}，现负责 ${r.entities.total} 户）` })),
            ]}
          />
        </>
      )}
    </Modal>
  );
}
