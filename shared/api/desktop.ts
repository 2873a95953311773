/**
 * What the Electron preload adds as `window.desktop` beside `window.api`: things only a desktop
 * shell can do (native dialogs, the system printer, Explorer). In the browser (web harness) it is
 * absent and the renderer falls back to the browser's own download, file input and print.
 */
export interface PrintLayout {
  readonly pageSize: 'A4' | 'A3';
  readonly landscape: boolean;
}

export interface DesktopApi {
  /** Print the current page on the system printer (the system's print dialog). */
  print(layout: PrintLayout): Promise<void>;
  /** Save the current page as a PDF: native save dialog, then `printToPDF`; the saved path or null. */
  printToPdf(layout: PrintLayout & { readonly fileName: string }): Promise<string | null>;
  /** Native folder picker starting at the last folder used; the chosen path or null. */
  chooseFolder(title: string): Promise<string | null>;
  /** Opens a folder (or shows a file) in Explorer. */
  showInFolder(fullPath: string): Promise<void>;
}
