import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { ProblemView } from '@shared/api/contract';
import { overdueText } from '@shared/visits/problems';
import { api } from '../../api/client';
import { toIsoDate } from '../../forms/dates';
import { useReference } from '../../hooks/useReference';
import { FormModal } from '../FormModal';

/** The dialogs of the 闭环, one per step a problem can take next (复核 passes or sends back). */
export type ProblemAction = '交办' | '整改' | '复核' | '销号';

export interface ProblemStepTarget {
  readonly action: ProblemAction;
  readonly problem: ProblemView;
}

export interface ProblemStepModalProps {
  readonly open: boolean;
  readonly target: ProblemStepTarget | null;
  /** The 操作人 of 设置: who takes the step unless another name is typed. */
  readonly operatorName: string;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

interface StepValues {
  readonly on: Dayjs;
  readonly by: string;
  readonly note: string;
  /** 交办: to a 网格监管人员 or a 市场监管所. */
  readonly toKind: 'regulator' | 'office';
  readonly regulatorId: string;
  readonly office: string;
  /** 复核: 通过 or 退回. */
  readonly result: '通过' | '退回';
}

const TITLES: Readonly<Record<ProblemAction, string>> = { 交办: '交办问题', 整改: '登记整改', 复核: '复核整改', 销号: '问题销号' };
const OK_TEXT: Readonly<Record<ProblemAction, string>> = { 交办: '确认交办', 整改: '登记整改', 复核: '确认复核', 销号: '确认销号' };
const DATE_LABEL: Readonly<Record<ProblemAction, string>> = { 交办: '交办日期', 整改: '整改完成日期', 复核: '复核日期', 销号: '销号日期' };
const BY_LABEL: Readonly<Record<ProblemAction, string>> = { 交办: '交办人', 整改: '登记人', 复核: '复核人', 销号: '销号人' };

/** 交办, 登记整改, 复核 (通过 / 退回 with its reason) or 销号 of one problem → problems:step. Asks before discarding edits. */
export function ProblemStepModal(props: ProblemStepModalProps) {
  // Each opening gets a form of its own: a form kept between openings would carry the last
  // dialog's note (a 整改情况 turning up as the 退回原因) and the last problem's addressee.
  const [round, setRound] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setRound((n) => n + 1);
  }
  return <StepDialog key={round} {...props} />;
}

function StepDialog({ open, target, operatorName, onClose, onDone }: ProblemStepModalProps) {
  const [form] = Form.useForm<StepValues>();
  const regulators = useReference('regulators:list').value;
  const regulatorOptions = useMemo(
    () => (regulators ?? []).map((r) => ({ value: r.id, label: r.unit ? `${r.name}（${r.unit}）` : r.name })),
    [regulators],
  );
  const toKind = Form.useWatch('toKind', form);
  const result = Form.useWatch('result', form);
  const action = target?.action ?? '整改';
  const problem = target?.problem ?? null;

  const submit = async (values: StepValues): Promise<ProblemView> => {
    if (!problem) throw new Error('请先在列表中选择要办理的问题');
    const step = action === '复核' ? (values.result === '退回' ? '退回' : '复核通过') : action;
    const addressee = action !== '交办' ? {} : values.toKind === 'office' ? { to: values.office } : { regulatorId: values.regulatorId };
    return api('problems:step', {
      visitId: problem.visitId,
      problemId: problem.problem.id,
      step,
      on: toIsoDate(values.on),
      by: values.by,
      note: values.note ?? '',
      ...addressee,
    });
  };

  const noteLabel = action === '整改' ? '整改情况' : action === '复核' ? (result === '退回' ? '退回原因' : '复核意见') : '说明';
  const notePlaceholder =
    action === '整改'
      ? '做了哪些整改，如：已补齐晨检记录并培训晨检员'
      : action === '复核' && result === '退回'
        ? '为什么退回，整改人据此重新整改'
        : '可不填';
  const late = problem ? overdueText(problem.overdue) : '';

  return (
    <FormModal<StepValues, ProblemView>
      open={open}
      title={TITLES[action]}
      width={520}
      form={form}
      initialValues={{
        on: dayjs(),
        by: operatorName,
        note: '',
        toKind: problem?.regulator ? 'regulator' : 'office',
        regulatorId: problem?.regulator?.id ?? '',
        office: '',
        result: '通过',
      }}
      submit={submit}
      okText={OK_TEXT[action]}
      savedMessage={(row) =>
        `${row.entityName}：问题已${action === '复核' ? (row.stage === '待整改' ? '退回重新整改' : '复核通过') : action === '整改' ? '登记整改' : action}`
      }
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
            <Typography.Text type="secondary">发现日期：</Typography.Text>
            {problem.foundOn}　<Typography.Text type="secondary">整改期限：</Typography.Text>
            {problem.problem.deadline}
            {late && (
              <>
                <br />
                <Typography.Text type="danger">{late}</Typography.Text>
              </>
            )}
          </Typography.Paragraph>
          {action === '交办' && (
            <>
              <Form.Item name="toKind" label="交办给" style={{ marginBottom: 8 }}>
                <Radio.Group
                  options={[
                    { value: 'regulator', label: '网格监管人员' },
                    { value: 'office', label: '市场监管所' },
                  ]}
                />
              </Form.Item>
              {toKind === 'office' ? (
                <Form.Item
                  name="office"
                  label="市场监管所"
                  rules={[{ required: true, whitespace: true, message: '请填写交办的市场监管所' }]}
                >
                  <Input maxLength={100} placeholder="如：昭君市场监督管理所" />
                </Form.Item>
              ) : (
                <Form.Item
                  name="regulatorId"
                  label="网格监管人员"
                  rules={[{ required: true, message: '请选择交办给哪位网格监管人员' }]}
                  extra={problem.regulator ? '默认为这个主体的网格监管人员' : '这个主体还没有网格监管人员，请选择一位或改为交办市场监管所'}
                >
                  <Select
                    options={regulatorOptions}
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="选择网格监管人员"
                    loading={regulators === null}
                  />
                </Form.Item>
              )}
            </>
          )}
          {action === '复核' && (
            <Form.Item name="result" label="复核结果" style={{ marginBottom: 8 }}>
              <Radio.Group
                options={[
                  { value: '通过', label: '通过' },
                  { value: '退回', label: '退回重新整改' },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item name="on" label={DATE_LABEL[action]} rules={[{ required: true, message: `请选择${DATE_LABEL[action]}` }]}>
            <DatePicker format="YYYY-MM-DD" allowClear={false} disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="by"
            label={BY_LABEL[action]}
            rules={[{ required: true, whitespace: true, message: `请填写${BY_LABEL[action]}` }]}
          >
            <Input maxLength={20} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="note"
            label={noteLabel}
            rules={
              action === '复核' && result === '退回'
                ? [{ required: true, whitespace: true, message: '请填写退回的原因，整改人据此重新整改' }]
                : []
            }
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={notePlaceholder} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
