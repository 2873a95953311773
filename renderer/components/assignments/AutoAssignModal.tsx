import {
  App,
  Button,
  Checkbox,
  Empty,
  Flex,
  Modal,
  Radio,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { AssignPreview, AssignProposalView, CadreLoad } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { CADRE_LEVEL_LABELS } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { GradeTag } from '../GradeTag';
import { focusWhenOpen } from '../focus-when-open';

type Mode = 'unassigned' | 'violating';
interface Options {
  readonly mode: Mode;
  readonly keepManual: boolean;
  readonly reset: boolean;
}
const DEFAULT_OPTIONS: Options = { mode: 'unassigned', keepManual: true, reset: false };
const MODE_OPTIONS: { value: Mode; label: string }[] = [
  { value: 'unassigned', label: '仅未落实的主体' },
  { value: 'violating', label: '也调整违反规则的主体' },
];

/** Pixel height of the preview tables: fits a 1366×768 screen with the options above. */
const TABLE_HEIGHT = 270;
const TABLE_WIDTH = 1200;

export interface AutoAssignModalProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** After a successful apply: the page reloads everything. */
  readonly onApplied: () => void;
}

/** 自动分配: options → 预览 (nothing written) → 应用 with a confirmation. Esc closes; Enter previews. */
export function AutoAssignModal({ open, onClose, onApplied }: AutoAssignModalProps) {
  const [options, setOptions] = useState(DEFAULT_OPTIONS);
  const [preview, setPreview] = useState<AssignPreview | null>(null);
  const [busy, setBusy] = useState<'' | 'preview' | 'apply'>('');
  const [error, setError] = useState('');
  const { message, modal } = App.useApp();
  const previewButton = useRef<HTMLButtonElement>(null);

  const patch = (next: Partial<Options>) => {
    setOptions((o) => ({ ...o, ...next }));
    // A preview answers the options it was made with; changed options need a new one.
    setPreview(null);
    setError('');
  };

  const runPreview = async () => {
    setBusy('preview');
    setError('');
    setPreview(null);
    try {
      setPreview(await api('assign:preview', options));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const writes = preview ? preview.counts.assign + preview.counts.move + preview.counts.release : 0;

  const confirmApply = (p: AssignPreview) =>
    modal.confirm({
      title: `写入 ${writes} 条包保变更？`,
      content: (
        <>
          新分配 {p.counts.assign} 个主体，调整 {p.counts.move} 个，解除 {p.counts.release} 条
          {p.counts.unresolved > 0 && `；另有 ${p.counts.unresolved} 个主体无法分配，仍为未落实`}。原包保关系结束后保留在历史记录中。
        </>
      ),
      okText: '应用',
      cancelText: '取消',
      onOk: async () => {
        setBusy('apply');
        try {
          const done = await api('assign:apply', { previewId: p.previewId });
          message.success(`自动分配完成：新分配 ${done.assigned} 个，调整 ${done.moved} 个，解除 ${done.released} 条`);
          setPreview(null);
          onApplied();
        } catch (e) {
          // 'conflict' / 'not-found': the data changed or the preview expired — it must be made again.
          if (e instanceof ApiError && (e.code === 'conflict' || e.code === 'not-found')) {
            setPreview(null);
            modal.warning({ title: '需要重新预览', content: e.message, okText: '知道了' });
          } else {
            message.error(errorText(e));
          }
        } finally {
          setBusy('');
        }
      },
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || busy || target.tagName === 'BUTTON' || target.closest('.ant-select, .ant-tabs-nav, .ant-table')) return;
    e.preventDefault();
    if (preview) {
      if (writes > 0) confirmApply(preview);
    } else {
      void runPreview();
    }
  };

  const close = () => {
    setPreview(null);
    setError('');
    setOptions(DEFAULT_OPTIONS);
    onClose();
  };

  return (
    <Modal
      open={open}
      title="自动分配包保干部"
      width={1260}
      style={{ top: 16 }}
      styles={{ body: { paddingTop: 4 } }}
      onCancel={close}
      // The dialog focuses its × on open, where Enter would close it; the hint promises Enter previews.
      afterOpenChange={(opened) => opened && focusWhenOpen(previewButton.current)}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button
          key="apply"
          type="primary"
          disabled={!preview || writes === 0 || busy !== ''}
          loading={busy === 'apply'}
          onClick={() => preview && confirmApply(preview)}
        >
          应用（写入 {writes} 条）
        </Button>,
      ]}
    >
      <div onKeyDown={onKeyDown}>
        <Flex gap={24} align="flex-start" wrap style={{ marginBottom: 12 }}>
          <Flex vertical gap={6}>
            <Flex gap={8} align="center">
              <Typography.Text strong>范围</Typography.Text>
              <Radio.Group
                aria-label="分配范围"
                options={MODE_OPTIONS}
                value={options.mode}
                onChange={(e) => patch({ mode: e.target.value as Mode })}
                disabled={options.reset}
              />
            </Flex>
            <Flex gap={16} wrap>
              <Checkbox
                checked={options.reset ? false : options.keepManual}
                disabled={options.reset}
                onChange={(e) => patch({ keepManual: e.target.checked })}
              >
                保留人工指定的包保
              </Checkbox>
              <Checkbox checked={options.reset} onChange={(e) => patch({ reset: e.target.checked })}>
                先解除全部现有包保后重新分配
              </Checkbox>
            </Flex>
            {options.reset ? (
              <Typography.Text type="danger" strong>
                警告：将结束全部现有包保关系（含人工指定的），再按规则为每个主体重新分配。旧关系留在历史记录中，但无法一键撤销。
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">按等级对应的干部层级、就近区域、包保数量最少的原则分配；预览不会写入数据。</Typography.Text>
            )}
          </Flex>
          <Button
            ref={previewButton}
            type={preview ? 'default' : 'primary'}
            onClick={() => void runPreview()}
            loading={busy === 'preview'}
            style={{ marginInlineStart: 'auto' }}
          >
            {preview ? '重新预览' : '预览'}
          </Button>
        </Flex>
        {busy === 'preview' ? (
          <Flex justify="center" align="center" style={{ height: TABLE_HEIGHT + 130 }}>
            <Spin size="large" description="正在计算…" />
          </Flex>
        ) : error ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : preview ? (
          <PreviewView preview={preview} />
        ) : (
          <Flex justify="center" align="center" style={{ height: TABLE_HEIGHT + 130 }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选好范围后点击“预览”（或按 Enter），先看分配结果再决定是否写入" />
          </Flex>
        )}
      </div>
    </Modal>
  );
}

function PreviewView({ preview }: { readonly preview: AssignPreview }) {
  const { counts } = preview;
  const items = [
    {
      key: 'proposals',
      label: `分配明细（${preview.proposals.length}）`,
      children: <ProposalTable rows={preview.proposals} />,
    },
    {
      key: 'unresolved',
      label: `无法分配（${preview.unresolved.length}）`,
      children: (
        <Table
          virtual
          size="small"
          rowKey="entityId"
          pagination={false}
          dataSource={preview.unresolved as AssignPreview['unresolved'][number][]}
          scroll={{ x: TABLE_WIDTH, y: TABLE_HEIGHT }}
          locale={{ emptyText: '每个主体都找到了符合规则的干部' }}
          columns={[
            { title: '主体', dataIndex: 'entityName', width: 280, ellipsis: true },
            { title: '区划', dataIndex: 'regionPath', width: 280, ellipsis: true },
            {
              title: '原因',
              dataIndex: 'why',
              width: 640,
              render: (why: string) => <span style={{ fontSize: 12, lineHeight: '18px' }}>{why}</span>,
            },
          ]}
        />
      ),
    },
    {
      key: 'loads',
      label: `干部负担变化（${preview.loads.length}）`,
      children: <LoadChangeTable rows={preview.loads} />,
    },
    ...(preview.releases.length > 0
      ? [
          {
            key: 'releases',
            label: `解除（${preview.releases.length}）`,
            children: (
              <Table
                virtual
                size="small"
                rowKey={(r) => `${r.entityName}|${r.cadreName}|${r.reason}`}
                pagination={false}
                dataSource={preview.releases as AssignPreview['releases'][number][]}
                scroll={{ x: TABLE_WIDTH, y: TABLE_HEIGHT }}
                columns={[
                  { title: '主体', dataIndex: 'entityName', width: 400, ellipsis: true },
                  { title: '原干部', dataIndex: 'cadreName', width: 160 },
                  { title: '原因', dataIndex: 'reason', width: 640, ellipsis: true },
                ]}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Flex gap={12} style={{ marginBottom: 4 }} role="group" aria-label="预览结果">
        <CountCard title="新分配" value={counts.assign} testId="preview-assign" />
        <CountCard title="调整" value={counts.move} testId="preview-move" />
        <CountCard title="解除" value={counts.release} testId="preview-release" />
        <CountCard title="无法分配" value={counts.unresolved} danger={counts.unresolved > 0} testId="preview-unresolved" />
      </Flex>
      <Tabs size="small" items={items} style={{ marginBottom: -12 }} />
    </>
  );
}

function CountCard({
  title,
  value,
  danger,
  testId,
}: {
  readonly title: string;
  readonly value: number;
  readonly danger?: boolean;
  readonly testId: string;
}) {
  return (
    <div data-testid={testId} style={{ flex: 1, padding: '6px 12px', border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <Statistic
        title={title}
        value={value}
        suffix={title === '解除' ? '条' : '个'}
        styles={{ content: { fontSize: 20, color: danger ? '#cf1322' : undefined } }}
      />
    </div>
  );
}

const PROPOSAL_COLUMNS: TableColumnsType<AssignProposalView> = [
  { title: '主体', dataIndex: 'entityName', width: 220, ellipsis: true, render: (name: string) => <span title={name}>{name}</span> },
  { title: '等级', dataIndex: 'grade', width: 56, render: (grade: AssignProposalView['grade']) => <GradeTag grade={grade} /> },
  { title: '所属区划', dataIndex: 'regionPath', width: 220, ellipsis: true, render: (path: string) => <span title={path}>{path}</span> },
  {
    title: '原干部',
    dataIndex: 'fromCadreName',
    width: 76,
    ellipsis: true,
    render: (name: string) => name || <Typography.Text type="secondary">—</Typography.Text>,
  },
  { title: '分给', dataIndex: 'toCadreName', width: 76, ellipsis: true },
  // The explanation is the point of the preview: it wraps instead of being cut off.
  {
    title: '为什么分给他',
    dataIndex: 'reason',
    width: 552,
    render: (reason: string) => <span style={{ fontSize: 12, lineHeight: '18px' }}>{reason}</span>,
  },
];

function ProposalTable({ rows }: { readonly rows: readonly AssignProposalView[] }) {
  return (
    <Table<AssignProposalView>
      virtual
      size="small"
      rowKey="entityId"
      pagination={false}
      columns={PROPOSAL_COLUMNS}
      dataSource={rows as AssignProposalView[]}
      scroll={{ x: TABLE_WIDTH, y: TABLE_HEIGHT }}
      locale={{ emptyText: '没有需要分配的主体' }}
    />
  );
}

const LOAD_COLUMNS: TableColumnsType<CadreLoad> = [
  { title: '干部', dataIndex: 'cadreName', width: 140, ellipsis: true },
  { title: '层级', dataIndex: 'level', width: 100, render: (level: CadreLoad['level']) => CADRE_LEVEL_LABELS[level] },
  { title: '包保区域', dataIndex: 'regionPath', width: 540, ellipsis: true },
  {
    title: '包保户数（分配前 → 分配后）',
    key: 'change',
    width: 240,
    render: (_: unknown, row) => {
      const over = row.after > row.cap;
      return (
        <Typography.Text type={over ? 'danger' : undefined} strong={over}>
          {row.before} → {row.after}
          {row.after > row.before ? `（+${row.after - row.before}）` : `（${row.after - row.before}）`}
        </Typography.Text>
      );
    },
  },
  {
    title: '上限',
    dataIndex: 'cap',
    width: 180,
    render: (cap: number, row) =>
      row.after > cap ? (
        <Tag color="error" variant="solid">
          超出上限 {cap}
        </Tag>
      ) : (
        cap
      ),
  },
];

function LoadChangeTable({ rows }: { readonly rows: readonly CadreLoad[] }) {
  return (
    <Table<CadreLoad>
      virtual
      size="small"
      rowKey="cadreId"
      pagination={false}
      columns={LOAD_COLUMNS}
      dataSource={rows as CadreLoad[]}
      scroll={{ x: TABLE_WIDTH, y: TABLE_HEIGHT }}
      locale={{ emptyText: '没有干部的包保数量发生变化' }}
    />
  );
}
