import { useEffect, useState } from 'react';
import type { CadreLevel } from '@shared/domain/schemas';
import { DEFAULT_CHECKLISTS } from '@shared/handbook/texts';
import type { CheckResult } from '@shared/visits/types';
import { api } from '../../api/client';

export const CHECK_RESULT_OPTIONS: readonly { value: CheckResult; label: string }[] = [
  { value: '符合', label: '符合' },
  { value: '不符合', label: '不符合' },
  { value: '不适用', label: '不适用' },
];

/**
 * The problem text offered when an item is marked 不符合 (its name before any “：”, e.g.
 * 三类人不符合要求); the clerk then says what was wrong.
 */
export function problemTextFor(item: string): string {
  return `${item.split('：')[0]}不符合要求`;
}

/** Days from the visit to the default 整改期限. */
export const RECTIFY_DAYS = 15;

/**
 * The 督导检查要点 a visit is recorded against: the visiting cadre's level's 检查要点 from 设置 (the
 * same list their handbook prints). null while 设置 is read; the shipped defaults if it cannot be.
 */
export function useVisitChecklist(level: CadreLevel | ''): readonly string[] | null {
  const [byLevel, setByLevel] = useState<Readonly<Record<CadreLevel, readonly string[]>> | null>(null);
  useEffect(() => {
    let live = true;
    api('profile:get', {}).then(
      ({ profile }) => live && setByLevel(profile.checklistByLevel),
      () => live && setByLevel(DEFAULT_CHECKLISTS),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!byLevel) return null;
  return level ? byLevel[level] : [];
}
