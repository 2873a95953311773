import type { AppInfo } from '@shared/api/contract';
import { useApiQuery } from '../../api/queries';

/** The plan year and the export folder for the export cards; null until loaded (or if it failed). */
export function useAppInfo(): AppInfo | null {
  // Without it the cards still work: the services default to the plan year and export folder.
  return useApiQuery('app:info', {}).result;
}
