import { App } from 'antd';
import { useState } from 'react';
import type { FileContent } from '@shared/api/contract';
import { saveAndTell } from '../../api/download';
import { errorText } from '../../api/error-text';

export interface DownloadState {
  readonly busy: boolean;
  /** The API's Chinese message of the last failed export; '' when none. */
  readonly error: string;
  readonly run: (make: () => Promise<FileContent>) => Promise<void>;
}

/** Runs one export at a time and saves the workbook, saying where; a failure keeps its message for the card. */
export function useDownload(): DownloadState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { message } = App.useApp();
  const run = async (make: () => Promise<FileContent>): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      await saveAndTell(await make(), message.success);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
