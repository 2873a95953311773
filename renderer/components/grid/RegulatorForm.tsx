import { Col, Form, Input, Row, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Region, Regulator } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { phoneRule, required } from '../../forms/validators';
import { buildRegionTree } from '../../regions/region-tree';
import { FormModal } from '../FormModal';

interface RegulatorFormValues {
  readonly name: string;
  readonly unit: string;
  readonly phone: string;
  readonly regionIds: string[];
}

export interface RegulatorFormProps {
  readonly open: boolean;
  /** null: a new grid regulator. */
  readonly regulator: Regulator | null;
  readonly regions: readonly Region[];
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

/** A grid is one or more 旗区 / 乡镇 / 村; the whole city is never one person's grid. */
const notCity = (region: Region): boolean => region.level !== 'city';

/** Create or edit one 网格监管人员. Enter saves, Esc closes. */
export function RegulatorForm({ open, regulator, regions, onClose, onSaved }: RegulatorFormProps) {
  const [form] = Form.useForm<RegulatorFormValues>();
  const treeData = useMemo(() => buildRegionTree(regions, { selectable: notCity }), [regions]);
  return (
    <FormModal<RegulatorFormValues, Regulator>
      open={open}
      title={regulator ? `编辑网格监管人员：${regulator.name}` : '新增网格监管人员'}
      width={640}
      form={form}
      initialValues={{
        name: regulator?.name ?? '',
        unit: regulator?.unit ?? '',
        phone: regulator?.phone ?? '',
        regionIds: [...(regulator?.regionIds ?? [])],
      }}
      submit={(values) => api('regulators:save', { ...values, ...(regulator ? { id: regulator.id } : {}) })}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="name" label="姓名" rules={[required('请填写姓名')]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="phone" label="联系电话" rules={[phoneRule]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="unit" label="工作单位">
        <Input maxLength={100} placeholder="如：东胜区市场监督管理局交通市场监督管理所" />
      </Form.Item>
      <Form.Item
        name="regionIds"
        label="负责网格（可选多个旗区、乡镇或村）"
        rules={[{ required: true, type: 'array', min: 1, message: '请选择负责的网格（至少一个区划）' }]}
      >
        <TreeSelect
          multiple
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeNodeLabelProp="path"
          placeholder="输入名称查找"
          notFoundContent="没有匹配的区划"
          maxTagCount={6}
        />
      </Form.Item>
    </FormModal>
  );
}
