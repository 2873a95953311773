import dayjs from 'dayjs';
import type { VisitRow, VisitStatus } from '@shared/api/contract';

/** Today as the lists compare dates: 'YYYY-MM-DD' in local time. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export const VISIT_STATUS_OPTIONS: readonly { value: VisitStatus; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '未完成' },
  { value: 'done', label: '已完成' },
  { value: 'overdue', label: '已逾期' },
];

/** Not made although its planned day has passed. */
export function isOverdue(row: VisitRow, today: string): boolean {
  return row.doneDate === '' && row.plannedDate < today;
}
