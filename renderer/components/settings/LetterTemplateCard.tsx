import { UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Form, Input, Row, Spin, Tooltip, Typography, type FormRule } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type LetterTemplate } from '@shared/domain/schemas';
import { LETTER_FIELDS, unknownFieldsMessage } from '@shared/handbook/letter';
import { LETTER_CSS, letterPageHtml } from '@shared/handbook/letter-html';
import { DEFAULT_LETTER } from '@shared/handbook/texts';
import { useApiQuery } from '../../api/queries';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { CadrePicker, type PickedCadre } from '../CadrePicker';
import { SettingsCard } from './ProfileCards';

/** A template text: not too long, and every `{…}` a merge field. */
function templateRules(label: string, max: number): FormRule[] {
  return [
    { max, message: `${label}不能超过${max}个字` },
    {
      validator: async (_rule, value: string | undefined) => {
        const message = unknownFieldsMessage(label, value ?? '');
        if (message) throw new Error(message);
      },
    },
  ];
}

export interface LetterTemplateCardProps {
  /** Reset to the shipped text changes the form without a keystroke: the page marks it unsaved. */
  readonly onChanged: () => void;
}

/** 致包保领导的一封信 (docs/domain.md#致包保领导的一封信): the template with its merge fields, and a live preview for one cadre. */
export function LetterTemplateCard({ onChanged }: LetterTemplateCardProps) {
  const form = Form.useFormInstance();
  const { modal } = App.useApp();
  const resetToDefault = () =>
    modal.confirm({
      title: '恢复默认的信件内容？',
      content: '标题、称呼、正文、落款和各层级工作职责将换成软件自带的内容（联系人、电话和落款单位不变）；点“保存设置”后生效。',
      okText: '恢复默认',
      cancelText: '取消',
      onOk: () => {
        const { title, greeting, body, closing, dutiesByLevel } = DEFAULT_LETTER;
        form.setFieldsValue({ letter: { title, greeting, body, closing, dutiesByLevel: { ...dutiesByLevel } } });
        void form.validateFields([['letter', 'body']]);
        onChanged();
      },
    });
  return (
    <SettingsCard
      title="致包保领导的一封信"
      testId="letter-template-card"
      extra={
        <Button size="small" icon={<UndoOutlined />} onClick={resetToDefault}>
          恢复默认内容
        </Button>
      }
    >
      <Row gutter={16}>
        <Col span={14}>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item name={['letter', 'title']} label="标题" rules={templateRules('信件标题', 60)}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name={['letter', 'greeting']} label="称呼" rules={templateRules('称呼', 60)}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['letter', 'body']}
            label="正文（每行一段，花括号内为合并字段，点下方字段插入到光标处）"
            rules={templateRules('信件正文', 3000)}
          >
            <BodyEditor />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name={['letter', 'signOrg']}
                label="落款单位"
                rules={[{ max: 60, message: '落款单位不能超过60个字' }]}
                extra="不填则用单位名称"
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={['letter', 'contactName']}
                label="联系人"
                rules={[{ max: 30, message: '联系人不能超过30个字' }]}
                extra="信中印出时必填，否则不能打印"
              >
                <Input placeholder="如：食品协调科 王科长" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={['letter', 'contactPhone']}
                label="联系电话"
                rules={[{ max: 30, message: '联系电话不能超过30个字' }]}
                extra="信中印出时必填，否则不能打印"
              >
                <Input placeholder="如：0477-8581234" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['letter', 'closing']}
            label="落款（末行为成文日期，右空四字；上面各行以它居中）"
            rules={templateRules('落款', 200)}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 3 }} />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            工作职责（按干部层级填入正文的 {'{工作职责}'}）
          </Typography.Text>
          <Row gutter={12} style={{ marginTop: 4 }}>
            {REGION_LEVELS.map((level) => (
              <Col span={12} key={level}>
                <Form.Item
                  name={['letter', 'dutiesByLevel', level]}
                  label={`${CADRE_LEVEL_LABELS[level]}干部`}
                  rules={[{ max: 500, message: '工作职责不能超过500个字' }]}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 5 }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Col>
        <Col span={10}>
          <LetterPreview />
        </Col>
      </Row>
    </SettingsCard>
  );
}

/** The body's text area with the merge fields under it: a click puts the field at the cursor. */
function BodyEditor({
  value = '',
  onChange,
  id,
}: {
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly id?: string;
}) {
  const ref = useRef<TextAreaRef>(null);
  const insert = (name: string) => {
    const area = ref.current?.resizableTextArea?.textArea;
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    const field = `{${name}}`;
    onChange?.(value.slice(0, start) + field + value.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + field.length, start + field.length);
    });
  };
  return (
    <>
      <Input.TextArea id={id} ref={ref} value={value} onChange={(e) => onChange?.(e.target.value)} autoSize={{ minRows: 8, maxRows: 14 }} />
      <Flex wrap gap={4} style={{ marginTop: 6 }} data-testid="letter-fields">
        {LETTER_FIELDS.map((field) => (
          <Tooltip key={field.name} title={field.note}>
            <Button size="small" type="dashed" onClick={() => insert(field.name)}>
              {`{${field.name}}`}
            </Button>
          </Tooltip>
        ))}
      </Flex>
    </>
  );
}

const PREVIEW_SCALE = 0.5;

/** The letter as it will print, for one cadre, from the template being edited (not yet saved). */
function LetterPreview() {
  const letter = Form.useWatch('letter') as LetterTemplate | undefined;
  const template = useDebouncedValue(letter, 400);
  // undefined until the clerk picks one (or clears the picker): the first cadre on the list, so the preview shows real figures at once.
  const [picked, setPicked] = useState<PickedCadre | null | undefined>(undefined);
  const first = useApiQuery('cadres:query', { limit: 1 }, { enabled: picked === undefined }).result?.rows[0] ?? null;
  const cadre = picked === undefined ? first : picked;
  const cadreId = cadre?.id ?? '';
  // The letter shown stays while the next edit's is made.
  const preview = useApiQuery(
    'letters:get',
    { cadreIds: [cadreId], ...(template ? { template } : {}) },
    { enabled: !!cadreId && !!template },
  );
  const html = useMemo(() => preview.result?.letters.map(letterPageHtml).join('') ?? '', [preview.result]);
  const error = preview.error && `无法预览：${preview.error}`;

  const frame = useMemo(() => ({ width: `calc(210mm * ${PREVIEW_SCALE})`, height: `calc(297mm * ${PREVIEW_SCALE})` }), []);
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          预览
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <CadrePicker value={cadre} onChange={setPicked} />
        </div>
      </Flex>
      {error && <Alert type="warning" showIcon title={error} />}
      <div style={{ ...frame, overflow: 'hidden', background: '#e8e8e8', alignSelf: 'center' }} data-testid="letter-preview">
        <style>{LETTER_CSS}</style>
        {html ? (
          <div style={{ transform: `scale(${PREVIEW_SCALE})`, transformOrigin: 'top left' }} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <Spin style={{ display: 'block', marginTop: 80 }} />
        )}
      </div>
    </Flex>
  );
}
