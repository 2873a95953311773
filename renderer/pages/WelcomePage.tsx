import { DatabaseOutlined, ExperimentOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Flex, Spin, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { uploadSource, useRestoreFlow, type RestoreSource } from '../components/RestoreFlow';
import { timeText } from '../forms/dates';
import { useMenuCommands } from '../hooks/useMenuCommands';
import type { ScreenKey } from '../navigation/screens';

type Starting = 'demo' | 'blank' | null;

const MENU_ACTIONS: Partial<Record<ScreenKey, string>> = { import: '导入', export: '导出与打印', backup: '备份' };

/** What the desktop menu's 导入… / 导出与打印… / 备份与恢复… need first while there is no library. */
function firstStepText(screen: ScreenKey, recovering: boolean): string {
  const action = MENU_ACTIONS[screen] ?? '打开该功能';
  if (recovering) return `数据文件需要先恢复，暂时不能${action}。请用本页的按钮从备份恢复，或新建空白库。`;
  if (screen === 'backup') return '还没有数据库，暂时不需要备份。如要从以前的备份恢复，请点本页的“从备份文件恢复…”。';
  return `还没有数据库，暂时不能${action}。请先在本页载入示例数据或新建空白库。`;
}

/**
 * Shown while the data folder holds no library: start with demo data or an empty one. When the
 * data file was damaged at start (and moved aside), restoring the newest backup comes first.
 */
export function WelcomePage({ info, onReady }: { readonly info: AppInfo; readonly onReady: (info: AppInfo) => void }) {
  const { message } = App.useApp();
  const [starting, setStarting] = useState<Starting>(null);
  const [error, setError] = useState('');
  const restore = useRestoreFlow(onReady);
  const { recovery } = info;
  const newest = recovery?.newestBackup ?? null;
  // The menu's screens need a library: say what to do first instead of doing nothing.
  const recovering = recovery !== null;
  useMenuCommands(useCallback((screen: ScreenKey) => void message.info(firstStepText(screen, recovering)), [message, recovering]));

  const start = async (how: Exclude<Starting, null>) => {
    setStarting(how);
    setError('');
    try {
      onReady(how === 'demo' ? await api('app:loadDemo', { scale: 'city' }) : await api('app:createBlank', {}));
    } catch (e) {
      setError(errorText(e));
      setStarting(null);
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

  const busy = starting !== null || restore.loading !== '';
  const uploadButton = (primary: boolean) => (
    <Upload
      accept=".json"
      multiple={false}
      showUploadList={false}
      disabled={busy}
      beforeUpload={(file) => {
        void fromFile(file);
        return false;
      }}
    >
      <Button
        type={primary ? 'primary' : 'default'}
        size="large"
        icon={<UploadOutlined />}
        disabled={busy}
        loading={restore.loading !== '' && restore.loading !== newest?.fileName}
      >
        {newest ? '从其他备份文件恢复…' : '从备份文件恢复…'}
      </Button>
    </Upload>
  );
  const demoButton = (primary: boolean) => (
    <Button
      type={primary ? 'primary' : 'default'}
      size="large"
      icon={<ExperimentOutlined />}
      disabled={busy}
      onClick={() => void start('demo')}
    >
      载入示例数据
    </Button>
  );
  const blankButton = (
    <Button size="large" icon={<DatabaseOutlined />} loading={starting === 'blank'} disabled={busy} onClick={() => void start('blank')}>
      新建空白库
    </Button>
  );

  const choices = () => {
    if (starting === 'demo') {
      return (
        <Flex align="center" gap="middle" style={{ padding: '8px 0' }}>
          <Spin />
          <Typography.Text>正在生成示例数据…（约需几秒钟，请稍候）</Typography.Text>
        </Flex>
      );
    }
    if (!recovery) {
      // A backup brought from another PC (e.g. on a USB stick) can be the start too.
      return (
        <Flex gap="middle" wrap>
          {demoButton(true)}
          {blankButton}
          {uploadButton(false)}
        </Flex>
      );
    }
    if (newest) {
      return (
        <Flex vertical gap={12}>
          <Button
            type="primary"
            size="large"
            block
            icon={<RollbackOutlined />}
            loading={restore.loading === newest.fileName}
            disabled={busy}
            onClick={() => void restore.start({ source: { fileName: newest.fileName }, backup: newest })}
          >
            从最新备份恢复（{timeText(newest.at)}，{newest.reason}）
          </Button>
          <Flex gap="middle" wrap>
            {uploadButton(false)}
          </Flex>
          <Divider plain style={{ margin: '4px 0' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              不需要原来的数据时
            </Typography.Text>
          </Divider>
          <Flex gap="middle" wrap>
            {blankButton}
            {demoButton(false)}
          </Flex>
        </Flex>
      );
    }
    return (
      <Flex gap="middle" wrap>
        {uploadButton(true)}
        {blankButton}
      </Flex>
    );
  };

  return (
    <Flex
      align="center"
      justify="center"
      style={{ height: '100%', boxSizing: 'border-box', overflowY: 'auto', background: '#f5f5f5', padding: 24 }}
    >
      <Card style={{ width: 640, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {recovery ? '数据文件需要恢复' : '欢迎使用食安包保工作台'}
        </Typography.Title>
        {recovery ? (
          <>
            <Alert type="error" showIcon title="未能打开数据文件" description={recovery.message} style={{ marginBottom: 16 }} />
            <Typography.Paragraph>
              {newest
                ? '建议从最新的备份恢复：恢复前会先显示备份中有多少数据，确认后才写入。损坏的文件已原样保留，不会被覆盖或删除。'
                : '数据文件夹中没有可用的备份。如果曾把备份下载保存到其他位置（如 U 盘），请选择该文件恢复；否则只能新建空白库，再重新导入本单位的表格。损坏的文件已原样保留。'}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Paragraph>
            数据文件夹中还没有数据库。可以先载入一套示例数据熟悉软件（一个地级市规模：约 2.2 万户包保主体、2,684
            名包保干部），也可以新建一个空白库，再导入本单位的表格；在其他电脑上用过本软件的，可以从带来的备份文件恢复。
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">
          数据文件夹：<Typography.Text code>{info.dataDir}</Typography.Text>
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {choices()}
      </Card>
      {restore.element}
    </Flex>
  );
}
