import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  ConfigProvider,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { VisitRow } from '@shared/api/contract';
import { VISIT_TYPES, type CheckResult, type VisitType } from '@shared/visits/types';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { toIsoDate } from '../../forms/dates';
import { useDiscardGuard } from '../../navigation/unsaved';
import { GradeTag } from '../GradeTag';
import { CHECK_RESULT_OPTIONS, problemTextFor, RECTIFY_DAYS, useVisitChecklist } from './checklist';
import type { OpenProblemRow } from './useVisitData';
import { onCheckFailed } from '../../forms/finish-failed';

interface ProblemValues {
  readonly description?: string;
  readonly deadline?: Dayjs | null;
}

interface RecordValues {
  readonly doneDate: Dayjs;
  readonly type: VisitType;
  /** One result per 督导检查要点 item, same order. */
  readonly results: CheckResult[];
  readonly problems: ProblemValues[];
  readonly notes: string;
}

export interface RecordVisitDrawerProps {
  readonly open: boolean;
  readonly visit: VisitRow | null;
  /** The visit's problems still open (for a visit already recorded). */
  readonly openProblems: readonly OpenProblemRow[];
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

const DATE_FORMAT = 'YYYY-MM-DD';
const FAILED_THEME = { token: { colorPrimary: '#cf1322' } };
const afterToday = (day: Dayjs): boolean => day.isAfter(dayjs(), 'day');

/** 记录督导: date, 督导检查要点 results, problems found (each with a 整改期限) and notes → visits:record. */
export function RecordVisitDrawer({ open, visit, openProblems, onClose, onSaved }: RecordVisitDrawerProps) {
  const done = visit !== null && visit.doneDate !== '';
  const [saving, setSaving] = useState(false);
  const checklist = useVisitChecklist(visit?.cadreLevel ?? '');
  const recording = visit !== null && !done && checklist !== null;
  const { markDirty, close } = useDiscardGuard(open && recording, onClose);
  return (
    <Drawer
      open={open}
      onClose={recording ? close : onClose}
      size={620}
      destroyOnHidden
      title={visit ? `${done ? '督导记录' : '记录督导'}：${visit.entityName}` : '记录督导'}
      styles={{ body: { paddingBlock: 12 } }}
      drawerRender={
        !recording
          ? undefined
          : (node) => (
              <RecordForm visit={visit} checklist={checklist} onEdit={markDirty} onSaving={setSaving} onSaved={onSaved}>
                {node}
              </RecordForm>
            )
      }
      footer={
        done ? (
          <Flex justify="end">
            <Button onClick={onClose}>关闭</Button>
          </Flex>
        ) : (
          <RecordFooter saving={saving} onClose={close} />
        )
      }
    >
      {visit && <VisitFacts visit={visit} />}
      {visit &&
        (done ? (
          <DoneVisit visit={visit} openProblems={openProblems} />
        ) : checklist ? (
          <RecordFields checklist={checklist} />
        ) : (
          <Spin description="正在读取督导检查要点…" />
        ))}
    </Drawer>
  );
}

/** The form around the whole drawer, so its footer button submits and Enter in a field saves. */
function RecordForm({
  visit,
  checklist,
  onEdit,
  onSaving,
  onSaved,
  children,
}: {
  readonly visit: VisitRow;
  readonly checklist: readonly string[];
  /** Any edit: closing then asks 「放弃修改？」. */
  readonly onEdit: () => void;
  readonly onSaving: (saving: boolean) => void;
  readonly onSaved: () => void;
  readonly children: ReactNode;
}) {
  const [form] = Form.useForm<RecordValues>();
  const { message } = App.useApp();

  const save = async (values: RecordValues) => {
    onSaving(true);
    try {
      await api('visits:record', {
        id: visit.id,
        doneDate: toIsoDate(values.doneDate),
        type: values.type,
        checklist: checklist.map((item, i) => ({ item, result: values.results[i] ?? '符合' })),
        problems: values.problems.map((p) => ({ description: (p.description ?? '').trim(), deadline: toIsoDate(p.deadline) })),
        notes: values.notes.trim(),
      });
      message.success(values.problems.length > 0 ? `已登记督导，发现问题 ${values.problems.length} 个，已列入问题整改台账` : '已登记督导');
      onSaved();
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      onSaving(false);
    }
  };

  // Marking an item 不符合 offers a problem to track; undoing it takes that problem back (if untouched).
  const onValuesChange = (changed: Partial<RecordValues>) => {
    onEdit();
    if (!changed.results) return;
    changed.results.forEach((result, index) => {
      const item = checklist[index];
      if (!item || result === undefined) return;
      const text = problemTextFor(item);
      const problems: ProblemValues[] = form.getFieldValue('problems') ?? [];
      const has = problems.some((p) => p.description === text);
      if (result === '不符合' && !has) {
        const from: Dayjs = form.getFieldValue('doneDate') ?? dayjs();
        form.setFieldValue('problems', [...problems, { description: text, deadline: from.add(RECTIFY_DAYS, 'day') }]);
      } else if (result !== '不符合' && has) {
        form.setFieldValue(
          'problems',
          problems.filter((p) => p.description !== text),
        );
      }
    });
  };

  return (
    <Form<RecordValues>
      form={form}
      layout="vertical"
      style={{ height: '100%' }}
      initialValues={{ doneDate: dayjs(), type: '现场', results: checklist.map(() => '符合'), problems: [], notes: '' }}
      onValuesChange={onValuesChange}
      onFinish={(values) => save(values)}
      onFinishFailed={onCheckFailed(form, message)}
      scrollToFirstError
    >
      {children}
    </Form>
  );
}

function RecordFooter({ saving, onClose }: { readonly saving: boolean; readonly onClose: () => void }) {
  return (
    <Flex justify="end" gap={8}>
      <Button onClick={onClose}>取消</Button>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存督导记录
      </Button>
    </Flex>
  );
}

function VisitFacts({ visit }: { readonly visit: VisitRow }) {
  return (
    <Descriptions
      size="small"
      column={2}
      style={{ marginBottom: 12 }}
      items={[
        { key: 'grade', label: '等级', children: visit.grade ? <GradeTag grade={visit.grade} /> : '—' },
        { key: 'planned', label: '计划日期', children: visit.plannedDate },
        { key: 'cadre', label: '包保干部', children: visit.cadreName },
        {
          key: 'region',
          label: '所属区划',
          children: <Typography.Text ellipsis={{ tooltip: visit.regionPath }}>{visit.regionPath || '—'}</Typography.Text>,
        },
      ]}
    />
  );
}

function RecordFields({ checklist }: { readonly checklist: readonly string[] }) {
  const results = Form.useWatch<CheckResult[] | undefined>('results');
  return (
    <>
      <Form.Item label="督导日期" required style={{ marginBottom: 10 }} layout="horizontal">
        <Flex align="center" gap={8}>
          <Form.Item name="doneDate" noStyle rules={[{ required: true, message: '请选择督导日期' }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={afterToday} allowClear={false} style={{ width: 160 }} aria-label="督导日期" />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            实际到现场督导的日期，不能晚于今天
          </Typography.Text>
        </Flex>
      </Form.Item>
      <Form.Item label="督导方式" style={{ marginBottom: 10 }} layout="horizontal">
        <Flex align="center" gap={8}>
          <Form.Item name="type" noStyle>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              options={VISIT_TYPES.map((t) => ({ value: t, label: t }))}
              aria-label="督导方式"
            />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            高风险等级的主体须现场督导（见设置）
          </Typography.Text>
        </Flex>
      </Form.Item>

      <Typography.Text strong>督导检查要点</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        选“不符合”会自动添加一条待整改问题
      </Typography.Text>
      <div role="list" aria-label="督导检查要点" style={{ margin: '6px 0 12px', border: '1px solid #f0f0f0', borderRadius: 8 }}>
        {checklist.map((item, index) => (
          <Flex
            key={item}
            role="listitem"
            align="center"
            gap={8}
            style={{
              padding: '4px 10px',
              borderTop: index === 0 ? undefined : '1px solid #f0f0f0',
              background: results?.[index] === '不符合' ? '#fff1f0' : undefined,
            }}
          >
            <span style={{ flex: 1, minWidth: 0, fontSize: 13 }}>
              {index + 1}. {item}
            </span>
            {/* 不符合 chosen shows in red, the other answers in the usual blue. */}
            <ConfigProvider theme={results?.[index] === '不符合' ? FAILED_THEME : undefined}>
              <Form.Item name={['results', index]} noStyle>
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  options={CHECK_RESULT_OPTIONS as { value: CheckResult; label: string }[]}
                  aria-label={item}
                />
              </Form.Item>
            </ConfigProvider>
          </Flex>
        ))}
      </div>

      <Typography.Text strong>发现的问题</Typography.Text>
      <Form.List name="problems">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 6 }}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'description']}
                  rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                >
                  <Input placeholder={`问题 ${index + 1}：写明发现的问题`} maxLength={500} aria-label={`问题 ${index + 1} 描述`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'deadline']}
                  dependencies={['doneDate']}
                  rules={[
                    { required: true, message: '请选择整改期限' },
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: Dayjs | null | undefined) => {
                        const from: Dayjs | undefined = getFieldValue('doneDate');
                        if (value && from && value.isBefore(from, 'day')) throw new Error('整改期限不能早于督导日期');
                      },
                    }),
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <DatePicker
                    format={DATE_FORMAT}
                    placeholder="整改期限"
                    style={{ width: 140 }}
                    aria-label={`问题 ${index + 1} 整改期限`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={`删除问题 ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              block
              onClick={() => add({ description: '', deadline: dayjs().add(RECTIFY_DAYS, 'day') })}
              style={{ marginBottom: 12 }}
            >
              添加问题
            </Button>
          </div>
        )}
      </Form.List>

      <Form.Item name="notes" label="备注" style={{ marginBottom: 0 }}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="现场情况、整改要求等（可不填）" />
      </Form.Item>
    </>
  );
}

/** A visit already recorded: what is known of it, and where its problems are handled. */
function DoneVisit({ visit, openProblems }: { readonly visit: VisitRow; readonly openProblems: readonly OpenProblemRow[] }) {
  return (
    <Flex vertical gap={12}>
      <Alert
        type="success"
        showIcon
        title={`已于 ${visit.doneDate} 完成督导（${visit.type}）`}
        description={
          visit.problems === 0
            ? '这次督导没有发现问题。'
            : `发现问题 ${visit.problems} 个，${visit.openProblems > 0 ? `尚有 ${visit.openProblems} 个未整改，请到“问题整改台账”登记整改结果。` : '已全部整改完成。'}`
        }
      />
      {openProblems.length > 0 ? (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>未整改的问题</Typography.Text>}
          dataSource={openProblems as OpenProblemRow[]}
          renderItem={(p) => (
            <List.Item extra={p.overdue ? <Tag color="red">已逾期</Tag> : null}>
              <List.Item.Meta title={p.problem.description} description={`整改期限 ${p.problem.deadline}`} />
            </List.Item>
          )}
        />
      ) : (
        visit.problems > 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="问题已全部整改" />
      )}
    </Flex>
  );
}
