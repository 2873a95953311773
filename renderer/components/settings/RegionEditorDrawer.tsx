import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Tree, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { REGION_LEVELS, REGION_LEVEL_LABELS, type Region, type RegionLevel } from '@shared/domain/schemas';
import { RegionIndex } from '@shared/domain/regions';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { showApiErrorOnForm } from '../../forms/api-errors';
import { useConfirmDiscard, useUnsavedChanges } from '../../navigation/unsaved';
import { required } from '../../forms/validators';
import { useReference } from '../../hooks/useReference';
import { buildRegionTree } from '../../regions/region-tree';
import { RegionTreeSelect } from '../RegionTreeSelect';

interface RegionValues {
  readonly name: string;
  readonly code: string;
  readonly kind: string;
}

const CODE_RULE = { pattern: /^(\d{6}|\d{12})?$/, message: '区划代码应为6位或12位数字，不知道可留空' };
const TREE_HEIGHT = 560;

const childLevel = (level: RegionLevel): RegionLevel | undefined => REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1];

export interface RegionEditorDrawerProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/** 行政区划 (docs/domain.md#行政区划的规则) built by hand: the city, its 旗区, 乡镇 and 村, one level at a time. */
export function RegionEditorDrawer({ open, onClose }: RegionEditorDrawerProps) {
  const regionList = useReference('regions:list');
  const regions = useMemo(() => regionList.value ?? [], [regionList.value]);
  const index = useMemo(() => new RegionIndex(regions), [regions]);
  const treeData = useMemo(() => buildRegionTree(regions), [regions]);
  const [selectedId, setSelectedId] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const selected = index.get(selectedId);
  // The cards (修改, 新增) holding typed changes not yet saved: closing the drawer asks first.
  const [dirtyCards, setDirtyCards] = useState<ReadonlySet<string>>(new Set());
  const markCard = (card: string, dirty: boolean) =>
    setDirtyCards((cards) =>
      cards.has(card) === dirty ? cards : new Set(dirty ? [...cards, card] : [...cards].filter((c) => c !== card)),
    );
  // Another region's cards start unchanged (they are new forms).
  useEffect(() => setDirtyCards(new Set()), [open, selectedId]);
  useUnsavedChanges(open && dirtyCards.size > 0);
  const confirmDiscard = useConfirmDiscard();

  // Picking a region in the finder opens its branch of the tree.
  const select = (id: string) => {
    setSelectedId(id);
    const ancestors = index
      .ancestry(id)
      .slice(1)
      .map((r) => r.id);
    setExpanded((keys) => [...new Set([...keys, ...ancestors])]);
  };
  // The tree reads the regions again by itself after each save or delete (INVALIDATES).
  const added = (saved: Region) => {
    setSelectedId(saved.id);
    setExpanded((keys) => [...new Set([...keys, ...(saved.parentId ? [saved.parentId] : [])])]);
  };
  const deleted = () => setSelectedId('');

  return (
    <Drawer open={open} onClose={() => confirmDiscard(dirtyCards.size > 0, onClose)} title="行政区划" size={920} destroyOnHidden>
      <Flex gap={16} style={{ height: '100%' }}>
        <Flex vertical gap={8} style={{ width: 360, minWidth: 360 }}>
          <RegionTreeSelect
            regions={regions}
            placeholder="查找区划"
            aria-label="查找区划"
            value={selectedId}
            onChange={select}
            allowClear
            style={{ width: '100%' }}
          />
          {regions.length === 0 ? (
            <Empty description="还没有区划：在右侧先建市级区划，或到“导入”页导入区划名单" />
          ) : (
            <Tree
              treeData={treeData}
              height={TREE_HEIGHT}
              selectedKeys={selectedId ? [selectedId] : []}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}
            />
          )}
        </Flex>
        <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
          {regions.length === 0 ? (
            <NewRegionCard parent={null} onSaved={added} onDirty={(dirty) => markCard('new', dirty)} />
          ) : selected ? (
            <>
              <EditRegionCard
                key={selected.id}
                region={selected}
                path={index.path(selected.id)}
                onDeleted={deleted}
                onDirty={(dirty) => markCard('edit', dirty)}
              />
              {childLevel(selected.level) && (
                <NewRegionCard key={`new-${selected.id}`} parent={selected} onSaved={added} onDirty={(dirty) => markCard('new', dirty)} />
              )}
            </>
          ) : (
            <Typography.Text type="secondary">在左侧选择一个区划，可修改名称和代码、删除，或在其下新增下级区划。</Typography.Text>
          )}
          <LoadProblemText text={regionList.error} />
        </Flex>
      </Flex>
    </Drawer>
  );
}

