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
 * Saves a workbook the services made: a Blob behind a temporary <a download>. Chromium saves it
 * to the downloads folder; Electron asks where to save it.
 */
export function saveFile(file: FileContent, type: string = XLSX_MIME): void {
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
}
