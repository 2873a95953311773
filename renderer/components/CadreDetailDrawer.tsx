import { DeleteOutlined, DownOutlined, EditOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Dropdown, Flex, Spin, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import type { AssignmentView, CadreDetail, CadreRow } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { CADRE_LEVEL_LABELS, type Cadre } from '@shared/domain/schemas';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useDetail } from '../hooks/useDetail';
import { openScreen } from '../hooks/useHashScreen';
import { usePanel } from '../hooks/usePanel';
import { ReplaceCadreModal } from './assignments/ReplaceCadreModal';
import { AssignmentHistory } from './AssignmentHistory';
import { EntityDetailDrawer } from './EntityDetailDrawer';
import { GradeTag } from './GradeTag';
import { CadreInspections } from './inspections/CadreInspections';
import { RowLink } from './RowLink';

export interface CadreDetailDrawerProps {
  readonly open: boolean;
  readonly id: string | null;
  readonly onClose: () => void;
  readonly onEdit: (cadre: Cadre) => void;
  readonly onDeleted: () => void;
}

export function CadreDetailDrawer({ open, id, onClose, onEdit, onDeleted }: CadreDetailDrawerProps) {
  const { detail, error } = useDetail('cadres:get', id);
  const { message, modal } = App.useApp();
  const cadre = detail?.cadre;
  // A 主体 of the cadre opens over this drawer; 干部变动 starts with this cadre as the leaving one.
  const entity = usePanel<string | null>(null);
  const replace = usePanel<CadreRow | null>(null);

  const confirmDelete = (target: Cadre) =>
    modal.confirm({
      title: `删除干部“${target.name}”？`,
      content: '删除后不可恢复（可从备份恢复）。有包保记录的干部不能删除，请改为设置“不在岗”。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('cadres:delete', { id: target.id });
          message.success('已删除');
          onDeleted();
        } catch (e) {
          // 'conflict': the cadre has 包保 history; the message says what to do instead.
          const text = errorText(e);
          if (e instanceof ApiError && e.code === 'conflict') modal.warning({ title: '不能删除该干部', content: text, okText: '知道了' });
          else message.error(text);
        }
      },
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={cadre ? `${cadre.name}（${CADRE_LEVEL_LABELS[cadre.level]}）` : '干部详情'}
      extra={
        cadre && (
          <Flex gap={8}>
            <Dropdown
              menu={{
                items: [
                  { key: 'letters', label: '致包保领导的一封信' },
                  { key: 'handbook-print', label: '包保干部工作手册' },
                ],
                onClick: ({ key }) => openScreen(key === 'letters' ? 'letters' : 'handbook-print', { cadre: cadre.id }),
              }}
            >
              <Button icon={<PrinterOutlined />}>
                打印 <DownOutlined />
              </Button>
            </Dropdown>
            <Button icon={<SwapOutlined />} onClick={() => detail && replace.show(cadreRow(detail))}>
              干部变动
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(cadre)}>
              编辑
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(cadre)}>
              删除
            </Button>
          </Flex>
        )
      }
    >
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : detail ? (
        <CadreDetailBody detail={detail} onOpenEntity={entity.show} />
      ) : (
        <Spin />
      )}
      <EntityDetailDrawer open={entity.open} id={entity.target} onClose={entity.hide} onDeleted={entity.hide} />
      <ReplaceCadreModal open={replace.open} leaving={replace.target} onClose={replace.hide} onDone={replace.hide} />
    </Drawer>
  );
}

/** The cadre as a list row: what 干部变动 shows of the leaving cadre. */
function cadreRow({ cadre, regionPath, current }: CadreDetail): CadreRow {
  const { id, name, unit, position, level, phone, active } = cadre;
  return { id, name, unit, position, level, regionPath, phone, active, entityCount: current.length };
}

function CadreDetailBody({ detail, onOpenEntity }: { readonly detail: CadreDetail; readonly onOpenEntity: (id: string) => void }) {
  const { cadre } = detail;
  const commitments = [...cadre.commitments].sort((a, b) => b.year - a.year);
  const items: DescriptionsProps['items'] = [
    { key: 'level', label: '层级', children: CADRE_LEVEL_LABELS[cadre.level] },
    {
      key: 'active',
      label: '在岗',
      children: cadre.active ? (
        <Tag color="green">在岗</Tag>
      ) : (
        <Tag>{cadre.inactiveSince ? `自 ${cadre.inactiveSince} 不在岗` : '不在岗'}</Tag>
      ),
    },
    { key: 'unit', label: '工作单位', span: 2, children: cadre.unit || '—' },
    { key: 'position', label: '职务', children: cadre.position || '—' },
    { key: 'phone', label: '联系电话', children: cadre.phone || '—' },
    { key: 'region', label: '包保区域', span: 2, children: detail.regionPath },
    {
      key: 'commitments',
      label: '承诺书签订',
      span: 2,
      children: commitments.length > 0 ? commitments.map((c) => `${c.year} 年度：${c.signedOn}`).join('；') : '未登记',
    },
    { key: 'notes', label: '备注', span: 2, children: cadre.notes || '—' },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={2} items={items} styles={{ label: { width: 110 } }} />
      <section>
        <Typography.Title level={5}>当前包保主体（{detail.current.length} 户）</Typography.Title>
        <Table<AssignmentView>
          size="small"
          rowKey="id"
          dataSource={detail.current}
          pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: '暂无包保主体' }}
          columns={[
            {
              title: '主体名称',
              dataIndex: 'entityName',
              ellipsis: true,
              render: (name: string, row) => <RowLink label={name} onOpen={() => onOpenEntity(row.entityId)} />,
            },
            {
              title: '等级',
              dataIndex: 'entityGrade',
              width: 64,
              render: (grade: AssignmentView['entityGrade']) => (grade ? <GradeTag grade={grade} /> : '—'),
            },
            { title: '包保起始日', dataIndex: 'start', width: 120 },
            { title: '方式', dataIndex: 'reason', width: 90 },
          ]}
        />
      </section>
      <section>
        <Typography.Title level={5}>历史包保记录</Typography.Title>
        <AssignmentHistory history={detail.history} who={(a) => a.entityName} />
      </section>
      <CadreInspections cadre={cadre} />
    </Flex>
  );
}
