import type { PrintLayout } from '@shared/api/desktop';

/**
 * Prints what is on screen (print views hide the app's chrome through print CSS and set their
 * own `@page` size). Electron prints through the system printer; the browser opens its dialog.
 */
export async function printPage(layout: PrintLayout): Promise<void> {
  if (window.desktop) await window.desktop.print(layout);
  else window.print();
}

/**
 * Saves what is on screen as a PDF. Electron asks where and writes it (`printToPDF`); in the
 * browser the print dialog offers 「另存为 PDF」. Resolves to the saved path, or null.
 */
export async function savePageAsPdf(layout: PrintLayout & { readonly fileName: string }): Promise<string | null> {
  if (window.desktop) return window.desktop.printToPdf(layout);
  window.print();
  return null;
}
