import type { FileContent } from '@shared/api/contract';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** base64 → bytes, in slices so a large workbook does not build one huge intermediate string. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file the services made. Electron: the native save dialog (starting in the last folder
 * used) writes it and this resolves to the saved path, or null when cancelled or refused (main
 * says why on the window). Browser: a Blob behind a temporary <a download> goes to the downloads
 * folder and this resolves to null.
 */
export async function saveFile(file: FileContent, type: string = XLSX_MIME): Promise<string | null> {
  if (window.desktop) return window.desktop.saveFile(file);
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is released a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}

/**
 * saveFile, then tells the clerk where the file went (`success` shows it): the saved path in the
 * desktop app, the downloads list in a browser; nothing when they cancelled the save dialog.
 * Resolves to false only when cancelled, so a dialog can stay open for another try.
 */
export async function saveAndTell(file: FileContent, success: (text: string) => void, type: string = XLSX_MIME): Promise<boolean> {
  const savedTo = await saveFile(file, type);
  if (window.desktop && savedTo === null) return false;
  success(savedTo === null ? `已开始下载“${file.fileName}”，请在浏览器的下载列表中查看` : `已保存：${savedTo}`);
  return true;
}
