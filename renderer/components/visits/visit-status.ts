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

/** 完成率 as the office writes it: one decimal, '—' when nothing is planned. */
export function rateText(done: number, planned: number): string {
  if (planned === 0) return '—';
  const percent = (done / planned) * 100;
  // A few visits out of thousands still show that the work has begun.
  return done > 0 && percent < 0.1 ? '<0.1%' : `${percent.toFixed(1)}%`;
}
