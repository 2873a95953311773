import { Form, Typography } from 'antd';
import type { BattleMapView } from '@shared/api/contract';
import type { BattleMap } from '@shared/battlemap/types';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
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
  return (
    <FormModal<PlanValues, BattleMapView>
      open={open}
      title="排期设置"
      width={620}
      form={form}
      initialValues={planToValues(map)}
      submit={(values) => api('battlemap:settings', valuesToPlan(values))}
      okText="保存并重新排期"
      savedMessage={() => '已保存，工期已重新计算'}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        保存后按工作日重新计算每项任务的开始和完成日期；已登记的进度和周调度记录保留。
      </Typography.Paragraph>
      <PlanFields autoFocus />
    </FormModal>
  );
}
