import { Table, Typography, type GetRef, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef } from 'react';
import type { VisitDay } from '@shared/api/contract';

export interface WeekViewProps {
  readonly year: number;
  /** Per day, the visits the filters leave planned on it (counted on the service). */
  readonly days: readonly VisitDay[];
  readonly today: string;
  /** The weekly cap, when one cadre is chosen: weeks above it stand out. */
  readonly cap: number | null;
  readonly width: number;
  readonly height: number;
  readonly onPickDate: (date: string) => void;
}

interface Week {
  readonly key: string;
  readonly number: number;
  /** Monday … Sunday, 'YYYY-MM-DD'. */
  readonly days: readonly string[];
}

type DayCount = Pick<VisitDay, 'total' | 'done'>;

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const HEADER_HEIGHT = 40;
const WEEK_COLUMN = 150;
const TOTAL_COLUMN = 100;
const SCROLLBAR = 16;

/** Monday-to-Sunday weeks covering the whole year (the first and last may reach into the next). */
function weeksOf(year: number): Week[] {
  const first = dayjs(`${year}-01-01`);
  let monday = first.subtract((first.day() + 6) % 7, 'day');
  const weeks: Week[] = [];
  while (monday.year() < year || (monday.year() === year && monday.isBefore(dayjs(`${year + 1}-01-01`)))) {
    const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day').format('YYYY-MM-DD'));
    weeks.push({ key: days[0]!, number: weeks.length + 1, days });
    monday = monday.add(7, 'day');
  }
  return weeks;
}

/** 按周查看: one row per week, the planned visits per day; a day opens the list of that day. */
export function WeekView({ year, days, today, cap, width, height, onPickDate }: WeekViewProps) {
  const weeks = useMemo(() => weeksOf(year), [year]);
  const counts = useMemo(() => new Map<string, DayCount>(days.map((day) => [day.date, day])), [days]);

  const dayWidth = Math.max(72, Math.floor((width - WEEK_COLUMN - TOTAL_COLUMN - SCROLLBAR) / 7));
  const columns = useMemo<TableColumnsType<Week>>(
    () => [
      {
        title: '周次',
        key: 'week',
        width: WEEK_COLUMN,
        render: (_: unknown, week) => (
          <span style={{ whiteSpace: 'nowrap' }}>
            第 {week.number} 周
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {week.days[0]!.slice(5).replace('-', '/')}–{week.days[6]!.slice(5).replace('-', '/')}
            </Typography.Text>
          </span>
        ),
      },
      ...WEEKDAYS.map((label, index) => ({
        title: label,
        key: label,
        width: dayWidth,
        onCell: () => ({ style: { padding: 2, background: index >= 5 ? '#fafafa' : undefined } }),
        render: (_: unknown, week: Week) => {
          const date = week.days[index]!;
          return <DayCell date={date} count={counts.get(date)} inYear={date.startsWith(`${year}-`)} today={today} onPick={onPickDate} />;
        },
      })),
      {
        title: '本周合计',
        key: 'total',
        width: TOTAL_COLUMN,
        render: (_: unknown, week) => {
          let total = 0;
          for (const day of week.days) total += counts.get(day)?.total ?? 0;
          const over = cap !== null && total > cap;
          return total === 0 ? (
            ''
          ) : (
            <Typography.Text strong type={over ? 'danger' : undefined} title={over ? `超过每周上限 ${cap} 次` : undefined}>
              {total} 次{over ? '（超上限）' : ''}
            </Typography.Text>
          );
        },
      },
    ],
    [dayWidth, counts, year, today, cap, onPickDate],
  );

  // The week of today (or the first week with visits to come) is scrolled into view once.
  const table = useRef<GetRef<typeof Table<Week>>>(null);
  const thisWeekIndex = weeks.findIndex((w) => w.days[0]! <= today && today <= w.days[6]!);
  const thisWeek = weeks[thisWeekIndex]?.key ?? null;
  const measured = height > 0;
  useEffect(() => {
    // Two weeks back on top, so what is due next is in view too.
    if (thisWeekIndex >= 0 && measured) table.current?.scrollTo({ index: Math.max(0, thisWeekIndex - 2), align: 'start' });
  }, [thisWeekIndex, measured]);

  return (
    <Table<Week>
      ref={table}
      virtual
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={weeks}
      pagination={false}
      scroll={{ x: WEEK_COLUMN + TOTAL_COLUMN + dayWidth * 7, y: Math.max(height - HEADER_HEIGHT, 120) }}
      onRow={(week) => ({ style: week.key === thisWeek ? { background: '#e6f4ff' } : undefined })}
      data-testid="visit-week-view"
    />
  );
}

function DayCell({
  date,
  count,
  inYear,
  today,
  onPick,
}: {
  readonly date: string;
  readonly count: DayCount | undefined;
  readonly inYear: boolean;
  readonly today: string;
  readonly onPick: (date: string) => void;
}) {
  const dayLabel = <span style={{ fontSize: 11, color: inYear ? '#8c8c8c' : '#d9d9d9' }}>{Number(date.slice(8))}</span>;
  if (!count)
    return <div style={{ padding: '2px 6px', minHeight: 26, outline: date === today ? '2px solid #1677ff' : undefined }}>{dayLabel}</div>;
  const allDone = count.done === count.total;
  const late = !allDone && date < today;
  const color = allDone ? '#389e0d' : late ? '#cf1322' : '#1677ff';
  const title = `${date}：计划 ${count.total} 次，已完成 ${count.done} 次${late ? `，逾期 ${count.total - count.done} 次` : ''}。点击查看当天的督导`;
  return (
    <button
      type="button"
      title={title}
      aria-label={title}
      onClick={() => onPick(date)}
      style={{
        display: 'flex',
        alignItems: 'baseline',
        justifyContent: 'space-between',
        width: '100%',
        minHeight: 26,
        padding: '2px 6px',
        border: 0,
        borderRadius: 4,
        outline: date === today ? '2px solid #1677ff' : undefined,
        background: allDone ? '#f6ffed' : late ? '#fff1f0' : '#f0f7ff',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      {dayLabel}
      <span style={{ color, fontWeight: 600 }}>
        {count.total}
        {count.done > 0 && !allDone && <span style={{ fontSize: 11, fontWeight: 'normal', color: '#389e0d' }}> ✓{count.done}</span>}
      </span>
    </button>
  );
}
