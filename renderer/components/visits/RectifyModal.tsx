import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { toIsoDate } from '../../forms/dates';
import { FormModal } from '../FormModal';
import type { OpenProblemRow } from './useVisitData';

export interface RectifyModalProps {
  readonly open: boolean;
  readonly problem: OpenProblemRow | null;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

interface RectifyValues {
  readonly rectifiedOn: Dayjs;
}

/** 已整改: the day the problem was found put right → visits:rectify (闭环). Enter confirms, Esc closes. */
export function RectifyModal({ open, problem, onClose, onDone }: RectifyModalProps) {
  const [form] = Form.useForm<RectifyValues>();

  const submit = async ({ rectifiedOn }: RectifyValues): Promise<OpenProblemRow> => {
    if (!problem) throw new Error('请先在列表中选择要登记整改的问题');
    await api('visits:rectify', { visitId: problem.visitId, problemId: problem.problem.id, rectifiedOn: toIsoDate(rectifiedOn) });
    return problem;
  };

  return (
    <FormModal<RectifyValues, OpenProblemRow>
      open={open}
      title="登记整改完成"
      width={460}
      form={form}
      initialValues={{ rectifiedOn: dayjs() }}
      submit={submit}
      okText="确认已整改"
      savedMessage={(row) => `已登记整改完成：${row.entityName}`}
      // Enter presses the focused confirm button straight away; the date is usually today.
      focusOk
      onSaved={onDone}
      onClose={onClose}
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
    </FormModal>
  );
}
