import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiResults } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface HolidayNoticeDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

type Preview = ApiResults['calendar:readNotice'];

/** The changed days listed in the dialog; the count says how many there are in all. */
const SHOWN_CHANGES = 8;

const REPLACES: Readonly<Record<Preview['replaces'], string>> = {
  'built-in': '软件内置的该年通知',
  entered: '此前录入的该年通知',
  provisional: '暂按法定节假日推算、未含调休的日历',
};

/**
 * 录入放假通知: the clerk pastes the 国务院办公厅 notice, the app shows what it read (each festival's
 * days, the 调休 working days, what does not add up and which days change), and saving replaces the
 * year's provisional (or built-in) calendar.
 */
export function HolidayNoticeDialog({ open, onClose }: HolidayNoticeDialogProps) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setText('');
    setPreview(null);
    setProblem('');
    onClose();
  };

  const read = async () => {
    setBusy(true);
    try {
      setPreview(await api('calendar:readNotice', { text }));
      setProblem('');
    } catch (e) {
      setPreview(null);
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const { year } = await api('calendar:saveNotice', { text });
      // 设置 reads the notices and notes again after it (a calendar change, INVALIDATES).
      message.success(`已录入 ${year} 年放假通知，督导计划和作战图按新日历计算`);
      close();
    } catch (e) {
      message.error(`放假通知未保存：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="录入国务院办公厅放假通知"
      width={640}
      onCancel={close}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={close}>取消</Button>
          <Button onClick={() => void read()} loading={busy && !preview} disabled={!text.trim()}>
            读取通知
          </Button>
          <Button type="primary" onClick={() => void save()} loading={busy && preview !== null} disabled={!preview}>
            {preview ? `保存，替换 ${preview.year} 年日历` : '保存'}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
        把《国务院办公厅关于XXXX年部分节假日安排的通知》全文粘贴到下面（从政府网站复制即可），点“读取通知”，核对读到的放假和调休上班日期后保存。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="放假通知全文"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPreview(null);
        }}
        autoSize={{ minRows: 6, maxRows: 10 }}
        placeholder="国务院办公厅关于2027年部分节假日安排的通知……一、元旦：……"
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
      {preview && (
        <div data-testid="notice-preview" style={{ marginTop: 10 }}>
          <Typography.Text strong>
            读到 {preview.year} 年：放假 {preview.holidays.length} 天，调休上班 {preview.workdays.length} 天
          </Typography.Text>
          <ul style={{ margin: '4px 0 6px', paddingInlineStart: 20 }}>
            {preview.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {preview.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 4, padding: '2px 8px', fontSize: 12 }} />
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            保存后替换{REPLACES[preview.replaces]}
            {preview.changes.length === 0
              ? '，工作日与休息日没有变化。'
              : `，${preview.changes.length} 天改变：${preview.changes.slice(0, SHOWN_CHANGES).join('；')}${preview.changes.length > SHOWN_CHANGES ? ' 等' : ''}。`}
          </Typography.Text>
        </div>
      )}
    </Modal>
  );
}
