import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../../api/error-text';
import { printPage, savePageAsPdf } from '../../api/print';
import { openScreen } from '../../hooks/useHashScreen';

/** Both print views are A4 portrait. */
const A4_PORTRAIT = { pageSize: 'A4', landscape: false } as const;

export interface PrintToolbarProps {
  readonly title: string;
  /** What to print (cadre, region, level pickers). */
  readonly children: ReactNode;
  /** Shown between the pickers and the buttons, e.g. “共 12 封”. */
  readonly summary?: ReactNode;
  /** The PDF's suggested name; null while there is nothing to print. */
  readonly pdfFileName: string | null;
}

/** The print views' top bar (never printed): back, what to print, 打印 and 另存为 PDF. */
export function PrintToolbar({ title, children, summary, pdfFileName }: PrintToolbarProps) {
  const { message } = App.useApp();
  const run = async (action: () => Promise<string | null | void>) => {
    try {
      const saved = await action();
      if (saved) message.success(`已保存 PDF：${saved}`);
    } catch (e) {
      message.error(`打印未完成：${errorText(e)}。请检查打印机或保存位置后重试`);
    }
  };
  return (
    <Flex className="print-toolbar no-print" align="center" gap={10} wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? window.history.back() : openScreen('export'))}>
        返回
      </Button>
      <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
        {title}
      </Typography.Title>
      {children}
      <Flex align="center" gap={8} style={{ marginInlineStart: 'auto' }}>
        {summary}
        <Button type="primary" icon={<PrinterOutlined />} disabled={!pdfFileName} onClick={() => void run(() => printPage(A4_PORTRAIT))}>
          打印
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={!pdfFileName}
          onClick={() => void run(() => savePageAsPdf({ ...A4_PORTRAIT, fileName: pdfFileName ?? '' }))}
        >
          另存为 PDF
        </Button>
      </Flex>
    </Flex>
  );
}
