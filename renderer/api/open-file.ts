import type { OpenFileOptions } from '@shared/api/desktop';
import { base64ToBytes } from './download';

/** True inside Electron: choose files with the native open dialog (it remembers the last folder). */
export const hasNativeOpen = (): boolean => window.desktop !== undefined;

/**
 * The native open dialog, as the File a browser file input would give, so the same code reads
 * either. Null when cancelled (or refused: main says why on the window).
 */
export async function openNativeFile(options: OpenFileOptions): Promise<File | null> {
  const chosen = await window.desktop?.openFile(options);
  return chosen ? new File([base64ToBytes(chosen.contentBase64)], chosen.fileName) : null;
}
