import { ScheduleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Result } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import { api } from '../../api/client';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { PlanFields, valuesToPlan, type PlanValues } from './PlanFields';
import { onCheckFailed } from '../../forms/finish-failed';

export interface CreateBattleMapProps {
  readonly calendarNotes: readonly string[];
  readonly onCreated: (view: BattleMapView) => void;
}

/** No 作战图 yet: what it is, and a form that starts one from the shipped template. */
export function CreateBattleMap({ calendarNotes, onCreated }: CreateBattleMapProps) {
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const create = async (values: PlanValues) => {
    setSaving(true);
    try {
      const view = await api('battlemap:create', valuesToPlan(values));
      message.success(`已从模板新建作战图，共 ${view.map?.tasks.length ?? 0} 项任务`);
      onCreated(view);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  // No default 总截止日期: the whole plan is counted back from it, so the clerk must choose it (Enter
  // in the start date then asks for it instead of creating a plan on a guessed date).
  const initial: PlanValues = { planStart: dayjs(), finalDeadline: null, mode: 'backward', dispatchWeekday: 5 };
  return (
    <Flex vertical align="center" style={{ height: '100%', overflowY: 'auto' }}>
      <Result
        icon={<ScheduleOutlined />}
        title="还没有作战图"
        subTitle="作战图列明各项工作任务、责任单位和时限要求：倒排工期即从总截止日期按工作日（含节假日和调休）往前推算每项任务的开始和完成日期；周调度每周固定一天登记各任务进展，逾期和滞后的任务会醒目标出。"
        style={{ padding: '24px 32px 12px', maxWidth: 760 }}
      />
      <Card title="从模板新建" style={{ width: 640 }} styles={{ body: { paddingBottom: 8 } }}>
        <Form<PlanValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(values) => void create(values)}
          onFinishFailed={onCheckFailed(form, message, '有填写不正确的项目，请按红色提示修改')}
        >
          <PlanFields autoFocus />
          {calendarNotes.length > 0 && <Alert type="warning" showIcon title={calendarNotes.join(' ')} style={{ marginBottom: 12 }} />}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} icon={<ScheduleOutlined />}>
              从模板新建作战图
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}
