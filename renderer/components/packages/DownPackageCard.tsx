import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { api } from '../../api/client';
import { useMadePackage } from './useMadePackage';

/**
 * 下发包 (导出与打印): the office's 作战图 tasks, letter template, 督导检查要点, 督查清单, 督导频次
 * and deadlines and its region list in one file for the 旗区 below, which take it in on 汇总上报包.
 */
export function DownPackageCard() {
  const { made, download, make } = useMadePackage();
  const exportNow = () => make(() => api('package:exportDown', {}));

  return (
    <Card title="下发包" size="small" data-testid="export-down-package">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          把本单位的作战图任务、一封信模板、督导检查要点、督查清单、督导频次与期限和行政区划生成一个 Excel
          文件，下发所辖旗区接收；旗区自己改过的项保留，双方都改过的由旗区选择。
        </Typography.Text>
        {download.error && <Alert type="error" showIcon title={download.error} />}
        {made && !download.busy && (
          <Alert
            type="success"
            showIcon
            data-testid="down-package-made"
            title={`已生成“${made.fileName}”`}
            description={`校验码 ${made.sha256.slice(0, 16)}…，旗区接收时据此确认文件未被修改`}
          />
        )}
        <Flex justify="flex-end">
          <Button icon={<ExportOutlined />} loading={download.busy} onClick={exportNow}>
            导出下发包
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
