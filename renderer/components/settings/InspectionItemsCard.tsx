import { Form, Input, Tag, Tooltip, Typography } from 'antd';
import { ITEM_LINES, itemLineRules } from './ChecklistCard';
import { SettingsCard } from './ProfileCards';

/**
 * 督查清单 (docs/domain.md#包保干部的规则): what the 省/市/旗区/乡镇 督查组 check each cadre against — the 责任清单
 * and the 任务清单 — printed in every handbook and offered item by item when a 督查 is recorded.
 */
export function InspectionItemsCard() {
  return (
    <SettingsCard
      title="督查清单"
      testId="inspection-items-card"
      extra={
        <Tooltip title="督查事项以省、市最新的包保督查通知为准，请对照本地最新通知核对">
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            按本地最新通知核对
          </Tag>
        </Tooltip>
      }
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        省、市、旗区、乡镇督查组据此逐项督查干部落实责任清单和任务清单的情况；印在工作手册的“督查清单”中，记录督查时逐项选择落实或未落实。每行一条，空行不计
      </Typography.Text>
      <Form.Item
        name="inspectionItems"
        label="督查事项"
        rules={itemLineRules('督查事项', 60)}
        {...ITEM_LINES}
        style={{ marginTop: 6, marginBottom: 0 }}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
    </SettingsCard>
  );
}
