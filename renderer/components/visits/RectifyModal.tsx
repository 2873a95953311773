import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { toIsoDate } from '../../forms/dates';
import type { OpenProblemRow } from './useVisitData';

export interface RectifyModalProps {
  readonly open: boolean;
  readonly problem: OpenProblemRow | null;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

const OK_BUTTON_ID = 'rectify-ok';

interface RectifyValues {
  readonly rectifiedOn: Dayjs;
}

/** 已整改: the day the problem was found put right → visits:rectify (闭环). Enter confirms, Esc closes. */
export function RectifyModal({ open, problem, onClose, onDone }: RectifyModalProps) {
  const [form] = Form.useForm<RectifyValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const save = async ({ rectifiedOn }: RectifyValues) => {
    if (!problem) return;
    setSaving(true);
    try {
      await api('visits:rectify', { visitId: problem.visitId, problemId: problem.problem.id, rectifiedOn: toIsoDate(rectifiedOn) });
      message.success(`已登记整改完成：${problem.entityName}`);
      onDone();
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="登记整改完成"
      width={460}
      okText="确认已整改"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', id: OK_BUTTON_ID }}
      onCancel={onClose}
      destroyOnHidden
      // Enter presses the focused confirm button straight away; the date is usually today.
      afterOpenChange={(opened) => opened && document.getElementById(OK_BUTTON_ID)?.focus()}
      modalRender={(dom) => (
        <Form<RectifyValues> form={form} layout="vertical" initialValues={{ rectifiedOn: dayjs() }} onFinish={(values) => void save(values)}>
          {dom}
        </Form>
      )}
    >
      {problem && (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">主体：</Typography.Text>
            {problem.entityName}
            <br />
            <Typography.Text type="secondary">问题：</Typography.Text>
            {problem.problem.description}
            <br />
            <Typography.Text type="secondary">整改期限：</Typography.Text>
            <Typography.Text type={problem.overdue ? 'danger' : undefined}>
              {problem.problem.deadline}
              {problem.overdue ? '（已逾期）' : ''}
            </Typography.Text>
          </Typography.Paragraph>
          <Form.Item name="rectifiedOn" label="整改完成日期" rules={[{ required: true, message: '请选择整改完成日期' }]} style={{ marginBottom: 0 }}>
            <DatePicker format="YYYY-MM-DD" allowClear={false} disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
          </Form.Item>
        </>
      )}
    </Modal>
  );
}
