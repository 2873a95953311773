import { addDays } from '@shared/calendar/days';
import type { Store } from '@shared/storage/types';

/**
 * Records the planned visits before `today` the way offices do: most made on the day, one in
 * four finding a problem, half of those rectified (some after the deadline). Deterministic.
 */
export async function recordVisitsBefore(store: Store, today: string): Promise<void> {
  await store.update((doc) => {
    doc.visits.forEach((visit, i) => {
      if (visit.plannedDate >= today || i % 5 === 4) return;
      visit.doneDate = visit.plannedDate;
      const failed = i % 4 === 0;
      visit.checklist = [{ item: '三类人、三件事、三本账', result: failed ? '不符合' : '符合' }];
      if (!failed) return;
      const deadline = `${visit.plannedDate.slice(0, 8)}28`;
      visit.problems = [
        {
          id: `Q-${visit.id}`,
          description: i % 8 === 0 ? '每日食品安全检查记录缺失，周排查报告未按时形成' : '过期食品未及时下架',
          deadline,
          ...(i % 8 === 0 ? { rectifiedOn: i % 16 === 0 ? deadline : addDays(deadline, 7) } : {}),
        },
      ];
    });
  });
}
