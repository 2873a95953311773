import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, type FormRule } from 'antd';
import {
  BUSINESS_KINDS,
  CANTEEN_KINDS,
  ENTITY_STATUSES,
  ENTITY_TYPES,
  GRADES,
  SCALES,
  type Entity,
  type Region,
} from '@shared/domain/schemas';
import { api } from '../api/client';
import { entityToFormValues, formValuesToEntityInput, type EntityFormValues } from '../forms/entity-form-values';
import { licenseWarningRule, phoneRule, required, usccRule } from '../forms/validators';
import { useReference } from '../hooks/useReference';
import { FormModal } from './FormModal';
import { RegionTreeSelect } from './RegionTreeSelect';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const GRADE_OPTIONS = GRADES.map((g) => ({ value: g, label: `${g}级` }));
// docs/domain.md#包保主体的规则: a 主体 sits at a village, or at its 乡镇 when the village is unknown.
const ENTITY_REGION_SELECTABLE = (region: Region) => region.level === 'township' || region.level === 'village';

export interface EntityFormProps {
  readonly open: boolean;
  /** null: a new 主体. */
  readonly entity: Entity | null;
  readonly regions: readonly Region[];
  readonly onClose: () => void;
  readonly onSaved: (saved: Entity) => void;
}

/** Create or edit one 主体. Enter saves, Esc closes; nothing is sent while a field is invalid. */
export function EntityForm({ open, entity, regions, onClose, onSaved }: EntityFormProps) {
  const [form] = Form.useForm<EntityFormValues>();
  return (
    <FormModal<EntityFormValues, Entity>
      open={open}
      title={entity ? `编辑主体：${entity.name}` : '新增主体'}
      width={1000}
      tall
      form={form}
      initialValues={entityToFormValues(entity)}
      submit={(values) => api('entities:save', formValuesToEntityInput(values, entity?.id))}
      onSaved={onSaved}
      onClose={onClose}
    >
      <EntityFormFields regions={regions} />
    </FormModal>
  );
}

function EntityFormFields({ regions }: { readonly regions: readonly Region[] }) {
  const regulatorList = useReference('regulators:list');
  const regulators = regulatorList.value ?? [];
  return (
    <>
      {regulatorList.error && (
        <Alert
          type="warning"
          showIcon
          title={`网格监管人员名单读取失败（${regulatorList.error}），可先保存其他内容，稍后再选`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label="主体名称" rules={[required('请填写主体名称')]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="uscc" label="统一社会信用代码" rules={[usccRule]}>
            <Input maxLength={30} placeholder="18位" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="license" label="许可证编号" rules={[licenseWarningRule]}>
            <Input maxLength={40} placeholder="SC/JY加14位数字，或备案号" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="type" label="主体类型" rules={[{ required: true, message: '请选择主体类型' }]}>
            <Select options={options(ENTITY_TYPES)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="grade" label="包保等级" rules={[{ required: true, message: '请选择包保等级' }]}>
            <Select options={GRADE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="scale" label="规模">
            <Select options={options(SCALES)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="status" label="经营状态">
            <Select options={options(ENTITY_STATUSES)} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="businessKinds" label="业态">
            <Select mode="multiple" options={options(BUSINESS_KINDS)} placeholder="可多选" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="chainHeadquarters" label="连锁总部" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="regionId"
            label="所属区划（乡镇或村）"
            rules={[{ required: true, message: '请选择所属区划（选到乡镇或村一级）' }]}
          >
            <RegionTreeSelect regions={regions} selectable={ENTITY_REGION_SELECTABLE} placeholder="输入名称查找" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label="地址">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="legalRep" label="法定代表人 / 主要负责人">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="legalRepPhone" label="联系电话" rules={[phoneRule]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regulatorId" label="网格监管人员">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="输入姓名查找"
              options={regulators.map((r) => ({ value: r.id, label: `${r.name}（${r.unit || '未填单位'}）` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <PeopleFields />
      <DutyFields />
      <Form.Item name="notes" label="备注">
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

/** A 总监 phone or 食堂 headcount without its partner field is half an entry: say which half is missing. */
const needsPartner =
  (partner: (string | number)[], message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      const partnerValue: unknown = getFieldValue(partner);
      const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
      if (empty(value) && !empty(partnerValue)) throw new Error(message);
    },
  });

function PeopleFields() {
  return (
    <>
      <Divider titlePlacement="start" plain>
        食品安全总监、食品安全员与食堂
      </Divider>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name={['director', 'name']}
            label="食品安全总监姓名"
            dependencies={[['director', 'phone']]}
            rules={[needsPartner(['director', 'phone'], '填写了总监电话，请同时填写总监姓名')]}
          >
            <Input maxLength={30} placeholder="未配备可不填" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['director', 'phone']} label="总监电话" rules={[phoneRule]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={['canteen', 'kind']}
            label="集中用餐食堂类型"
            dependencies={[['canteen', 'mealHeadcount']]}
            rules={[needsPartner(['canteen', 'mealHeadcount'], '填写了就餐人数，请选择食堂类型')]}
          >
            <Select allowClear options={options(CANTEEN_KINDS)} placeholder="不是食堂可不选" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={['canteen', 'mealHeadcount']}
            label="每餐就餐人数"
            dependencies={[['canteen', 'kind']]}
            rules={[needsPartner(['canteen', 'kind'], '选择了食堂类型，请填写每餐就餐人数')]}
          >
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} suffix="人" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="safetyOfficers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={12} key={field.key} align="bottom">
                <Col span={6}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={`食品安全员 ${index + 1} 姓名`}
                    rules={[required('请填写食品安全员姓名，或点右侧按钮删除此行')]}
                  >
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'phone']} label="电话" rules={[phoneRule]}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item>
                    <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                      删除此行
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '' })}>
                添加食品安全员
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}

function DutyFields() {
  const duties = [
    ['dailyWeeklyMonthly', '建立日管控周排查月调度'],
    ['riskList', '建立风险管控清单'],
    ['riskSystem', '纳入风险管控系统'],
    ['commitment', '签订主体责任承诺书'],
  ] as const;
  return (
    <>
      <Divider titlePlacement="start" plain>
        企业主体责任落实（填写日期；未落实留空）
      </Divider>
      <Row gutter={12}>
        {duties.map(([key, label]) => (
          <Col span={6} key={key}>
            <Form.Item name={['duties', key]} label={label}>
              <DatePicker style={{ width: '100%' }} placeholder="未落实" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
