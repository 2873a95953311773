import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { api } from '../../api/client';

/** The plan year and the export folder for the export cards; null until loaded (or if it failed). */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    // Without it the cards still work: the services default to the plan year and export folder.
    api('app:info', {}).then(
      (value) => live && setInfo(value),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
