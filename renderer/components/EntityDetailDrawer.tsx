import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import type { EntityDetail } from '@shared/api/contract';
import type { Entity } from '@shared/domain/schemas';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useDetail } from '../hooks/useDetail';
import { AssignmentHistory } from './AssignmentHistory';
import { GradeTag } from './GradeTag';

export interface EntityDetailDrawerProps {
  readonly open: boolean;
  readonly id: string | null;
  readonly onClose: () => void;
  /** Absent where the drawer is opened from another one (a cadre's 主体): it only shows. */
  readonly onEdit?: (entity: Entity) => void;
  readonly onDeleted: () => void;
}

export function EntityDetailDrawer({ open, id, onClose, onEdit, onDeleted }: EntityDetailDrawerProps) {
  const { detail, error } = useDetail('entities:get', id);
  const { message, modal } = App.useApp();
  const entity = detail?.entity;

  const confirmDelete = (target: Entity) =>
    modal.confirm({
      title: `删除主体“${target.name}”？`,
      content: '删除后不可恢复（可从备份恢复），该主体的包保记录也会一并删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('entities:delete', { id: target.id });
          message.success('已删除');
          onDeleted();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={800}
      title={
        entity ? (
          <Flex gap={8} align="center">
            <span>{entity.name}</span>
            <GradeTag grade={entity.grade} />
          </Flex>
        ) : (
          '主体详情'
        )
      }
      extra={
        entity && (
          <Flex gap={8}>
            {onEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(entity)}>
                编辑
              </Button>
            )}
            <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(entity)}>
              删除
            </Button>
          </Flex>
        )
      }
    >
      {error ? <Alert type="error" showIcon title={error} /> : detail ? <EntityDetailBody detail={detail} /> : <Spin />}
    </Drawer>
  );
}

const dateOr = (date: string, missing: string) => date || <Typography.Text type="secondary">{missing}</Typography.Text>;

function EntityDetailBody({ detail }: { readonly detail: EntityDetail }) {
  const { entity, regulator } = detail;
  const items: DescriptionsProps['items'] = [
    { key: 'uscc', label: '统一社会信用代码', children: entity.uscc || '—' },
    { key: 'license', label: '许可证编号', children: entity.license || '—' },
    { key: 'type', label: '主体类型', children: entity.type },
    { key: 'kinds', label: '业态', children: entity.businessKinds.join('、') || '—' },
    { key: 'scale', label: '规模', children: entity.scale },
    { key: 'status', label: '经营状态', children: entity.status },
    { key: 'region', label: '所属区划', span: 2, children: detail.regionPath },
    { key: 'address', label: '地址', span: 2, children: entity.address || '—' },
    { key: 'legalRep', label: '法定代表人', children: entity.legalRep || '—' },
    { key: 'legalRepPhone', label: '联系电话', children: entity.legalRepPhone || '—' },
    {
      key: 'regulator',
      label: '网格监管人员',
      span: 2,
      children: regulator ? (
        `${regulator.name}（${regulator.unit || '未填单位'}）${regulator.phone}`
      ) : (
        <Typography.Text type="warning">未指定</Typography.Text>
      ),
    },
    { key: 'director', label: '食品安全总监', span: 2, children: <DirectorStatus detail={detail} /> },
    {
      key: 'officers',
      label: '食品安全员',
      span: 2,
      children: entity.safetyOfficers.length > 0 ? entity.safetyOfficers.map((o) => `${o.name} ${o.phone}`).join('；') : '未登记',
    },
    { key: 'chain', label: '连锁总部', children: entity.chainHeadquarters ? '是' : '否' },
    {
      key: 'canteen',
      label: '集中用餐食堂',
      children: entity.canteen ? `${entity.canteen.kind}，每餐 ${entity.canteen.mealHeadcount} 人` : '—',
    },
    { key: 'dwm', label: '日管控周排查月调度', children: dateOr(entity.duties.dailyWeeklyMonthly, '未建立') },
    { key: 'riskList', label: '风险管控清单', children: dateOr(entity.duties.riskList, '未建立') },
    { key: 'riskSystem', label: '纳入风险管控系统', children: dateOr(entity.duties.riskSystem, '未纳入') },
    { key: 'commitment', label: '主体责任承诺书', children: dateOr(entity.duties.commitment, '未签订') },
    { key: 'notes', label: '备注', span: 2, children: entity.notes || '—' },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={2} items={items} styles={{ label: { width: 160 } }} />
      <section>
        <Typography.Title level={5}>包保干部</Typography.Title>
        {detail.current ? (
          <Typography.Paragraph>
            {detail.current.cadreName}
            <Typography.Text type="secondary">
              （自 {detail.current.start} 起，{detail.current.reason}）
            </Typography.Text>
          </Typography.Paragraph>
        ) : (
          <Alert type="warning" showIcon title="未落实包保干部：请到“包保关系”页面分配" />
        )}
      </section>
      <section>
        <Typography.Title level={5}>历史包保记录</Typography.Title>
        <AssignmentHistory history={detail.history} who={(a) => a.cadreName} />
      </section>
    </Flex>
  );
}

/** The rule's verdict next to what is on record: a required but missing 总监 stands out. */
function DirectorStatus({ detail }: { readonly detail: EntityDetail }) {
  const { director } = detail.entity;
  const recorded = director ? `${director.name} ${director.phone}` : '未登记';
  if (!detail.requiresDirector) {
    return (
      <>
        {recorded} <Tag>按规定不强制配备</Tag>
      </>
    );
  }
  return (
    <>
      {recorded} {director ? <Tag color="green">应配备，已配备</Tag> : <Tag color="red">应配备，尚未登记</Tag>}
    </>
  );
}
