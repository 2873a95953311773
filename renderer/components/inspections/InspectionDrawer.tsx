import { Alert, App, Button, ConfigProvider, DatePicker, Drawer, Flex, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { InspectionRow } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS, type Cadre } from '@shared/domain/schemas';
import {
  FULFILMENTS,
  INSPECTION_RESULTS,
  INSPECTOR_LEVEL_LABELS,
  INSPECTOR_LEVELS,
  type Fulfilment,
  type InspectionResult,
  type InspectorLevel,
} from '@shared/inspections/types';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiQuery } from '../../api/queries';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { fromIsoDate, toIsoDate } from '../../forms/dates';
import { useDiscardGuard } from '../../navigation/unsaved';
import { onCheckFailed } from '../../forms/finish-failed';

/** The form holds what is chosen per item; the items' texts stay in `initial` (a list no one edits here). */
interface ItemValues {
  readonly result: Fulfilment;
  readonly note?: string;
}

interface InspectionValues {
  readonly date: Dayjs;
  readonly inspectorLevel: InspectorLevel;
  readonly team: string;
  readonly inspectors: string;
  readonly items: ItemValues[];
  readonly result: InspectionResult;
  readonly notes?: string;
}

export interface InspectionDrawerProps {
  readonly open: boolean;
  readonly cadre: Cadre;
  /** The record to correct; null records a new 督查 against the 督查清单 of 设置. */
  readonly record: InspectionRow | null;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

const FAILED_THEME = { token: { colorPrimary: '#cf1322' } };
const afterToday = (day: Dayjs): boolean => day.isAfter(dayjs(), 'day');

/** 记录督查: a 督查组 checks one cadre against the 督查清单, item by item (落实/未落实 with notes). */
export function InspectionDrawer({ open, cadre, record, onClose, onSaved }: InspectionDrawerProps) {
  const [form] = Form.useForm<InspectionValues>();
  const { message, modal } = App.useApp();
  const [initial, setInitial] = useState<(InspectionValues & { readonly texts: readonly string[] }) | null>(null);
  // A new 督查 starts from the 督查清单 and the office's level in 设置 (read again after 设置 changes them).
  const settings = useApiQuery('profile:get', {}, { enabled: open && record === null });
  const defaults = settings.result?.profile;
  const loadError = record === null && settings.error ? `督查清单读取失败：${settings.error}` : '';
  const [saving, setSaving] = useState(false);
  // Once the clerk picks the 总体评价 it is theirs; until then it follows the items.
  const [resultChosen, setResultChosen] = useState(false);
  const { markDirty, close } = useDiscardGuard(open, onClose);

  useEffect(() => {
    if (!open) return;
    setResultChosen(record !== null);
    if (record) {
      setInitial({
        ...record,
        date: fromIsoDate(record.date) ?? dayjs(),
        texts: record.items.map((i) => i.item),
        items: record.items.map(({ result, note }) => ({ result, note })),
      });
      return;
    }
    setInitial(
      defaults
        ? {
            date: dayjs(),
            // The office's own level by default: a 旗区 office records its own 督查组's checks.
            inspectorLevel: defaults.orgLevel === 'village' ? 'township' : defaults.orgLevel,
            team: '',
            inspectors: '',
            texts: defaults.inspectionItems,
            items: defaults.inspectionItems.map(() => ({ result: '落实', note: '' })),
            result: '合格',
            notes: '',
          }
        : null,
    );
  }, [open, record, defaults]);

  const save = async (values: InspectionValues, texts: readonly string[]) => {
    setSaving(true);
    try {
      await api('inspections:save', {
        ...(record ? { id: record.id } : {}),
        cadreId: cadre.id,
        date: toIsoDate(values.date),
        inspectorLevel: values.inspectorLevel,
        team: values.team.trim(),
        inspectors: values.inspectors.trim(),
        items: values.items.map((i, n) => ({ item: texts[n] ?? '', result: i.result, note: (i.note ?? '').trim() })),
        result: values.result,
        notes: (values.notes ?? '').trim(),
      });
      const unmet = values.items.filter((i) => i.result === '未落实').length;
      message.success(`已${record ? '修改' : '记录'}督查：未落实 ${unmet} 项，总体评价 ${values.result}`);
      onSaved();
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  const remove = (target: InspectionRow) =>
    modal.confirm({
      title: `删除 ${target.date} 的督查记录？`,
      content: '删除后不可恢复（可从备份恢复）。只删除录错的记录。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('inspections:delete', { id: target.id });
          message.success('已删除督查记录');
          onSaved();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  const onValuesChange = (changed: Partial<InspectionValues>) => {
    markDirty();
    if (changed.result) setResultChosen(true);
    else if (changed.items && !resultChosen) {
      const items: ItemValues[] = form.getFieldValue('items') ?? [];
      form.setFieldValue('result', items.some((i) => i.result === '未落实') ? '基本合格' : '合格');
    }
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size={640}
      destroyOnHidden
      title={`${record ? '督查记录' : '记录督查'}：${cadre.name}（${CADRE_LEVEL_LABELS[cadre.level]}）`}
      styles={{ body: { paddingBlock: 12 } }}
      footer={
        <Flex justify="end" gap={8}>
          {record && (
            <Button danger onClick={() => remove(record)} style={{ marginInlineEnd: 'auto' }}>
              删除
            </Button>
          )}
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} disabled={!initial} onClick={() => form.submit()}>
            保存督查记录
          </Button>
        </Flex>
      }
    >
      {/* Esc in a field is 取消 too: inside the cadre's drawer the nested drawer does not see it. */}
      <div
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          close();
        }}
      >
        {loadError ? (
          <Alert type="error" showIcon title={loadError} />
        ) : !initial ? (
          <Spin description="正在读取督查清单…" />
        ) : (
          <Form<InspectionValues>
            // Each opening starts from its own initialValues (the form instance outlives the dialog: FormModal.tsx).
            clearOnDestroy
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={initial}
            onValuesChange={onValuesChange}
            onFinish={(values) => void save(values, initial.texts)}
            onFinishFailed={onCheckFailed(form, message)}
            scrollToFirstError
          >
            <Flex gap={12}>
              <Form.Item name="date" label="督查日期" rules={[{ required: true, message: '请选择督查日期' }]} style={{ marginBottom: 10 }}>
                <DatePicker format="YYYY-MM-DD" disabledDate={afterToday} allowClear={false} style={{ width: 150 }} aria-label="督查日期" />
              </Form.Item>
              <Form.Item name="inspectorLevel" label="督查组级别" style={{ marginBottom: 10 }}>
                <Select
                  style={{ width: 140 }}
                  aria-label="督查组级别"
                  options={INSPECTOR_LEVELS.map((l) => ({ value: l, label: INSPECTOR_LEVEL_LABELS[l] }))}
                />
              </Form.Item>
            </Flex>
            <Flex gap={12}>
              <Form.Item
                name="team"
                label="督查组"
                rules={[{ required: true, whitespace: true, message: '请填写督查组' }]}
                style={{ flex: 3, marginBottom: 10 }}
              >
                <Input maxLength={60} placeholder="如：市食安委第二督查组" />
              </Form.Item>
              <Form.Item
                name="inspectors"
                label="督查人"
                rules={[{ required: true, whitespace: true, message: '请填写督查人' }]}
                style={{ flex: 2, marginBottom: 10 }}
              >
                <Input maxLength={60} placeholder="如：赵刚、钱丽" />
              </Form.Item>
            </Flex>
            <Typography.Text strong>督查清单</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              逐项对照责任清单、任务清单的落实情况，未落实的写明情况
            </Typography.Text>
            <InspectionItems texts={initial.texts} />
            <Form.Item name="result" label="总体评价" style={{ marginBottom: 10 }} layout="horizontal">
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="small"
                options={INSPECTION_RESULTS.map((r) => ({ value: r, label: r }))}
                aria-label="总体评价"
              />
            </Form.Item>
            <Form.Item name="notes" label="备注" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder="督查意见、整改要求等（可不填）" />
            </Form.Item>
          </Form>
        )}
      </div>
    </Drawer>
  );
}

/** The 督查清单's items, each with 落实/未落实 and a note. */
function InspectionItems({ texts }: { readonly texts: readonly string[] }) {
  const items = Form.useWatch<ItemValues[] | undefined>('items');
  return (
    <Form.List name="items">
      {(fields) => (
        <div role="list" aria-label="督查清单" style={{ margin: '6px 0 12px', border: '1px solid #f0f0f0', borderRadius: 8 }}>
          {fields.map((field, index) => {
            const unmet = items?.[index]?.result === '未落实';
            const text = texts[index] ?? '';
            return (
              <div
                key={field.key}
                role="listitem"
                style={{
                  padding: '4px 10px',
                  borderTop: index === 0 ? undefined : '1px solid #f0f0f0',
                  background: unmet ? '#fff1f0' : undefined,
                }}
              >
                <Flex align="center" gap={8}>
                  <span style={{ flex: 1, minWidth: 0, fontSize: 13 }}>
                    {index + 1}. {text}
                  </span>
                  <ConfigProvider theme={unmet ? FAILED_THEME : undefined}>
                    <Form.Item name={[field.name, 'result']} noStyle>
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        options={FULFILMENTS.map((f) => ({ value: f, label: f }))}
                        aria-label={text}
                      />
                    </Form.Item>
                  </ConfigProvider>
                </Flex>
                {unmet && (
                  <Form.Item name={[field.name, 'note']} style={{ margin: '4px 0 2px' }}>
                    <Input size="small" maxLength={300} placeholder="未落实的情况" aria-label={`第 ${index + 1} 项说明`} />
                  </Form.Item>
                )}
              </div>
            );
          })}
        </div>
      )}
    </Form.List>
  );
}
