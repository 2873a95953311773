import { useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { useApiQuery } from '../../api/queries';

/** The plan year and the export folder for the export cards; null until loaded (or if it failed). */
export function useAppInfo(): AppInfo | null {
  // Without it the cards still work: the services default to the plan year and export folder.
  return useApiQuery('app:info', {}).result;
}

/** A card's 年度: the plan year until the clerk picks another; null while neither is known. */
export function useYearChoice(): readonly [number | null, (year: number | null) => void] {
  const planYear = useAppInfo()?.planYear || null;
  const [chosen, setChosen] = useState<number | null>(null);
  return [chosen ?? planYear, setChosen];
}
