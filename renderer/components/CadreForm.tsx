import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { REGION_LEVEL_LABELS, type Cadre, type CadreLevel, type Region } from '@shared/domain/schemas';
import { api } from '../api/client';
import { cadreToFormValues, formValuesToCadreInput, type CadreFormValues } from '../forms/cadre-form-values';
import { phoneRule, required } from '../forms/validators';
import { CADRE_LEVEL_OPTIONS } from './CadreToolbar';
import { FormModal } from './FormModal';
import { RegionTreeSelect } from './RegionTreeSelect';

export interface CadreFormProps {
  readonly open: boolean;
  /** null: a new cadre. */
  readonly cadre: Cadre | null;
  readonly regions: readonly Region[];
  readonly onClose: () => void;
  readonly onSaved: (saved: Cadre) => void;
}

/** Create or edit one cadre. Enter saves, Esc closes; nothing is sent while a field is invalid. */
export function CadreForm({ open, cadre, regions, onClose, onSaved }: CadreFormProps) {
  const [form] = Form.useForm<CadreFormValues>();

  // A cadre serves a region of their own level: a new level empties a region that no longer fits.
  const onValuesChange = (changed: Partial<CadreFormValues>) => {
    if (!changed.level) return;
    const region = regions.find((r) => r.id === form.getFieldValue('regionId'));
    if (region && region.level !== changed.level) form.setFieldValue('regionId', undefined);
  };

  return (
    <FormModal<CadreFormValues, Cadre>
      open={open}
      title={cadre ? `编辑干部：${cadre.name}` : '新增干部'}
      width={760}
      tall
      form={form}
      initialValues={cadreToFormValues(cadre)}
      submit={(values) => api('cadres:save', formValuesToCadreInput(values, cadre?.id))}
      onSaved={onSaved}
      onClose={onClose}
      onValuesChange={onValuesChange}
    >
      <CadreFormFields form={form} regions={regions} />
    </FormModal>
  );
}

function CadreFormFields({ form, regions }: { readonly form: FormInstance<CadreFormValues>; readonly regions: readonly Region[] }) {
  const level = Form.useWatch('level', form);
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="name" label="姓名" rules={[required('请填写干部姓名')]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label="联系电话" rules={[phoneRule]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="active" label="在岗" valuePropName="checked">
            <Switch checkedChildren="在岗" unCheckedChildren="不在岗" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="unit" label="工作单位">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="position" label="职务">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="level" label="层级" rules={[{ required: true, message: '请选择干部层级' }]}>
            <Select options={CADRE_LEVEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="regionId"
            label={level ? `包保区域（选到${REGION_LEVEL_LABELS[level]}一级）` : '包保区域'}
            rules={[
              { required: true, message: level ? `请选择包保区域（${REGION_LEVEL_LABELS[level]}一级）` : '请先选择层级，再选择包保区域' },
            ]}
          >
            <CadreRegionSelect regions={regions} level={level} />
          </Form.Item>
        </Col>
      </Row>
      <CommitmentFields />
      <Form.Item name="notes" label="备注">
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

/** Only regions of the cadre's own level can be picked; deeper levels are not even listed. */
function CadreRegionSelect({
  regions,
  level,
  ...field
}: {
  readonly regions: readonly Region[];
  readonly level: CadreLevel | undefined;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly id?: string;
}) {
  const selectable = useMemo(() => (region: Region) => region.level === level, [level]);
  if (!level) return <Select disabled placeholder="请先选择层级" />;
  return <RegionTreeSelect {...field} regions={regions} selectable={selectable} deepest={level} placeholder="输入名称查找" />;
}

function CommitmentFields() {
  return (
    <>
      <Divider titlePlacement="start" plain>
        《食品安全责任与任务承诺书》签订情况
      </Divider>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={12} key={field.key} align="bottom">
                <Col span={8}>
                  <Form.Item name={[field.name, 'year']} label="年度" rules={[{ required: true, message: '请填写年度，如 2027' }]}>
                    <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} suffix="年" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'signedOn']} label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item>
                    <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                      删除此行
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear(), signedOn: null })}>
                添加签订记录
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}
