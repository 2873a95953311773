import type { FileContent } from './contract';

/**
 * What the Electron preload adds as `window.desktop` beside `window.api`: things only a desktop
 * shell can do (native dialogs, the system printer, Explorer). In the browser (web harness) it is
 * absent and the renderer falls back to the browser's own download, file input and print.
 * Every method rejects with an Error whose message is Chinese and says what to do.
 */
export interface PrintLayout {
  readonly pageSize: 'A4' | 'A3';
  readonly landscape: boolean;
}

/** A file type offered in a native open/save dialog, e.g. { name: 'Excel 工作簿', extensions: ['xlsx'] }. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface OpenFileOptions {
  readonly title: string;
  readonly filters: readonly FileFilter[];
  /** Larger files are refused with a message instead of being read. */
  readonly maxBytes: number;
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
  /** Native save dialog (last folder used, else the export folder), then writes the file; the path or null. */
  saveFile(file: FileContent): Promise<string | null>;
  /** Native open dialog (last folder used); the file's name and bytes, or null when cancelled. */
  openFile(options: OpenFileOptions): Promise<FileContent | null>;
}
