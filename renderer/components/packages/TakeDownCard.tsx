import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Flex, Radio, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { packageTime, type DownPreview } from '@shared/packages/api';
import type { DownAction, DownChoice, DownItem } from '@shared/packages/down';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { loadFile } from '../../import/file-bytes';

interface Chosen {
  readonly fileName: string;
  readonly contentBase64: string;
}

const ACTION_TAGS: Readonly<Record<Exclude<DownAction, 'conflict'>, { label: string; color: string }>> = {
  same: { label: '相同', color: 'default' },
  take: { label: '采用上级', color: 'blue' },
  keep: { label: '保留本地修改', color: 'green' },
};

/** Items both offices changed first: they wait for the clerk's choice. */
const ACTION_ORDER: Readonly<Record<DownAction, number>> = { conflict: 0, take: 1, keep: 2, same: 3 };

const REGION_LISTS = [
  ['added', '新增'],
  ['renamed', '更名'],
  ['removed', '删除（无任何记录）'],
  ['kept', '未删除（仍有记录）'],
] as const;

/**
 * 接收下发包 (docs/domain.md#上报包与下发包): the office above's settings and regions, previewed item
 * by item — taken where this library changed nothing, kept where only it did — with a choice for
 * each item both changed, then taken in after a backup.
 */
export function TakeDownCard() {
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<DownPreview | null>(null);
  const [choices, setChoices] = useState<Readonly<Record<string, DownChoice>>>({});
  const [busy, setBusy] = useState<'' | 'reading' | 'taking'>('');
  const [error, setError] = useState('');

  const choose = async (file: File): Promise<void> => {
    setBusy('reading');
    setError('');
    setPreview(null);
    setChoices({});
    try {
      const loaded = await loadFile(file);
      const next = { fileName: loaded.name, contentBase64: loaded.base64 };
      setChosen(next);
      setPreview(await api('package:previewDown', { file: next, choices: {}, takeUpper: false }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const takeIn = async (): Promise<void> => {
    if (!chosen) return;
    setBusy('taking');
    setError('');
    try {
      const result = await api('package:importDown', { file: chosen, choices, takeUpper: false });
      message.success(
        result.changed
          ? `已接收下发包：采用上级 ${result.taken} 项，保留本地 ${result.kept} 项，接收前的数据已自动备份`
          : '这个下发包已接收过（或与本库相同），数据未改动',
      );
      setChosen(null);
      setPreview(null);
      setChoices({});
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const conflicts = preview?.items.filter((i) => i.action === 'conflict') ?? [];
  const unchosen = conflicts.filter((i) => !choices[i.key]).length;
  const regionCount = preview ? REGION_LISTS.reduce((sum, [key]) => sum + preview.regions[key].length, 0) : 0;

  return (
    <Card title="接收下发包" size="small" data-testid="take-down">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          选择上级下发的下发包：本库没改过的项采用上级，只有本库改过的项保留本地修改，双方都改过的项请逐项选择；行政区划只新增和更名，仍有记录的区划不删除。接收前自动备份。
        </Typography.Text>
        <Flex align="center" gap={12} wrap>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'reading'}>
              选择下发包…
            </Button>
          </Upload>
          {chosen && <Typography.Text type="secondary">{chosen.fileName}</Typography.Text>}
        </Flex>
        {error && <Alert type="error" showIcon title={error} data-testid="take-down-error" />}
        {preview && (
          <Flex vertical gap={8} data-testid="down-preview">
            <Descriptions
              size="small"
              column={3}
              items={[
                { label: '下发单位', children: `${preview.unit}（${preview.operator}）` },
                { label: '生成时间', children: packageTime(preview.createdAt) },
                {
                  label: '上次接收',
                  children: preview.held ? `${packageTime(preview.held.createdAt)} 生成的下发包` : '从未接收',
                },
              ]}
            />
            {preview.refusal && <Alert type="error" showIcon title={preview.refusal} />}
            <Table<DownItem>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={[...preview.items].sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action])}
              scroll={{ y: 280 }}
              locale={{ emptyText: '各项设置与本库相同' }}
              columns={[
                { title: '项目', dataIndex: 'label', width: 250, ellipsis: { showTitle: true } },
                {
                  title: '处理',
                  dataIndex: 'action',
                  width: 210,
                  render: (action: DownAction, item) =>
                    action === 'conflict' ? (
                      <Radio.Group
                        size="small"
                        aria-label={`${item.label}：双方都改过`}
                        value={choices[item.key]}
                        onChange={(e) => setChoices({ ...choices, [item.key]: e.target.value as DownChoice })}
                        options={[
                          { value: 'upper', label: '采用上级' },
                          { value: 'local', label: '保留本地' },
                        ]}
                      />
                    ) : (
                      <Tag color={ACTION_TAGS[action].color}>{ACTION_TAGS[action].label}</Tag>
                    ),
                },
                { title: '上级下发', dataIndex: 'upper', ellipsis: { showTitle: true }, render: (t: string) => t || '（上级已删除）' },
                { title: '本库现值', dataIndex: 'local', ellipsis: { showTitle: true }, render: (t: string) => t || '（无）' },
              ]}
            />
            {regionCount > 0 && (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'regions',
                    label: `行政区划：${REGION_LISTS.map(([key, label]) => `${label} ${preview.regions[key].length}`).join('，')}`,
                    children: (
                      <Flex vertical gap={4} style={{ maxHeight: 200, overflowY: 'auto' }}>
                        {REGION_LISTS.flatMap(([key, label]) =>
                          preview.regions[key].map((line) => (
                            <Typography.Text key={`${key}|${line}`}>
                              {label}：{line}
                            </Typography.Text>
                          )),
                        )}
                      </Flex>
                    ),
                  },
                ]}
              />
            )}
            <Flex justify="flex-end" align="center" gap={12}>
              {conflicts.length > 0 && unchosen > 0 && (
                <Typography.Text type="warning">还有 {unchosen} 项双方都改过，请选择采用上级或保留本地</Typography.Text>
              )}
              {!preview.refusal && !preview.changes && <Typography.Text type="secondary">已接收过，接收不会改动数据</Typography.Text>}
              <Button
                type="primary"
                disabled={preview.refusal !== '' || unchosen > 0 || busy !== ''}
                loading={busy === 'taking'}
                onClick={() => void takeIn()}
              >
                接收下发包
              </Button>
            </Flex>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
