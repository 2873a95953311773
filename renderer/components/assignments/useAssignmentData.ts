import { useMemo } from 'react';
import type { ApiResults, CadreLoad } from '@shared/api/contract';
import type { CadreLevel } from '@shared/domain/schemas';
import { useApiQuery } from '../../api/queries';

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

const READ_ON_OPEN = { readOnOpen: true } as const;

/** Everything the 包保关系 screen shows; violations within `regionId` ('' = all) as in 首页概览. */
export function useAssignmentData(regionId: string): AssignmentData {
  const violations = useApiQuery('assign:violations', { kinds: [], regionId }, READ_ON_OPEN);
  const loads = useApiQuery('assign:loads', {}, READ_ON_OPEN);
  const inactive = useApiQuery('cadres:query', { active: 'no' }, READ_ON_OPEN);
  const derived = useMemo(() => {
    if (!loads.result || !inactive.result) return { loads: null, caps: {} };
    const gone = new Set(inactive.result.rows.map((r) => r.id));
    const caps: Partial<Record<CadreLevel, number>> = {};
    for (const load of loads.result) caps[load.level] = load.cap;
    return { loads: loads.result.filter((load) => load.before > 0 || !gone.has(load.cadreId)), caps };
  }, [loads.result, inactive.result]);
  const failed = violations.error || loads.error || inactive.error;
  return {
    violations: violations.result,
    ...derived,
    loading: violations.loading || loads.loading || inactive.loading,
    error: failed ? `包保关系读取失败：${failed}` : '',
    reload: () => [violations, loads, inactive].forEach((q) => q.reload()),
  };
}
