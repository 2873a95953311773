import { Col, Form, Input, Row, Typography, type FormRule } from 'antd';
import { CADRE_LEVEL_LABELS, REGION_LEVELS } from '@shared/domain/schemas';
import { SettingsCard } from './ProfileCards';

const MAX_ITEM_LENGTH = 200;

/** One item per line: at least one, at most `most`, none too long; `what` names them (村级干部检查要点, 督查事项). */
export function itemLineRules(what: string, most: number): FormRule[] {
  return [
    {
      validator: async (_rule, items: readonly string[] | undefined) => {
        const filled = (items ?? []).map((item) => item.trim()).filter(Boolean);
        if (filled.length === 0) throw new Error(`请至少填写一条${what}`);
        if (filled.length > most) throw new Error(`${what}最多 ${most} 条，现有 ${filled.length} 条`);
        const long = filled.findIndex((item) => item.length > MAX_ITEM_LENGTH);
        if (long >= 0) throw new Error(`第 ${long + 1} 条超过 ${MAX_ITEM_LENGTH} 个字，请拆成两条`);
      },
    },
  ];
}

/** The profile keeps a list; the text area shows one item per line. */
export const ITEM_LINES = {
  getValueProps: (items: readonly string[] | undefined) => ({ value: (items ?? []).join('\n') }),
  normalize: (text: string) => text.split('\n'),
};

/** 督导检查要点 (docs/domain.md#设置的规则): what a cadre checks on a visit, printed in each level's handbook, one item per line. */
export function ChecklistCard() {
  return (
    <SettingsCard title="督导检查要点" testId="checklist-card">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        干部每次督导对照逐项检查，印在各层级干部工作手册的“督导检查要点”中，每行一条，空行不计
      </Typography.Text>
      <Row gutter={12} style={{ marginTop: 6 }}>
        {REGION_LEVELS.map((level) => (
          <Col span={6} key={level}>
            <Form.Item
              name={['checklistByLevel', level]}
              label={`${CADRE_LEVEL_LABELS[level]}干部`}
              rules={itemLineRules(`${CADRE_LEVEL_LABELS[level]}干部检查要点`, 40)}
              {...ITEM_LINES}
            >
              <Input.TextArea autoSize={{ minRows: 6, maxRows: 12 }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </SettingsCard>
  );
}
