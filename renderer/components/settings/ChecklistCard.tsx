import { Col, Form, Input, Row, Typography, type FormRule } from 'antd';
import { CADRE_LEVEL_LABELS, REGION_LEVELS } from '@shared/domain/schemas';
import { SettingsCard } from './ProfileCards';

const MAX_ITEMS = 40;
const MAX_ITEM_LENGTH = 200;

function checklistRules(levelLabel: string): FormRule[] {
  return [
    {
      validator: async (_rule, items: readonly string[] | undefined) => {
        const filled = (items ?? []).map((item) => item.trim()).filter(Boolean);
        if (filled.length === 0) throw new Error(`请至少填写一条${levelLabel}检查要点`);
        if (filled.length > MAX_ITEMS) throw new Error(`${levelLabel}检查要点最多 ${MAX_ITEMS} 条，现有 ${filled.length} 条`);
        const long = filled.findIndex((item) => item.length > MAX_ITEM_LENGTH);
        if (long >= 0) throw new Error(`第 ${long + 1} 条超过 ${MAX_ITEM_LENGTH} 个字，请拆成两条`);
      },
    },
  ];
}

/** 督查清单 (SPEC §3.8): the 检查要点 each level's handbook prints, one item per line. */
export function ChecklistCard() {
  return (
    <SettingsCard title="督查清单（检查要点）" testId="checklist-card">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        印在各层级干部工作手册的“督查清单”中，每行一条，空行不计
      </Typography.Text>
      <Row gutter={12} style={{ marginTop: 6 }}>
        {REGION_LEVELS.map((level) => (
          <Col span={6} key={level}>
            <Form.Item
              name={['checklistByLevel', level]}
              label={`${CADRE_LEVEL_LABELS[level]}干部`}
              rules={checklistRules(`${CADRE_LEVEL_LABELS[level]}干部`)}
              // The profile keeps a list; the text area shows one item per line.
              getValueProps={(items: readonly string[] | undefined) => ({ value: (items ?? []).join('\n') })}
              normalize={(text: string) => text.split('\n')}
            >
              <Input.TextArea autoSize={{ minRows: 6, maxRows: 12 }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </SettingsCard>
  );
}
