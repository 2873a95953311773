import { DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import type { BattleStatus, BattleTask } from '@shared/battlemap/types';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { wholeNumber } from '../settings/profile-values';
import { fromIsoDate, toIsoDate } from '../../forms/dates';
import type { GanttRow } from './GanttChart';
import { EDITABLE_STATUSES, STATUS_LOOKS } from './labels';
import { focusWhenOpen } from '../focus-when-open';
import { useDiscardGuard } from '../../navigation/unsaved';
import { onCheckFailed } from '../../forms/finish-failed';

interface TaskValues {
  readonly seq: number;
  readonly name: string;
  readonly method: string;
  readonly measures: string;
  readonly unit: string;
  readonly owner: string;
  readonly durationDays: number;
  readonly predecessors: string[];
  readonly deadline: Dayjs | null;
  readonly status: BattleStatus;
  readonly progress: number;
}

export interface TaskDrawerProps {
  readonly open: boolean;
  /** The task with its schedule; null: a new task. */
  readonly row: GanttRow | null;
  /** Every task, for 前置任务 and the next 序号. */
  readonly rows: readonly GanttRow[];
  readonly critical: boolean;
  /** Scheduling problems that name this task. */
  readonly problems: readonly string[];
  readonly onClose: () => void;
  readonly onSaved: (view: BattleMapView) => void;
}

function toValues(task: BattleTask | null, nextSeq: number): TaskValues {
  if (!task) {
    return {
      seq: nextSeq,
      name: '',
      method: '',
      measures: '',
      unit: '',
      owner: '',
      durationDays: 5,
      predecessors: [],
      deadline: null,
      status: '未开始',
      progress: 0,
    };
  }
  return {
    seq: task.seq,
    name: task.name,
    method: task.method,
    measures: task.measures,
    unit: task.unit,
    owner: task.owner,
    durationDays: task.durationDays,
    predecessors: [...task.predecessors],
    deadline: task.deadline ? fromIsoDate(task.deadline) : null,
    // 逾期 is worked out from the dates; the form keeps what was last recorded by hand.
    status: task.status === '逾期' ? '进行中' : task.status,
    progress: task.progress,
  };
}

/** One 作战图 task, all fields (battlemap:saveTask / deleteTask). Enter saves, Esc closes. */
export function TaskDrawer({ open, row, rows, critical, problems, onClose, onSaved }: TaskDrawerProps) {
  const [form] = Form.useForm<TaskValues>();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { message } = App.useApp();
  const { markDirty, close } = useDiscardGuard(open, onClose);
  const task = row?.task ?? null;
  const nextSeq = rows.reduce((max, r) => Math.max(max, r.task.seq), 0) + 1;

  const predecessorOptions = useMemo(
    () => rows.filter((r) => r.task.id !== task?.id).map((r) => ({ value: r.task.id, label: `${r.task.seq}. ${r.task.name}` })),
    [rows, task?.id],
  );

  const save = async (values: TaskValues) => {
    setSaving(true);
    try {
      const { deadline, ...rest } = values;
      const view = await api('battlemap:saveTask', {
        ...rest,
        ...(task ? { id: task.id } : {}),
        ...(deadline ? { deadline: toIsoDate(deadline) } : {}),
      });
      message.success(task ? '已保存，工期已重新计算' : '已新增任务，工期已重新计算');
      onSaved(view);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!task) return;
    setDeleting(true);
    try {
      const view = await api('battlemap:deleteTask', { id: task.id });
      message.success(`已删除任务“${task.name}”`);
      onSaved(view);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setDeleting(false);
    }
  };

  const s = row?.scheduled;
  return (
    <Drawer
      open={open}
      // Esc, × and 取消 ask 「放弃修改？」 once something was changed.
      onClose={close}
      size={600}
      title={task ? `编辑任务：${task.seq}. ${task.name}` : '新增任务'}
      destroyOnHidden
      afterOpenChange={(opened) => opened && focusWhenOpen(form.getFieldInstance('name'))}
      styles={{ body: { paddingTop: 12, paddingBottom: 4 } }}
      drawerRender={(node) => (
        <Form<TaskValues>
          form={form}
          layout="vertical"
          initialValues={toValues(task, nextSeq)}
          onValuesChange={markDirty}
          onFinish={(v) => void save(v)}
          onFinishFailed={onCheckFailed(form, message)}
          style={{ height: '100%' }}
        >
          {node}
        </Form>
      )}
      footer={
        <Flex gap={8} justify="flex-end">
          {task && (
            <Popconfirm
              title={`删除任务“${task.name}”？`}
              description="其他任务对它的前置关系也会一并删除。"
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true, loading: deleting }}
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined />} style={{ marginInlineEnd: 'auto' }}>
                删除
              </Button>
            </Popconfirm>
          )}
          <Button onClick={close}>取消</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Flex>
      }
    >
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 12 }} />}
      {row && s && (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'plan', label: '计划', children: `${s.start} 至 ${s.finish}` },
            {
              key: 'state',
              label: '状态',
              children: (
                <>
                  <Tag color={STATUS_LOOKS[row.state.status].tag}>{row.state.status}</Tag>
                  {row.state.progress}%
                  {critical && (
                    <Tag color="purple" style={{ marginInlineStart: 8 }}>
                      ★ 关键路径
                    </Tag>
                  )}
                </>
              ),
            },
            { key: 'latest', label: '最晚', children: `${s.latestStart} 开始，${s.latestFinish} 完成` },
            { key: 'slack', label: '机动', children: `${s.slack} 个工作日` },
            ...(row.state.reason
              ? [{ key: 'reason', label: row.state.atRisk ? '风险' : '说明', span: 2, children: row.state.reason }]
              : []),
          ]}
        />
      )}
      <Row gutter={12}>
        <Col span={4}>
          <Form.Item name="seq" label="序号" rules={[{ required: true, message: '请填写序号' }]}>
            <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={20}>
          <Form.Item name="name" label="工作任务" rules={[{ required: true, whitespace: true, message: '请填写工作任务' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="unit" label="责任单位">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="owner" label="责任人">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          {/* Refused out of range, not clamped: the input would quietly change what was typed. */}
          <Form.Item name="durationDays" label="工期（工作日）" rules={wholeNumber('工期', 1, 1000, ' 个工作日')}>
            <InputNumber style={{ width: '100%' }} suffix="天" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deadline" label="时限要求" tooltip="本任务自己的截止日期，比总截止日期更早时填写">
            {/* battlemap:saveTask keeps a stored deadline when none is sent, so one cannot be cleared here. */}
            <DatePicker style={{ width: '100%' }} placeholder="按总截止日期" allowClear={!task?.deadline} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="status" label="状态">
            <Select options={EDITABLE_STATUSES.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="progress" label="进度" rules={wholeNumber('进度', 0, 100, '%')}>
            <InputNumber suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="predecessors" label="前置任务（须先完成的任务）">
            <Select
              mode="multiple"
              options={predecessorOptions}
              optionFilterProp="label"
              placeholder="无前置任务"
              allowClear
              maxTagTextLength={14}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="method" label="实施办法">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="measures" label="工作举措">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </Drawer>
  );
}
