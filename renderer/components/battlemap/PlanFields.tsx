import { Col, DatePicker, Form, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { BattleMap, ScheduleMode } from '@shared/battlemap/types';
import { fromIsoDate, toIsoDate } from '../../forms/dates';
import { MODE_OPTIONS, WEEKDAY_OPTIONS } from './labels';

export interface PlanValues {
  readonly planStart: Dayjs | null;
  readonly finalDeadline: Dayjs | null;
  readonly mode: ScheduleMode;
  readonly dispatchWeekday: number;
}

export interface PlanInput {
  readonly planStart: string;
  readonly finalDeadline: string;
  readonly mode: ScheduleMode;
  readonly dispatchWeekday: number;
}

export function planToValues(map: Pick<BattleMap, 'planStart' | 'finalDeadline' | 'mode' | 'dispatchWeekday'>): PlanValues {
  return {
    planStart: fromIsoDate(map.planStart),
    finalDeadline: fromIsoDate(map.finalDeadline),
    mode: map.mode,
    dispatchWeekday: map.dispatchWeekday,
  };
}

export function valuesToPlan(values: PlanValues): PlanInput {
  return {
    planStart: toIsoDate(values.planStart),
    finalDeadline: toIsoDate(values.finalDeadline),
    mode: values.mode,
    dispatchWeekday: values.dispatchWeekday,
  };
}

/** 计划开始日期, 总截止日期, 排期方式, 周调度日: shared by 新建 and 排期设置. */
export function PlanFields({ autoFocus = false }: { readonly autoFocus?: boolean }) {
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="planStart" label="计划开始日期" rules={[{ required: true, message: '请选择计划开始日期' }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} autoFocus={autoFocus} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="finalDeadline"
          label="总截止日期"
          dependencies={['planStart']}
          rules={[
            { required: true, message: '请选择总截止日期' },
            ({ getFieldValue }) => ({
              validator: async (_, value: Dayjs | null) => {
                const start = getFieldValue('planStart') as Dayjs | null;
                if (value && start && !value.isAfter(start, 'day')) throw new Error('总截止日期应晚于计划开始日期');
              },
            }),
          ]}
        >
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="mode" label="排期方式">
          <Radio.Group options={MODE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="dispatchWeekday" label="周调度日" extra="遇节假日提前到本周前一个工作日">
          <Select options={WEEKDAY_OPTIONS} />
        </Form.Item>
      </Col>
    </Row>
  );
}
