import { Alert, App, Checkbox, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CadreRow } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { useApiQuery } from '../../api/queries';
import { toIsoDate } from '../../forms/dates';
import { useDiscardGuard } from '../../navigation/unsaved';
import { CadreFacts, CadrePicker, type LevelCaps } from '../CadrePicker';

export interface ReplaceCadreModalProps {
  readonly open: boolean;
  /** Each level's most 主体 per cadre; read here when not given (the cadre's own drawer). */
  readonly caps?: LevelCaps;
  /** The leaving cadre chosen already (干部变动 from the cadre's drawer). */
  readonly leaving?: CadreRow | null;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

interface ReplaceValues {
  readonly fromCadreId: CadreRow | null;
  readonly toCadreId: CadreRow | null;
  readonly date: Dayjs | null;
  readonly deactivate: boolean;
}

/**
 * 干部变动: every current 主体 of the leaving cadre moves to the successor (assign:replaceCadre);
 * both keep the history. Enter confirms, Esc closes.
 */
export function ReplaceCadreModal({ open, caps: givenCaps, leaving: preset = null, onClose, onDone }: ReplaceCadreModalProps) {
  const [form] = Form.useForm<ReplaceValues>();
  const caps = useLevelCaps(givenCaps, open);
  // A successor picked and not yet confirmed is asked about before Esc, × or 取消 drop it.
  const guard = useDiscardGuard(open, onClose);
  const leaving = Form.useWatch('fromCadreId', form) ?? null;
  const successor = Form.useWatch('toCadreId', form) ?? null;
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const save = async (values: ReplaceValues) => {
    if (!values.fromCadreId || !values.toCadreId) return;
    setSaving(true);
    try {
      const { moved } = await api('assign:replaceCadre', {
        fromCadreId: values.fromCadreId.id,
        toCadreId: values.toCadreId.id,
        deactivate: values.deactivate,
        ...(values.date ? { date: toIsoDate(values.date) } : {}),
      });
      message.success(`已移交 ${moved} 个主体：${values.fromCadreId.name} → ${values.toCadreId.name}`);
      onDone();
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  const moving = leaving?.entityCount ?? 0;
  return (
    <Modal
      open={open}
      title="干部变动（移交包保主体）"
      width={660}
      style={{ top: 40 }}
      okText={moving > 0 ? `确认移交 ${moving} 个主体` : '确认'}
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', disabled: !leaving || !successor }}
      onCancel={guard.close}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<ReplaceValues>
          // Each opening starts from its own initialValues (the form instance outlives the dialog: FormModal.tsx).
          clearOnDestroy
          form={form}
          layout="vertical"
          initialValues={{ fromCadreId: preset, toCadreId: null, date: dayjs(), deactivate: true }}
          onValuesChange={(changed: Partial<ReplaceValues>) => {
            guard.markDirty();
            // A new leaving cadre changes who is suggested; the old choice of successor may not fit.
            if ('fromCadreId' in changed) form.setFieldValue('toCadreId', null);
          }}
          onFinish={(v) => void save(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        离任干部当前包保的全部主体移交给接任干部：原关系结束、新关系开始，原因均记为“干部变动”，双方的历史记录都会保留。按规定应在干部变动后
        7 个工作日内完成调整。
      </Typography.Paragraph>
      <Form.Item
        name="fromCadreId"
        label="离任干部"
        rules={[{ required: true, message: '请选择离任干部' }]}
        extra={leaving ? <CadreFacts row={leaving} caps={caps} /> : '输入姓名、拼音首字母或电话查找'}
        style={{ marginBottom: 12 }}
      >
        <CadrePicker activeOnly={false} onEnter={form.submit} caps={caps} placeholder="选择离任干部" autoFocus={!preset} />
      </Form.Item>
      {leaving && moving === 0 && (
        <Alert type="info" showIcon title="该干部当前没有包保主体，无需移交；确认后只更新在岗状态。" style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="toCadreId"
        label="接任干部（只列在岗干部，同层级、同区域的排在前面）"
        rules={[{ required: true, message: '请选择接任干部' }]}
        extra={successor ? <CadreFacts row={successor} caps={caps} adding={moving} /> : leaving ? '' : '请先选择离任干部'}
        style={{ marginBottom: 12 }}
      >
        <CadrePicker
          activeOnly
          autoFocus={Boolean(preset)}
          onEnter={form.submit}
          caps={caps}
          prefer={leaving ? { level: leaving.level, regionPath: leaving.regionPath } : null}
          excludeId={leaving?.id}
          placeholder={leaving ? `选择接任干部（建议${CADRE_LEVEL_LABELS[leaving.level]}）` : '选择接任干部'}
        />
      </Form.Item>
      {leaving && successor && successor.level !== leaving.level && (
        <Alert
          type="warning"
          showIcon
          title={`接任干部是${CADRE_LEVEL_LABELS[successor.level]}，离任干部是${CADRE_LEVEL_LABELS[leaving.level]}：移交后这些主体会出现“层级不符”。`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item name="date" label="移交日期" rules={[{ required: true, message: '请选择移交日期' }]} style={{ marginBottom: 8 }}>
        <DatePicker allowClear={false} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="deactivate" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>将离任干部设为不在岗</Checkbox>
      </Form.Item>
    </Modal>
  );
}

/** The caps given, or each level's cap as the 包保关系 screen reads them (assign:loads). */
function useLevelCaps(given: LevelCaps | undefined, open: boolean): LevelCaps {
  const loads = useApiQuery('assign:loads', {}, { enabled: open && !given }).result;
  if (given) return given;
  const caps: Partial<Record<CadreRow['level'], number>> = {};
  for (const load of loads ?? []) caps[load.level] = load.cap;
  return caps;
}
