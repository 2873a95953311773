import type { BrowserWindow } from 'electron';
import type { PrintLayout } from '@shared/api/desktop';
import { tellOnWindow, type Dialogs } from './dialogs';

/**
 * Prints the window's page through the system print dialog, on the given paper; with no layout
 * (the menu's 打印…) the page's own CSS `@page` size and the printer's defaults apply.
 * A failed job (not a cancelled one) is reported on the window.
 */
export async function printPage(window: BrowserWindow, layout: PrintLayout | null): Promise<void> {
  const failure = await new Promise<string>((resolve) => {
    window.webContents.print({ printBackground: true, ...layout }, (success, reason) =>
      resolve(success || /cancel/i.test(reason) ? '' : reason),
    );
  });
  if (!failure) return;
  await tellOnWindow(
    window,
    '打印没有完成',
    `原因：${failure}。\n请检查打印机已连接、开机并有纸，然后再打印一次；也可以先“另存为 PDF”再打印。`,
  );
}

/**
 * Saves the window's page as a PDF where the user chooses; the path or null. The page's CSS
 * `@page` size and margins decide (the layout's paper when it sets none; A4 portrait with no
 * layout), and Chromium adds no header or footer of its own: a 公文 carries only its page numbers.
 */
export function savePageAsPdf(
  window: BrowserWindow,
  dialogs: Dialogs,
  layout: PrintLayout | null,
  fileName: string,
): Promise<string | null> {
  const pdfName = /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`;
  return dialogs.saveBytes(window, pdfName, () =>
    window.webContents.printToPDF({
      printBackground: true,
      displayHeaderFooter: false,
      preferCSSPageSize: true,
      ...(layout ?? { pageSize: 'A4', landscape: false }),
    }),
  );
}
