import type { DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { smallDoc } from './small-doc';

export const YEARS = [2025, 2026, 2027];
export const ITEMS = ['三类人在岗履职', '三件事落实到位', '三本账齐全', '许可证照齐全且在有效期内'];

/**
 * smallDoc with `perYear` visits in each of three years: 2025 and 2026 done, 2027 done to March. The
 * 督导检查要点 vary as a clerk's do: the two levels' lists, a result 不符合 or 不适用 here and there
 * (on every 7th a problem, left open on every 21st), and the visits not yet made without any.
 */
export function yearsOfVisits(perYear: number): DataDoc {
  const doc = smallDoc();
  doc.visits = YEARS.flatMap((year) =>
    Array.from({ length: perYear }, (_, i): Visit => {
      const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const done = year < 2027 || i % 12 < 3;
      const items = i % 3 === 0 ? ITEMS.slice(0, 3) : ITEMS;
      return {
        id: `V-${year}-${i}`,
        entityId: i % 2 === 0 ? 'e1' : 'e2',
        cadreId: i % 2 === 0 ? 'c1' : 'c2',
        plannedDate: day,
        ...(done ? { doneDate: day, type: '现场' as const } : {}),
        checklist: done
          ? items.map((item, n) => ({ item, result: i % 7 === 0 && n === 0 ? '不符合' : i % 5 === 0 && n === 2 ? '不适用' : '符合' }))
          : [],
        problems:
          done && i % 7 === 0
            ? [
                {
                  id: `Q-${year}-${i}`,
                  description: '晨检记录不全',
                  deadline: day,
                  ...(i % 21 === 0 ? {} : { rectifiedOn: day }),
                  steps: [],
                },
              ]
            : [],
        notes: '',
      };
    }),
  );
  return doc;
}
