import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, Modal, Popconfirm, Select, Spin, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CadreQuery, EntityQuery, ExportColumnInfo, FileContent, TemplateKind } from '@shared/api/contract';
import type { ExportTemplate } from '@shared/domain/schemas';
import { RECORD_KIND_LABELS, type RecordKind } from '@shared/records/types';
import { reportOfTemplateKind, REPORT_LABELS } from '@shared/reports/kinds';
import { api } from '../api/client';
import { saveAndTell } from '../api/download';
import { errorText } from '../api/error-text';
import { readAnswer } from '../api/queries';

export interface ColumnTemplateEditorProps {
  readonly open: boolean;
  /** A list, or a 上报 report (`report:visits` …) whose columns the template picks. */
  readonly kind: TemplateKind;
  /** What will be exported, said in the title: “当前筛选的 1,234 户” or “全部”. */
  readonly scope: string;
  readonly entityQuery?: EntityQuery;
  readonly cadreQuery?: CadreQuery;
  readonly onClose: () => void;
  /** How a report exports with the chosen template or columns; lists go through export:list. */
  readonly exportReport?: (choice: { readonly template?: string; readonly columns?: string[] }) => Promise<FileContent>;
}

/** '' = all columns in the default order. */
const ALL = '';
const lastTemplateKey = (kind: TemplateKind) => `export-template:${kind}`;

function rememberedTemplate(kind: TemplateKind): string {
  try {
    return window.localStorage.getItem(lastTemplateKey(kind)) ?? ALL;
  } catch {
    return ALL;
  }
}

