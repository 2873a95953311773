import type { WorkCalendar } from '../calendar/calendar';
import type { Cadre } from '../domain/schemas';

/** Local rule (docs/domain.md#包保干部的规则): when a cadre leaves the post, their 主体 move within this many working days. */
export const REASSIGN_WITHIN_WORKING_DAYS = 7;

/**
 * The cadre as saved, with the day they stopped being 在岗: today when they just stopped, the
 * earlier day when they already had, '' while 在岗.
 */
export function stampInactiveSince(before: Cadre | undefined, after: Cadre, today: string): Cadre {
  if (after.active) return { ...after, inactiveSince: '' };
  if (before && !before.active) return { ...after, inactiveSince: before.inactiveSince };
  return { ...after, inactiveSince: today };
}

/** What the reassignment deadline of a cadre not 在岗 since `since` says today. */
export function reassignDeadline(
  since: string,
  today: string,
  calendar: WorkCalendar,
): { readonly due: string; readonly overdue: boolean } {
  const due = calendar.addWorkingDays(since, REASSIGN_WITHIN_WORKING_DAYS);
  return { due, overdue: today > due };
}
