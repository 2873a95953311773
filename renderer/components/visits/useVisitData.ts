import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResults, ProblemView, VisitRow } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export type OpenProblemRow = ApiResults['visits:openProblems'][number];

export interface VisitData {
  /** Every visit of the year or the focus (other filters are applied on the screen, so the figures stay whole). */
  readonly rows: readonly VisitRow[];
  /** Every problem not yet rectified, of any year. */
  readonly problems: readonly OpenProblemRow[];
  /** Every problem of any year with the step it waits for (问题整改台账). */
  readonly ledger: readonly ProblemView[];
  readonly loading: boolean;
  readonly error: string;
  readonly reload: () => void;
}

/** Narrows the screen to a region and below, and (both dates set) to visits planned or made in those days. */
export interface VisitFocus {
  readonly regionId: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The year's visits and the problems, read together and again after every change; with a
 * focus (a dashboard drill-down), those of its region and days instead.
 */
export function useVisitData(year: number | null, focus: VisitFocus | null): VisitData {
  const [rows, setRows] = useState<readonly VisitRow[]>([]);
  const [problems, setProblems] = useState<readonly OpenProblemRow[]>([]);
  const [ledger, setLedger] = useState<readonly ProblemView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (year === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    Promise.all([api('visits:list', { year, ...focus }), api('visits:openProblems', focus ?? {}), api('problems:list', focus ?? {})]).then(
      ([visits, open, all]) => {
        if (ticket !== latest.current) return;
        setRows(visits);
        setProblems(open);
        setLedger(all);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(`督导记录读取失败：${errorText(e)}`);
        setLoading(false);
      },
    );
  }, [year, focus, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { rows, problems, ledger, loading, error, reload };
}
