import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import type { BattleMap } from '@shared/battlemap/types';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { PlanFields, planToValues, valuesToPlan, type PlanValues } from './PlanFields';

export interface SettingsModalProps {
  readonly open: boolean;
  readonly map: BattleMap;
  readonly onClose: () => void;
  readonly onSaved: (view: BattleMapView) => void;
}

/** 排期设置: the plan's dates, mode and 周调度 weekday (battlemap:settings). Enter saves, Esc closes. */
export function SettingsModal({ open, map, onClose, onSaved }: SettingsModalProps) {
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const save = async (values: PlanValues) => {
    setSaving(true);
    try {
      const view = await api('battlemap:settings', valuesToPlan(values));
      message.success('已保存，工期已重新计算');
      onSaved(view);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="排期设置"
      width={620}
      okText="保存并重新排期"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<PlanValues> form={form} layout="vertical" initialValues={planToValues(map)} onFinish={(v) => void save(v)}>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        保存后按工作日重新计算每项任务的开始和完成日期；已登记的进度和周调度记录保留。
      </Typography.Paragraph>
      <PlanFields autoFocus />
    </Modal>
  );
}
