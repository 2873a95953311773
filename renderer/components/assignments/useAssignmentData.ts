import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResults, CadreLoad } from '@shared/api/contract';
import type { CadreLevel } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface AssignmentData {
  readonly violations: ApiResults['assign:violations'] | null;
  /** Every cadre's current load; inactive cadres without 主体 are left out (they no longer serve). */
  readonly loads: readonly CadreLoad[] | null;
  /** Soft cap per level, as the services report it. */
  readonly caps: Readonly<Partial<Record<CadreLevel, number>>>;
  readonly loading: boolean;
  readonly error: string;
  /** Loads everything again, keeping what is shown until the answers come. */
  readonly reload: () => void;
}

/** Violations and cadre loads for the 包保关系 screen; one reload after every change. */
/** Everything the 包保关系 screen shows; violations within `regionId` ('' = all) as in 首页概览. */
export function useAssignmentData(regionId: string): AssignmentData {
  const [violations, setViolations] = useState<AssignmentData['violations']>(null);
  const [loads, setLoads] = useState<AssignmentData['loads']>(null);
  const [caps, setCaps] = useState<AssignmentData['caps']>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    Promise.all([api('assign:violations', { kinds: [], regionId }), api('assign:loads', {}), api('cadres:query', { active: 'no' })]).then(
      ([v, l, inactive]) => {
        if (ticket !== latest.current) return;
        const gone = new Set(inactive.rows.map((r) => r.id));
        const levelCaps: Partial<Record<CadreLevel, number>> = {};
        for (const load of l) levelCaps[load.level] = load.cap;
        setViolations(v);
        setLoads(l.filter((load) => load.before > 0 || !gone.has(load.cadreId)));
        setCaps(levelCaps);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(`包保关系读取失败：${errorText(e)}`);
        setLoading(false);
      },
    );
  }, [round, regionId]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { violations, loads, caps, loading, error, reload };
}
