import { Alert, App, ConfigProvider, Descriptions, Flex, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ApiInput, AppInfo, BackupInfo, RestorePreview } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { openNativeFile } from '../api/open-file';
import { timeText } from '../forms/dates';
import { loadFile } from '../import/file-bytes';

/** A backup in the data folder's list, or a library file the user chose. */
export type RestoreSource = ApiInput<'backup:restore'>;

/** What the user picked, for the dialog: the list entry when there is one. */
export interface RestoreTarget {
  readonly source: RestoreSource;
  readonly backup: BackupInfo | null;
}

type CollectionRow = RestorePreview['collections'][number];

/** Records of this kind the restore deletes, changes back or brings back. */
const changes = (row: CollectionRow): number => (row.kept ? 0 : row.added + row.changed + row.dropped);

const columns: TableColumnsType<CollectionRow> = [
  { title: '数据类别', dataIndex: 'label' },
  { title: '当前', dataIndex: 'current', width: 110, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
  { title: '备份中', dataIndex: 'backup', width: 110, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
  {
    title: '恢复后',
    key: 'change',
    width: 250,
    render: (_: unknown, row) => {
      if (row.kept) return <Typography.Text type="secondary">保留当前的，另记一条“恢复”</Typography.Text>;
      if (!changes(row)) return <Typography.Text type="secondary">不变</Typography.Text>;
      const parts: ReactNode[] = [];
      if (row.dropped > 0)
        parts.push(
          <Typography.Text key="dropped" strong type="danger">
            删除 {row.dropped.toLocaleString('zh-CN')}
          </Typography.Text>,
        );
      if (row.changed > 0)
        parts.push(
          <Typography.Text key="changed" strong type="warning">
            改回 {row.changed.toLocaleString('zh-CN')}
          </Typography.Text>,
        );
      if (row.added > 0)
        parts.push(
          <Typography.Text key="added" strong type="success">
            恢复 {row.added.toLocaleString('zh-CN')}
          </Typography.Text>,
        );
      return <Flex gap={10}>{parts}</Flex>;
    },
  },
];

/** A backup file the user chose (e.g. one kept on a USB stick), as restore input. */
export async function uploadSource(file: File): Promise<RestoreSource> {
  const loaded = await loadFile(file);
  return { upload: { fileName: loaded.name, contentBase64: loaded.base64 } };
}

/** Desktop app: a backup file chosen in the native open dialog (null when cancelled). */
export function chooseBackupFile(): Promise<File | null> {
  return openNativeFile({
    title: '选择要恢复的备份文件',
    filters: [{ name: '备份文件', extensions: ['json'] }],
    maxBytes: 500 * 1024 * 1024,
  });
}

interface Shown {
  readonly target: RestoreTarget;
  readonly preview: RestorePreview;
}

export interface RestoreFlow {
  /** Reads the backup into a preview and shows it; restoring then needs a confirmation. */
  readonly start: (target: RestoreTarget) => Promise<void>;
  /** The backup being read for its preview (file name or upload name), '' when none. */
  readonly loading: string;
  /** The dialogs; render it once where the flow is used. */
  readonly element: ReactNode;
}

function targetName(target: RestoreTarget): string {
  return target.source.fileName ?? target.source.upload?.fileName ?? '';
}

/**
 * 从备份恢复 (docs/architecture.md#data-files): preview what changes (records per category now and in the backup), then
 * a confirmation saying the current data is backed up first, then the restore. `onRestored`
 * gets the new AppInfo so the caller can reload the app state.
 */
export function useRestoreFlow(onRestored: (info: AppInfo) => void): RestoreFlow {
  const { message, modal } = App.useApp();
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState('');
  const [restoring, setRestoring] = useState(false);

  const start = async (target: RestoreTarget) => {
    setLoading(targetName(target));
    try {
      const preview = await api('backup:preview', target.source);
      setShown({ target, preview });
    } catch (e) {
      modal.error({ title: '无法读取这个备份', content: errorText(e), okText: '知道了' });
    } finally {
      setLoading('');
    }
  };

  const restore = async ({ target, preview }: Shown) => {
    setRestoring(true);
    try {
      const info = await api('backup:restore', target.source);
      setShown(null);
      message.success(
        `已从备份“${preview.source}”恢复数据：包保主体 ${info.counts.entities.toLocaleString('zh-CN')} 户，包保干部 ${info.counts.cadres.toLocaleString('zh-CN')} 名`,
        6,
      );
      onRestored(info);
    } catch (e) {
      modal.error({ title: '恢复未完成，当前数据保持不变', content: errorText(e), okText: '知道了' });
    } finally {
      setRestoring(false);
    }
  };

  const confirm = (current: Shown) => {
    const empty = current.preview.collections.every((c) => c.current === 0);
    modal.confirm({
      title: '确定用这个备份替换当前数据？',
      width: 480,
      content: empty ? (
        <span>当前没有可用的数据，恢复后将使用备份“{current.preview.source}”中的数据。</span>
      ) : (
        <Flex vertical gap={4}>
          <span>
            恢复前会<b>先自动备份当前数据</b>（原因“恢复前”），如恢复错了，可在“备份与恢复”中再恢复回来。
          </span>
          <span>恢复会记入操作日志。</span>
        </Flex>
      ),
      okText: '恢复',
      cancelText: '返回',
      onOk: () => restore(current),
    });
  };

  const differs = shown ? shown.preview.collections.filter((c) => changes(c) > 0).length : 0;
  const empty = shown ? shown.preview.collections.every((c) => c.current === 0) : false;
  const element = (
    <Modal
      open={shown !== null}
      title={shown?.target.backup ? `从备份恢复：${timeText(shown.target.backup.at)}（${shown.target.backup.reason}）` : '从备份文件恢复'}
      width={720}
      style={{ top: 24 }}
      destroyOnHidden
      onCancel={() => !restoring && setShown(null)}
      okText="恢复此备份…"
      cancelText="取消"
      okButtonProps={{ autoFocus: true, loading: restoring }}
      onOk={() => shown && confirm(shown)}
    >
      {shown && (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 110 } }}
            items={[
              {
                key: 'source',
                label: '备份文件',
                children: <Typography.Text style={{ wordBreak: 'break-all' }}>{shown.preview.source}</Typography.Text>,
              },
              { key: 'created', label: '数据库建立于', children: timeText(shown.preview.createdAt) },
            ]}
          />
          {/* Every kind on one 1366×768 screen: rows a little tighter than the small table's. */}
          <ConfigProvider theme={{ components: { Table: { cellPaddingBlockSM: 4 } } }}>
            <Table<CollectionRow>
              size="small"
              rowKey="label"
              columns={columns}
              dataSource={[...shown.preview.collections]}
              pagination={false}
              rowClassName={(row) => (changes(row) > 0 ? 'restore-row-changed' : '')}
              aria-label="恢复前后的数据对比"
            />
          </ConfigProvider>
          <Alert
            type={empty ? 'info' : differs > 0 ? 'warning' : 'info'}
            showIcon
            title={
              empty
                ? '当前没有可用的数据，恢复后将使用备份中的数据。'
                : differs > 0
                  ? `恢复后，当前数据将整体换成备份中的数据（${differs} 类数据有删除、改回或恢复，已标出）。恢复前会先自动备份当前数据。`
                  : '备份与当前数据相同，恢复不会改动任何记录。'
            }
          />
        </Flex>
      )}
    </Modal>
  );

  return { start, loading, element };
}
