import { addDays } from '@shared/calendar/days';
import type { Store } from '@shared/storage/types';

/**
 * Records the planned visits before `today` the way offices do: most made on the day, one in
 * four finding a problem, half of those rectified (some after the deadline), half of those
 * 复核 and 销号, a few of the others 交办 only. Deterministic.
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
      const rectifiedOn = i % 16 === 0 ? deadline : addDays(deadline, 7);
      const assigned = {
        step: '交办' as const,
        on: visit.plannedDate,
        by: '管理员',
        note: '',
        to: '高峰（达拉特旗市场监督管理局昭君市场监督管理所）',
        regulatorId: '',
      };
      const closed = [
        { step: '复核通过' as const, on: rectifiedOn, by: '高峰', note: '' },
        { step: '销号' as const, on: rectifiedOn, by: '管理员', note: '' },
      ];
      visit.problems = [
        {
          id: `Q-${visit.id}`,
          description: i % 8 === 0 ? '每日食品安全检查记录缺失，周排查报告未按时形成' : '过期食品未及时下架',
          deadline,
          ...(i % 8 === 0 ? { rectifiedOn } : {}),
          steps:
            i % 8 === 0
              ? [
                  assigned,
                  // Some were sent back once before they passed.
                  ...(i % 48 === 0
                    ? [
                        { step: '整改' as const, on: addDays(rectifiedOn, -2), by: '管理员', note: '已补记' },
                        { step: '退回' as const, on: addDays(rectifiedOn, -1), by: '高峰', note: '周排查报告仍未形成' },
                      ]
                    : []),
                  { step: '整改', on: rectifiedOn, by: '管理员', note: '已补齐检查记录，周排查报告已形成' },
                  ...(i % 16 === 0 ? closed : []),
                ]
              : i % 16 === 4
                ? [assigned]
                : [],
        },
      ];
    });
  });
}
