import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CadreRow } from '@shared/api/contract';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { toIsoDate } from '../../forms/dates';
import { useDiscardGuard } from '../../navigation/unsaved';
import { CadreFacts, CadrePicker, type LevelCaps } from '../CadrePicker';

export interface ReassignModalProps {
  readonly open: boolean;
  /** The 主体 to move, with names for the summary line. */
  readonly entities: readonly { readonly id: string; readonly name: string }[];
  readonly caps: LevelCaps;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

interface ReassignValues {
  readonly cadreId: CadreRow | null;
  readonly date: Dayjs | null;
}

/** 调整包保干部: the selected 主体 go to one 在岗 cadre (assign:reassign). Enter confirms, Esc closes. */
export function ReassignModal({ open, entities, caps, onClose, onDone }: ReassignModalProps) {
  const [form] = Form.useForm<ReassignValues>();
  const cadre = Form.useWatch('cadreId', form);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  // A cadre picked and not yet confirmed is asked about before Esc, × or 取消 drop it.
  const guard = useDiscardGuard(open, onClose);

  const save = async (values: ReassignValues) => {
    if (!values.cadreId) return;
    setSaving(true);
    try {
      const { moved } = await api('assign:reassign', {
        entityIds: entities.map((e) => e.id),
        cadreId: values.cadreId.id,
        ...(values.date ? { date: toIsoDate(values.date) } : {}),
      });
      message.success(`已将 ${moved} 个主体调整由${values.cadreId.name}包保`);
      onDone();
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  const names = entities
    .slice(0, 3)
    .map((e) => e.name)
    .join('、');
  return (
    <Modal
      open={open}
      title={`调整包保干部（${entities.length} 个主体）`}
      width={640}
      okText="确认调整"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', disabled: !cadre }}
      onCancel={guard.close}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<ReassignValues>
          // Each opening starts from its own initialValues (the form instance outlives the dialog: FormModal.tsx).
          clearOnDestroy
          form={form}
          layout="vertical"
          initialValues={{ cadreId: null, date: dayjs() }}
          onValuesChange={guard.markDirty}
          onFinish={(v) => void save(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {names}
        {entities.length > 3 ? ` 等 ${entities.length} 个主体` : ''}将改由所选干部包保；原包保关系结束（原因“调整”），历史记录保留。
      </Typography.Paragraph>
      <Form.Item
        name="cadreId"
        label="新的包保干部（只列在岗干部）"
        rules={[{ required: true, message: '请选择包保干部' }]}
        extra={cadre ? <CadreFacts row={cadre} caps={caps} adding={entities.length} /> : '输入姓名、拼音首字母或电话查找'}
      >
        <CadrePicker activeOnly onEnter={form.submit} caps={caps} placeholder="选择在岗干部" autoFocus />
      </Form.Item>
      <Form.Item name="date" label="调整日期" rules={[{ required: true, message: '请选择调整日期' }]}>
        <DatePicker allowClear={false} style={{ width: 180 }} />
      </Form.Item>
    </Modal>
  );
}