function remember(kind: TemplateKind, name: string): void {
  try {
    window.localStorage.setItem(lastTemplateKey(kind), name);
  } catch {
    // Private windows may refuse storage; the choice is then simply not remembered.
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const EXPORT_ONLY_TIP = '仅导出，导入时不读取：这一列由软件计算或取自其他记录，改动后再导入不会生效';

/** Marks a column an import does not read back (e.g. 包保干部 of a 主体). */
function ExportOnlyTag() {
  return (
    <Tooltip title={EXPORT_ONLY_TIP}>
      <Tag className="column-export-only" aria-label={EXPORT_ONLY_TIP}>
        仅导出
      </Tag>
    </Tooltip>
  );
}

/**
 * 导出名单 with a column template: pick a saved template or choose and order the columns,
 * save the choice as a named template (each higher office wants its own layout, docs/domain.md#上报报表),
 * and export the list as a print-ready workbook.
 */
export function ColumnTemplateEditor({ open, kind, scope, entityQuery, cadreQuery, onClose, exportReport }: ColumnTemplateEditorProps) {
  const { message, modal } = App.useApp();
  const [columns, setColumns] = useState<readonly ExportColumnInfo[] | null>(null);
  const [templates, setTemplates] = useState<readonly ExportTemplate[]>([]);
  const [loadError, setLoadError] = useState('');
  const [template, setTemplate] = useState(ALL);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [name, setName] = useState('');
  const [exporting, setExporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [maskPhones, setMaskPhones] = useState(false);
  const report = reportOfTemplateKind(kind);
  const title = report ? `导出${REPORT_LABELS[report]}` : `导出${RECORD_KIND_LABELS[kind as RecordKind]}名单`;
  // 行政区划 has no phone numbers to hide; reports go up to the higher office as they are.
  const hasPhones = kind !== 'regions' && !report;

  const load = useCallback(() => {
    setLoadError('');
    setColumns(null);
    Promise.all([readAnswer('export:columns', { kind }), readAnswer('export:templates', { kind })]).then(
      ([cols, saved]) => {
        setColumns(cols);
        setTemplates(saved);
        const last = rememberedTemplate(kind);
        const found = saved.find((t) => t.name === last);
        setTemplate(found ? found.name : ALL);
        setChosen(found ? found.columns : cols.map((c) => c.key));
        setName(found ? found.name : '');
      },
      (e: unknown) => setLoadError(errorText(e)),
    );
  }, [kind]);

  useEffect(() => {
    if (open) load();
  }, [open, load]);

  const labelOf = useMemo(() => new Map((columns ?? []).map((c) => [c.key, c.label])), [columns]);
  // A report is never imported: marking its columns 仅导出 would say nothing.
  const exportOnly = useMemo(
    () => new Set(report ? [] : (columns ?? []).filter((c) => !c.importable).map((c) => c.key)),
    [columns, report],
  );
  const available = (columns ?? []).filter((c) => !chosen.includes(c.key));
  const allKeys = (columns ?? []).map((c) => c.key);
  const templateColumns = template === ALL ? allKeys : (templates.find((t) => t.name === template)?.columns ?? []);
  const modified = !sameList(chosen, templateColumns);

  const pickTemplate = (next: string) => {
    setTemplate(next);
    const found = templates.find((t) => t.name === next);
    setChosen(found ? found.columns : allKeys);
    setName(found ? found.name : '');
  };

  const move = (index: number, by: number) =>
    setChosen((list) => {
      const target = index + by;
      if (target < 0 || target >= list.length) return list;
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item !== undefined) next.splice(target, 0, item);
      return next;
    });

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      message.warning('请先填写模板名称，例如“市局季度上报”');
      return;
    }
    const write = async () => {
      setSaving(true);
      try {
        const saved = await api('export:saveTemplate', { kind, name: trimmed, columns: [...chosen] });
        setTemplates(saved);
        setTemplate(trimmed);
        remember(kind, trimmed);
        message.success(`已保存模板“${trimmed}”`);
      } catch (e) {
        message.error(errorText(e));
      } finally {
        setSaving(false);
      }
    };
    if (templates.some((t) => t.name === trimmed) && trimmed !== template) {
      modal.confirm({
        title: `已有名为“${trimmed}”的模板，替换它吗？`,
        content: '替换后，原模板的列将被当前选择的列代替。',
        okText: '替换',
        cancelText: '取消',
        onOk: write,
      });
    } else await write();
  };

  const remove = async () => {
    try {
      const saved = await api('export:deleteTemplate', { kind, name: template });
      message.success(`已删除模板“${template}”`);
      setTemplates(saved);
      setTemplate(ALL);
      setName('');
      remember(kind, ALL);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const doExport = async () => {
    setExporting(true);
    try {
      // A saved template exported as it is goes by name; anything else by its columns.
      const choice = !modified && template !== ALL ? { template } : modified ? { columns: [...chosen] } : {};
      const file =
        report && exportReport
          ? await exportReport(choice)
          : await api('export:list', { kind: kind as RecordKind, ...choice, entityQuery, cadreQuery, maskPhones: hasPhones && maskPhones });
      if (!(await saveAndTell(file, message.success))) return;
      remember(kind, modified ? ALL : template);
      onClose();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const templateOptions = [
    { value: ALL, label: '全部列（默认顺序）' },
    ...templates.map((t) => ({ value: t.name, label: `${t.name}（${t.columns.length} 列）` })),
  ];

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={`${title}：${scope}`}
      width={860}
      destroyOnHidden
      okText={exporting ? '正在导出…' : `导出 Excel（${chosen.length} 列）`}
      cancelText="取消"
      okButtonProps={{ disabled: !columns || chosen.length === 0, loading: exporting }}
      onOk={() => void doExport()}
    >
      {loadError ? (
        <Alert
          type="error"
          showIcon
          title={loadError}
          action={
            <Button size="small" onClick={load}>
              重试
            </Button>
          }
        />
      ) : !columns ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description="正在读取可导出的列…" />
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Flex align="center" gap={8}>
            <Typography.Text id="template-pick-label">列模板</Typography.Text>
            <Select
              aria-labelledby="template-pick-label"
              value={template}
              options={templateOptions}
              onChange={pickTemplate}
              style={{ width: 300 }}
            />
            {template !== ALL && (
              <Popconfirm
                title={`删除模板“${template}”？`}
                okText="删除"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => void remove()}
              >
                <Button danger icon={<DeleteOutlined />}>
                  删除此模板
                </Button>
              </Popconfirm>
            )}
            {modified && (
              <Typography.Text type="warning" style={{ marginInlineStart: 'auto' }}>
                已调整列，尚未保存为模板
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={12}>
            <section className="column-pane" aria-label="可选的列">
              <header>
                <span>可选的列（{available.length}）</span>
                <Button
                  size="small"
                  type="link"
                  disabled={available.length === 0}
                  onClick={() => setChosen((list) => [...list, ...available.map((c) => c.key)])}
                >
                  全部添加
                </Button>
              </header>
              <ul>
                {available.map((c) => (
                  <li key={c.key}>
                    <span className="column-label">{c.label}</span>
                    {exportOnly.has(c.key) && <ExportOnlyTag />}
                    <Tooltip title="添加到导出的列末尾">
                      <Button
                        size="small"
                        type="text"
                        icon={<PlusOutlined />}
                        aria-label={`添加“${c.label}”`}
                        onClick={() => setChosen((list) => [...list, c.key])}
                      />
                    </Tooltip>
                  </li>
                ))}
                {available.length === 0 && <li className="column-empty">所有列都已选中</li>}
              </ul>
            </section>
            <section className="column-pane" aria-label="导出的列">
              <header>
                <span>导出的列，按此顺序（{chosen.length}）</span>
                <Flex>
                  <Button size="small" type="link" onClick={() => setChosen(allKeys)}>
                    恢复默认
                  </Button>
                  <Button size="small" type="link" disabled={chosen.length === 0} onClick={() => setChosen([])}>
                    清空
                  </Button>
                </Flex>
              </header>
              <ol>
                {chosen.map((key, index) => (
                  <li key={key}>
                    <span className="column-order">{index + 1}</span>
                    <span className="column-label">{labelOf.get(key) ?? key}</span>
                    {exportOnly.has(key) && <ExportOnlyTag />}
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      aria-label={`上移“${labelOf.get(key) ?? key}”`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      aria-label={`下移“${labelOf.get(key) ?? key}”`}
                      disabled={index === chosen.length - 1}
                      onClick={() => move(index, 1)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<CloseOutlined />}
                      aria-label={`移除“${labelOf.get(key) ?? key}”`}
                      onClick={() => setChosen((list) => list.filter((k) => k !== key))}
                    />
                  </li>
                ))}
                {chosen.length === 0 && <li className="column-empty">请从左侧添加至少一列</li>}
              </ol>
            </section>
          </Flex>
          <Flex align="center" gap={8}>
            <Input
              aria-label="模板名称"
              placeholder="模板名称，例如“市局季度上报”"
              maxLength={40}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                void save();
              }}
              style={{ width: 300 }}
            />
            <Button icon={<SaveOutlined />} loading={saving} disabled={chosen.length === 0} onClick={() => void save()}>
              保存为模板
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              保存后下次导出可直接选用；同名模板会被替换。
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={16} wrap>
            {hasPhones && (
              <Checkbox checked={maskPhones} onChange={(e) => setMaskPhones(e.target.checked)}>
                隐藏手机号中间四位（对外报送时使用）
              </Checkbox>
            )}
            {exportOnly.size > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                标为 <Tag style={{ marginInline: 2 }}>仅导出</Tag> 的列只在导出时填写，导入时不读取。
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
