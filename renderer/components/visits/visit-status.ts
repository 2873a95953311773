import dayjs from 'dayjs';
import type { VisitRow } from '@shared/api/contract';

/** Today as the lists compare dates: 'YYYY-MM-DD' in local time. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export type VisitStatus = 'all' | 'open' | 'done' | 'overdue';

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

export function matchesStatus(row: VisitRow, status: VisitStatus, today: string): boolean {
  if (status === 'open') return row.doneDate === '';
  if (status === 'done') return row.doneDate !== '';
  if (status === 'overdue') return isOverdue(row, today);
  return true;
}

export interface VisitFigures {
  readonly planned: number;
  readonly done: number;
  readonly overdue: number;
}

export function visitFigures(rows: readonly VisitRow[], today: string): VisitFigures {
  let done = 0;
  let overdue = 0;
  for (const row of rows) {
    if (row.doneDate !== '') done++;
    else if (row.plannedDate < today) overdue++;
  }
  return { planned: rows.length, done, overdue };
}
