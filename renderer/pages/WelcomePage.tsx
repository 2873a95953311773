import { DatabaseOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';

type Starting = 'demo' | 'blank' | null;

/** Shown while the data folder holds no library: start with demo data or an empty one. */
export function WelcomePage({ info, onReady }: { readonly info: AppInfo; readonly onReady: (info: AppInfo) => void }) {
  const [starting, setStarting] = useState<Starting>(null);
  const [error, setError] = useState('');

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

  return (
    <Flex align="center" justify="center" style={{ height: '100%', background: '#f5f5f5', padding: 24 }}>
      <Card style={{ width: 620, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          欢迎使用食安包保工作台
        </Typography.Title>
        <Typography.Paragraph>
          数据文件夹中还没有数据库。可以先载入一套示例数据熟悉软件（一个地级市规模：约 2.2 万户包保主体、2,684
          名包保干部），也可以新建一个空白库，再导入本单位的表格。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          数据文件夹：<Typography.Text code>{info.dataDir}</Typography.Text>
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {starting === 'demo' ? (
          <Flex align="center" gap="middle" style={{ padding: '8px 0' }}>
            <Spin />
            <Typography.Text>正在生成示例数据…（约需几秒钟，请稍候）</Typography.Text>
          </Flex>
        ) : (
          <Flex gap="middle" wrap>
            <Button type="primary" size="large" icon={<ExperimentOutlined />} disabled={starting !== null} onClick={() => void start('demo')}>
              载入示例数据
            </Button>
            <Button size="large" icon={<DatabaseOutlined />} loading={starting === 'blank'} disabled={starting !== null} onClick={() => void start('blank')}>
              新建空白库
            </Button>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