function LoadProblemText({ text }: { readonly text: string }) {
  return text ? <Typography.Text type="danger">区划读取失败：{text}</Typography.Text> : null;
}

function RegionFields() {
  return (
    <>
      <Form.Item name="name" label="名称" rules={[required('请填写区划名称')]}>
        <Input maxLength={50} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="code" label="统计用区划代码" rules={[CODE_RULE]} style={{ flex: 1 }}>
          <Input maxLength={12} placeholder="6位或12位数字，可留空" />
        </Form.Item>
        <Form.Item name="kind" label="类别" style={{ width: 160 }}>
          <Input maxLength={10} placeholder="如：镇、街道、苏木、嘎查" />
        </Form.Item>
      </Flex>
    </>
  );
}

function EditRegionCard({
  region,
  path,
  onDeleted,
  onDirty,
}: {
  readonly region: Region;
  readonly path: string;
  readonly onDeleted: () => void;
  readonly onDirty: (dirty: boolean) => void;
}) {
  const [form] = Form.useForm<RegionValues>();
  const [busy, setBusy] = useState(false);
  const { message, modal } = App.useApp();
  useEffect(() => form.setFieldsValue({ name: region.name, code: region.code, kind: region.kind }), [form, region]);

  const save = async (values: RegionValues) => {
    setBusy(true);
    try {
      await api('regions:save', { id: region.id, parentId: region.parentId, ...values });
      message.success('已保存');
      onDirty(false);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  const remove = () =>
    modal.confirm({
      title: `删除区划“${region.name}”？`,
      content: '只有没有下级区划、主体、干部和网格引用的区划才能删除；删除记入操作日志。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('regions:delete', { id: region.id });
          message.success(`已删除“${region.name}”`);
          onDeleted();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Card size="small" title={`${REGION_LEVEL_LABELS[region.level]}：${region.name}`}>
      <Descriptions
        size="small"
        column={1}
        items={[{ key: 'path', label: '位置', children: path || region.name }]}
        style={{ marginBottom: 8 }}
      />
      <Form<RegionValues>
        form={form}
        name="region-edit"
        layout="vertical"
        initialValues={{ name: region.name, code: region.code, kind: region.kind }}
        onValuesChange={() => onDirty(true)}
        onFinish={(v) => void save(v)}
      >
        <RegionFields />
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            保存修改
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={remove}>
            删除
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

function NewRegionCard({
  parent,
  onSaved,
  onDirty,
}: {
  readonly parent: Region | null;
  readonly onSaved: (saved: Region) => void;
  readonly onDirty: (dirty: boolean) => void;
}) {
  const [form] = Form.useForm<RegionValues>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const level = parent ? childLevel(parent.level) : 'city';
  if (!level) return null;

  const add = async (values: RegionValues) => {
    setBusy(true);
    try {
      const saved = await api('regions:save', { parentId: parent?.id ?? null, ...values });
      message.success(`已新增“${saved.name}”`);
      form.resetFields();
      onDirty(false);
      onSaved(saved);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={parent ? `在“${parent.name}”下新增${REGION_LEVEL_LABELS[level]}` : '新建市级区划'}>
      <Form<RegionValues>
        form={form}
        name="region-new"
        layout="vertical"
        initialValues={{ name: '', code: '', kind: '' }}
        onValuesChange={() => onDirty(true)}
        onFinish={(v) => void add(v)}
      >
        <RegionFields />
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          新增
        </Button>
      </Form>
    </Card>
  );
}
