import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch, type FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { REGION_LEVEL_LABELS, type Cadre, type CadreLevel, type Region } from '@shared/domain/schemas';
import { api } from '../api/client';
import { showApiErrorOnForm } from '../forms/api-errors';
import { cadreToFormValues, formValuesToCadreInput, type CadreFormValues } from '../forms/cadre-form-values';
import { phoneRule, required } from '../forms/validators';
import { CADRE_LEVEL_OPTIONS } from './CadreToolbar';
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
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const save = async (values: CadreFormValues) => {
    setSaving(true);
    try {
      const saved = await api('cadres:save', formValuesToCadreInput(values, cadre?.id));
      message.success('已保存');
      onSaved(saved);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  // A cadre serves a region of their own level: a new level empties a region that no longer fits.
  const onValuesChange = (changed: Partial<CadreFormValues>) => {
    if (!changed.level) return;
    const region = regions.find((r) => r.id === form.getFieldValue('regionId'));
    if (region && region.level !== changed.level) form.setFieldValue('regionId', undefined);
  };

  return (
    <Modal
      open={open}
      title={cadre ? `编辑干部：${cadre.name}` : '新增干部'}
      width={760}
      style={{ top: 20 }}
      styles={{ body: { maxHeight: 'calc(100vh - 170px)', overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 8 } }}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={onClose}
      // The dialog focuses its close button on open; the clerk wants to type straight away.
      afterOpenChange={(opened) => opened && form.getFieldInstance('name')?.focus()}
      destroyOnHidden
      // A stray click beside the form must not throw away what was typed.
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<CadreFormValues>
          form={form}
          layout="vertical"
          initialValues={cadreToFormValues(cadre)}
          onValuesChange={onValuesChange}
          onFinish={(values) => void save(values)}
          onFinishFailed={() => message.error('有填写不正确的项目，请按红色提示修改后再保存')}
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      <CadreFormFields form={form} regions={regions} />
    </Modal>
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
            rules={[{ required: true, message: level ? `请选择包保区域（${REGION_LEVEL_LABELS[level]}一级）` : '请先选择层级，再选择包保区域' }]}
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
