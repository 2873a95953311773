import { DownloadOutlined, FolderOpenOutlined, ReloadOutlined, RollbackOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AppInfo, BackupInfo } from '@shared/api/contract';
import { api } from '../api/client';
import { saveAndTell } from '../api/download';
import { errorText } from '../api/error-text';
import { useApiQuery } from '../api/queries';
import { hasNativeOpen } from '../api/open-file';
import { LoadProblem } from '../components/LoadProblem';
import { chooseBackupFile, uploadSource, useRestoreFlow, type RestoreSource } from '../components/RestoreFlow';
import { timeText } from '../forms/dates';
import { useElementHeight } from '../hooks/useElementHeight';

const REASON_COLORS: Readonly<Record<string, string>> = {
  手动备份: 'blue',
  启动时: 'default',
  导入前: 'green',
  自动分配前: 'purple',
  恢复前: 'orange',
  升级数据前: 'cyan',
};

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb < 0.01 && bytes > 0 ? '< 0.01' : mb.toFixed(2)} MB`;
}

const HEADER_HEIGHT = 40;

/** 备份与恢复 (docs/architecture.md#data-files): the backups in the data folder, 立即备份, 下载, and restore with a preview. */
export function BackupPage({ info, onRestored }: { readonly info: AppInfo; readonly onRestored: (info: AppInfo) => void }) {
  const { message } = App.useApp();
  // Read again each time the screen opens (the app backs up by itself before imports and the like) and after 立即备份.
  const { result: backups, error, reload: load } = useApiQuery('backup:list', {}, { readOnOpen: true });
  const [creating, setCreating] = useState(false);
  const [downloading, setDownloading] = useState('');
  const [fresh, setFresh] = useState('');
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const restore = useRestoreFlow(onRestored);

  const create = async () => {
    setCreating(true);
    try {
      const made = await api('backup:create', {});
      setFresh(made.fileName);
      message.success(`已备份（${megabytes(made.bytes)}）。重要的备份请再点“下载”另存到 U 盘或其他电脑`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setCreating(false);
    }
  };

  const download = async (backup: BackupInfo) => {
    setDownloading(backup.fileName);
    try {
      await saveAndTell(await api('backup:download', { fileName: backup.fileName }), message.success, 'application/json');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setDownloading('');
    }
  };

  const fromFile = async (file: File) => {
    let source: RestoreSource;
    try {
      source = await uploadSource(file);
    } catch {
      message.error(`无法读取文件“${file.name}”，请确认文件没有被移动或被其他程序占用后重新选择`);
      return;
    }
    await restore.start({ source, backup: null });
  };

  const columns: TableColumnsType<BackupInfo> = [
    {
      title: '时间',
      dataIndex: 'at',
      width: 190,
      render: (at: string, row) => (
        <Flex gap={6} align="center">
          {timeText(at)}
          {row.fileName === fresh && <Tag color="success">新</Tag>}
        </Flex>
      ),
    },
    {
      title: '原因',
      dataIndex: 'reason',
      width: 120,
      render: (reason: string) => <Tag color={REASON_COLORS[reason] ?? 'default'}>{reason}</Tag>,
    },
    { title: '大小', dataIndex: 'bytes', width: 110, align: 'right', render: (bytes: number) => megabytes(bytes) },
    {
      title: '文件名',
      dataIndex: 'fileName',
      ellipsis: true,
      render: (name: string) => (
        <Typography.Text type="secondary" title={name}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_: unknown, row) => (
        <Flex gap={4}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloading === row.fileName}
            onClick={() => void download(row)}
            aria-label={`下载 ${timeText(row.at)} 的备份`}
          >
            下载
          </Button>
          <Button
            size="small"
            icon={<RollbackOutlined />}
            loading={restore.loading === row.fileName}
            disabled={restore.loading !== '' && restore.loading !== row.fileName}
            onClick={() => void restore.start({ source: { fileName: row.fileName }, backup: row })}
            aria-label={`从 ${timeText(row.at)} 的备份恢复`}
          >
            恢复…
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} style={{ height: '100%', minHeight: 0 }}>
      <Flex gap={8} align="center">
        <Typography.Title level={4} style={{ margin: '0 16px 0 0', whiteSpace: 'nowrap' }}>
          备份与恢复
        </Typography.Title>
        <Button type="primary" icon={<SaveOutlined />} loading={creating} onClick={() => void create()}>
          立即备份
        </Button>
        <Upload
          accept=".json"
          multiple={false}
          showUploadList={false}
          openFileDialogOnClick={!hasNativeOpen()}
          beforeUpload={(file) => {
            void fromFile(file);
            return false;
          }}
        >
          <Button
            icon={<UploadOutlined />}
            onClick={hasNativeOpen() ? () => void chooseBackupFile().then((file) => file && fromFile(file)) : undefined}
            loading={restore.loading !== '' && !backups?.some((b) => b.fileName === restore.loading)}
          >
            从文件恢复…
          </Button>
        </Upload>
        <Button icon={<ReloadOutlined />} onClick={load}>
          刷新
        </Button>
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
          {backups === null ? '正在读取…' : `共 ${backups.length} 份备份，最新的在最上面`}
        </Typography.Text>
      </Flex>
      <Card size="small">
        <Flex vertical gap={4}>
          <Typography.Text>
            <FolderOpenOutlined /> 数据文件夹：
            <Typography.Text code copyable={{ text: info.dataDir, tooltips: ['复制路径', '已复制'] }}>
              {info.dataDir}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {
              '备份保存在数据文件夹的 backups 子文件夹中。软件在启动时，导入、自动分配、生成督导计划、干部变动、成批调整或解除包保、按网格补全和恢复之前自动备份，只保留最近的若干份；重要的备份请“下载”后另存到 U 盘或其他电脑，需要时用“从文件恢复…”选择它。恢复前会先备份当前数据。'
            }
          </Typography.Text>
        </Flex>
      </Card>
      <LoadProblem text={error} onRetry={load} />
      <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
        <Table<BackupInfo>
          size="small"
          rowKey="fileName"
          columns={columns}
          dataSource={backups ? [...backups] : []}
          loading={backups === null && !error}
          pagination={false}
          scroll={{ y: Math.max(tableHeight - HEADER_HEIGHT, 120) }}
          rowClassName={(row) => (row.fileName === fresh ? 'backup-row-fresh' : '')}
          locale={{ emptyText: '还没有备份。点“立即备份”做第一份备份' }}
        />
      </div>
      {restore.element}
    </Flex>
  );
}
