import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import type { BattleMap } from '@shared/battlemap/types';
import { dayNumber, isoDate, mondayOfDay, weekdayOf } from '@shared/calendar/days';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { useDiscardGuard } from '../../navigation/unsaved';
import { wholeNumber } from '../settings/profile-values';
import { fromIsoDate, toIsoDate } from '../../forms/dates';
import type { GanttRow } from './GanttChart';
import { shortDate } from './gantt-layout';
import { STATUS_LOOKS, weekdayLabel } from './labels';

interface EntryValues {
  readonly taskId: string;
  readonly progress: number | null;
  readonly note: string;
}

interface DispatchValues {
  readonly date: Dayjs | null;
  readonly entries: EntryValues[];
}

/** This week's 周调度 date (even when it has just passed), else the next one, else the last. */
export function defaultDispatchDate(view: BattleMapView, today: string): string {
  const slots = view.dispatches?.dates ?? [];
  const monday = isoDate(mondayOfDay(dayNumber(today)));
  return slots.find((s) => s.weekStart === monday)?.date ?? slots.find((s) => s.date >= today)?.date ?? slots.at(-1)?.date ?? today;
}

/** The form's rows for a date: its record when there is one, else every task's current progress. */
function entriesFor(map: BattleMap, rows: readonly GanttRow[], date: string): EntryValues[] {
  const record = map.dispatches.find((d) => d.date === date);
  return rows.map((r) => {
    const entry = record?.entries.find((e) => e.taskId === r.task.id);
    return { taskId: r.task.id, progress: entry?.progress ?? r.state.progress, note: entry?.note ?? '' };
  });
}

export interface DispatchModalProps {
  readonly open: boolean;
  readonly view: BattleMapView & { readonly map: BattleMap };
  readonly rows: readonly GanttRow[];
  readonly today: string;
  readonly onClose: () => void;
  readonly onSaved: (view: BattleMapView) => void;
}

/** 记录周调度 (battlemap:dispatch): each task's progress and 调度情况 on a date. Enter saves, Esc closes. */
export function DispatchModal(props: DispatchModalProps) {
  // Mounted only while open, so every opening starts from the current plan.
  return props.open ? <DispatchDialog {...props} /> : null;
}

function DispatchDialog({ view, rows, today, onClose, onSaved }: DispatchModalProps) {
  const [form] = Form.useForm<DispatchValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  // Mounted only while open (see DispatchModal).
  const { markDirty, close } = useDiscardGuard(true, onClose);
  const [initial] = useState<DispatchValues>(() => {
    const date = defaultDispatchDate(view, today);
    return { date: fromIsoDate(date), entries: entriesFor(view.map, rows, date) };
  });
  const picked = Form.useWatch('date', form);
  const date = picked ? toIsoDate(picked) : '';
  const slot = view.dispatches?.dates.find((s) => s.date === date);
  const existing = view.map.dispatches.some((d) => d.date === date);

  const save = async (values: DispatchValues) => {
    setSaving(true);
    try {
      const result = await api('battlemap:dispatch', {
        date: toIsoDate(values.date),
        // Form values hold only the fields on screen: row i of the table is task i.
        entries: rows.map((r, i) => ({
          taskId: r.task.id,
          progress: values.entries[i]?.progress ?? 0,
          note: values.entries[i]?.note ?? '',
        })),
      });
      message.success(`已记录 ${toIsoDate(values.date)} 周调度`);
      onSaved(result);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  const onValuesChange = (changed: Partial<DispatchValues>) => {
    markDirty();
    if (!changed.date) return;
    form.setFieldValue('entries', entriesFor(view.map, rows, toIsoDate(changed.date)));
  };

  return (
    <Modal
      open
      title="记录周调度"
      width={980}
      style={{ top: 24 }}
      okText="保存调度记录"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={close}
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<DispatchValues> form={form} initialValues={initial} onValuesChange={onValuesChange} onFinish={(v) => void save(v)}>
          {dom}
        </Form>
      )}
    >
      <Flex gap={12} align="center" wrap style={{ marginBottom: 10 }}>
        <Form.Item name="date" label="调度日期" rules={[{ required: true, message: '请选择调度日期' }]} style={{ marginBottom: 0 }}>
          <DatePicker allowClear={false} style={{ width: 150 }} />
        </Form.Item>
        {date && (
          <Typography.Text type="secondary">
            {weekdayLabel(weekdayOf(date))}
            {slot ? (slot.note ? `；${slot.note}` : '；计划调度日') : '；不是计划的周调度日，也可以登记'}
          </Typography.Text>
        )}
        {existing && <Tag color="orange">该日已有调度记录，保存将覆盖</Tag>}
      </Flex>
      <EntryTable rows={rows} />
      {rows.length === 0 && <Alert type="info" showIcon title="作战图中还没有任务" />}
    </Modal>
  );
}

function EntryTable({ rows }: { readonly rows: readonly GanttRow[] }) {
  const columns: TableColumnsType<GanttRow> = [
    { title: '序号', key: 'seq', width: 50, align: 'center', render: (_, r) => r.task.seq },
    { title: '工作任务', key: 'name', ellipsis: true, render: (_, r) => r.task.name },
    {
      title: '计划',
      key: 'plan',
      width: 100,
      render: (_, r) => (r.scheduled ? `${shortDate(r.scheduled.start)}–${shortDate(r.scheduled.finish)}` : '—'),
    },
    {
      title: '当前',
      key: 'state',
      width: 110,
      render: (_, r) => (
        <>
          <Tag color={STATUS_LOOKS[r.state.status].tag} style={{ marginInlineEnd: 4 }}>
            {r.state.status}
          </Tag>
          {r.state.progress}%
        </>
      ),
    },
    {
      title: '本次进度',
      key: 'progress',
      width: 110,
      render: (_, r, index) => (
        <Form.Item name={['entries', index, 'progress']} style={{ marginBottom: 0 }} rules={wholeNumber('进度', 0, 100, '%')}>
          {/* No min/max/precision: the input would quietly turn 150 into 100 (and the task 已完成); the rule refuses it. */}
          <InputNumber suffix="%" style={{ width: 90 }} aria-label={`${r.task.seq}. ${r.task.name} 本次进度`} />
        </Form.Item>
      ),
    },
    {
      title: '调度情况',
      key: 'note',
      width: 330,
      render: (_, r, index) => (
        <Form.Item name={['entries', index, 'note']} style={{ marginBottom: 0 }}>
          <Input maxLength={500} placeholder="进展、存在问题、下步措施" aria-label={`${r.task.seq}. ${r.task.name} 调度情况`} />
        </Form.Item>
      ),
    },
  ];
  return (
    <Table<GanttRow>
      rowKey={(r) => r.task.id}
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ y: 'calc(100vh - 330px)' }}
    />
  );
}
