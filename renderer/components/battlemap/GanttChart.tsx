import { Empty, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import type { TaskState } from '@shared/battlemap/dispatch';
import type { ScheduledTask } from '@shared/battlemap/schedule';
import type { BattleMap, BattleTask } from '@shared/battlemap/types';
import { addDays, weekdayOf } from '@shared/calendar/days';
import { barBox, buildTimeline, DAY_WIDTH, dayLeft, WEEK_WIDTH, type Timeline } from './gantt-layout';
import { STATUS_LOOKS, weekdayLabel } from './labels';
import './battlemap.css';

interface Column {
  readonly key: 'seq' | 'name' | 'unit' | 'duration' | 'start' | 'finish' | 'status' | 'progress';
  readonly title: string;
  readonly width: number;
  readonly align?: 'center' | 'right';
}

const COLUMNS: readonly Column[] = [
  { key: 'seq', title: '序号', width: 38, align: 'center' },
  { key: 'name', title: '工作任务', width: 176 },
  { key: 'unit', title: '责任单位', width: 104 },
  { key: 'duration', title: '工期', width: 44, align: 'right' },
  { key: 'start', title: '开始', width: 80 },
  { key: 'finish', title: '完成', width: 80 },
  { key: 'status', title: '状态', width: 98 },
  { key: 'progress', title: '进度', width: 46, align: 'right' },
];
const LEFT_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0) + 1;
const HEAD_HEIGHT = 66;

export interface GanttRow {
  readonly task: BattleTask;
  readonly scheduled: ScheduledTask | undefined;
  readonly state: TaskState;
}

/** The map's tasks in 序号 order with their schedule and derived state. */
export function ganttRows(view: BattleMapView): GanttRow[] {
  const map = view.map;
  if (!map) return [];
  const scheduled = new Map(view.schedule?.tasks.map((t) => [t.id, t]));
  return [...map.tasks]
    .sort((a, b) => a.seq - b.seq)
    .map((task) => ({
      task,
      scheduled: scheduled.get(task.id),
      state: view.states[task.id] ?? { status: task.status, progress: task.progress, atRisk: false, reason: '' },
    }));
}

export interface GanttChartProps {
  readonly view: BattleMapView & { readonly map: BattleMap };
  readonly rows: readonly GanttRow[];
  /** Tasks named by a scheduling problem: their rows are highlighted. */
  readonly problemIds: ReadonlySet<string>;
  readonly today: string;
  readonly onOpen: (taskId: string) => void;
}

/**
 * The 作战图 as a Gantt chart (docs/domain.md#作战图与周调度的规则): the task table on the left, weeks as columns on the
 * right, bars coloured by status with the progress filled in, the critical path outlined and
 * marked ★, a red 今天 line, the 总截止日期 dashed and the 周调度 dates as ◆ in the header.
 */
export function GanttChart({ view, rows, problemIds, today, onOpen }: GanttChartProps) {
  const { map, schedule, dispatches } = view;
  const timeline = useMemo(() => {
    const dates = [map.planStart, map.finalDeadline];
    if (schedule?.start) dates.push(schedule.start, schedule.finish);
    for (const row of rows) if (row.scheduled) dates.push(row.scheduled.start, row.scheduled.finish);
    for (const slot of dispatches?.dates ?? []) dates.push(slot.date);
    const sorted = [...dates].sort();
    const first = sorted[0] ?? today;
    const last = sorted.at(-1) ?? today;
    // Today joins the chart when it is near the plan; a week is added for the ★ after the last bar.
    if (today >= addDays(first, -56) && today <= addDays(last, 56)) dates.push(today);
    dates.push(addDays([...dates].sort().at(-1) ?? last, 7));
    return buildTimeline(dates);
  }, [map.planStart, map.finalDeadline, schedule, rows, dispatches, today]);

  // Opens on today's week whenever today is on the chart (before, during or after the plan), else
  // on its first task (a week before it); again once the first task arrives in an empty chart.
  const scroller = useRef<HTMLDivElement>(null);
  const todayX = dayLeft(timeline, today);
  const focusX = todayX ?? dayLeft(timeline, schedule?.start || map.planStart);
  const empty = rows.length === 0;
  useEffect(() => {
    const element = scroller.current;
    if (element && focusX !== null) element.scrollLeft = Math.max(0, focusX - WEEK_WIDTH);
  }, [focusX, timeline.origin, empty]);

  if (rows.length === 0) {
    return (
      <div className="bm-scroll" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Empty description="作战图中还没有任务，请点“新增任务”添加" />
      </div>
    );
  }

  const deadlineX = dayLeft(timeline, map.finalDeadline);
  const critical = new Set(schedule?.criticalPath ?? []);
  return (
    <div className="bm-scroll" ref={scroller} data-testid="gantt">
      <div className="bm-grid" style={{ width: LEFT_WIDTH + timeline.width }}>
        <GanttHeader view={view} timeline={timeline} todayX={todayX} deadlineX={deadlineX} />
        <div style={{ position: 'relative' }}>
          {rows.map((row) => (
            <GanttRowView
              key={row.task.id}
              row={row}
              timeline={timeline}
              critical={critical.has(row.task.id)}
              problem={problemIds.has(row.task.id)}
              onOpen={onOpen}
            />
          ))}
          {todayX !== null && (
            <div className="bm-line bm-line-today" style={{ left: LEFT_WIDTH + todayX + DAY_WIDTH / 2 - 1 }} data-testid="gantt-today" />
          )}
          {deadlineX !== null && <div className="bm-line bm-line-deadline" style={{ left: LEFT_WIDTH + deadlineX + DAY_WIDTH - 1 }} />}
        </div>
      </div>
    </div>
  );
}

function GanttHeader({
  view,
  timeline,
  todayX,
  deadlineX,
}: {
  readonly view: GanttChartProps['view'];
  readonly timeline: Timeline;
  readonly todayX: number | null;
  readonly deadlineX: number | null;
}) {
  const recorded = new Set(view.map.dispatches.map((d) => d.date));
  return (
    <div className="bm-head" style={{ height: HEAD_HEIGHT }}>
      <div className="bm-left">
        {COLUMNS.map((c) => (
          <div key={c.key} className={cellClass(c)} style={{ width: c.width }}>
            {c.title}
          </div>
        ))}
      </div>
      <div className="bm-head-track" style={{ width: timeline.width }}>
        <div className="bm-head-band">
          {timeline.months.map((m) => (
            <div key={m.label} className="bm-head-label bm-head-month" style={{ left: m.left, width: m.width }}>
              {m.label}
            </div>
          ))}
        </div>
        <div className="bm-head-band bm-head-weeks" style={{ backgroundSize: `${WEEK_WIDTH}px 100%` }}>
          {timeline.weeks.map((w, i) => (
            <div key={w.start} className="bm-head-label" style={{ left: i * WEEK_WIDTH, width: WEEK_WIDTH }} title={`${w.start} 起的一周`}>
              {w.label}
            </div>
          ))}
        </div>
        <div className="bm-head-band" aria-label="周调度日期" style={{ borderBottom: 'none' }}>
          {view.dispatches?.dates.map((slot) => {
            const x = dayLeft(timeline, slot.date);
            if (x === null) return null;
            const done = recorded.has(slot.date);
            const color = done ? '#52c41a' : slot.note ? '#fa8c16' : '#1677ff';
            return (
              <Tooltip
                key={slot.date}
                title={
                  <>
                    周调度 {slot.date}（{weekdayLabel(weekdayOf(slot.date))}）{done ? '，已登记' : ''}
                    {slot.note && <div>{slot.note}</div>}
                  </>
                }
              >
                <span className="bm-dispatch" style={{ left: x + DAY_WIDTH / 2, color }} data-testid="gantt-dispatch" data-date={slot.date}>
                  ◆
                </span>
              </Tooltip>
            );
          })}
        </div>
        {todayX !== null && <LineLabel x={todayX + DAY_WIDTH / 2} color="#f5222d" text="今天" />}
        {deadlineX !== null && <LineLabel x={deadlineX + DAY_WIDTH} color="#fa541c" text="截止" alignRight />}
      </div>
    </div>
  );
}

function LineLabel({
  x,
  color,
  text,
  alignRight = false,
}: {
  readonly x: number;
  readonly color: string;
  readonly text: string;
  readonly alignRight?: boolean;
}) {
  const style: CSSProperties = { background: color, top: 2, ...(alignRight ? { right: `calc(100% - ${x}px)` } : { left: x }) };
  return (
    <span className="bm-line-label" style={style}>
      {text}
    </span>
  );
}

function GanttRowView({
  row,
  timeline,
  critical,
  problem,
  onOpen,
}: {
  readonly row: GanttRow;
  readonly timeline: Timeline;
  readonly critical: boolean;
  readonly problem: boolean;
  readonly onOpen: (taskId: string) => void;
}) {
  const { task, scheduled, state } = row;
  const look = STATUS_LOOKS[state.status];
  const box = scheduled ? barBox(timeline, scheduled.start, scheduled.finish) : null;
  const cells: Record<Column['key'], ReactNode> = {
    seq: task.seq,
    name: (
      <button
        type="button"
        className="row-link"
        title={task.name}
        onClick={(e) => {
          e.stopPropagation();
          onOpen(task.id);
        }}
      >
        {task.name}
      </button>
    ),
    unit: (
      <span className="bm-cell-text" title={task.unit}>
        {task.unit}
      </span>
    ),
    duration: `${task.durationDays} 天`,
    start: scheduled?.start ?? '—',
    finish: scheduled?.finish ?? '—',
    status: <StatusCell state={state} />,
    progress: `${state.progress}%`,
  };
  return (
    <div
      className={problem ? 'bm-row bm-row-problem' : 'bm-row'}
      data-testid="gantt-row"
      data-seq={task.seq}
      data-task-id={task.id}
      onClick={() => onOpen(task.id)}
    >
      <div className="bm-left">
        {COLUMNS.map((c) => (
          <div key={c.key} className={cellClass(c)} style={{ width: c.width }} data-col={c.key}>
            {cells[c.key]}
          </div>
        ))}
      </div>
      <div className="bm-track" style={{ width: timeline.width, backgroundSize: `${WEEK_WIDTH}px 100%` }}>
        {box && scheduled && (
          <>
            <Tooltip title={<BarTip row={row} critical={critical} />} mouseEnterDelay={0.2}>
              <button
                type="button"
                tabIndex={-1}
                className={critical ? 'bm-bar bm-bar-critical' : 'bm-bar'}
                style={{ left: box.left, width: box.width, background: look.light, borderColor: look.border }}
                data-testid="gantt-bar"
                data-critical={critical ? 'true' : 'false'}
                aria-label={`${task.seq}. ${task.name}：${scheduled.start} 至 ${scheduled.finish}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(task.id);
                }}
              >
                <span className="bm-bar-fill" style={{ width: `${state.progress}%`, background: look.fill }} />
                {box.width >= 34 && state.progress > 0 && <span className="bm-bar-text">{state.progress}%</span>}
              </button>
            </Tooltip>
            {critical && (
              <span className="bm-star" style={{ left: box.left + box.width + 2 }} aria-hidden>
                ★
              </span>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function StatusCell({ state }: { readonly state: TaskState }) {
  const tag = (
    <Tag color={STATUS_LOOKS[state.status].tag} style={{ marginInlineEnd: 0, fontSize: 12, lineHeight: '18px', paddingInline: 5 }}>
      {state.status}
    </Tag>
  );
  return (
    <>
      {state.reason && !state.atRisk ? <Tooltip title={state.reason}>{tag}</Tooltip> : tag}
      {state.atRisk && (
        <Tooltip title={state.reason}>
          <span className="bm-risk" data-testid="gantt-risk">
            有风险
          </span>
        </Tooltip>
      )}
    </>
  );
}

function BarTip({ row, critical }: { readonly row: GanttRow; readonly critical: boolean }) {
  const { task, scheduled: s, state } = row;
  if (!s) return null;
  return (
    <div style={{ fontSize: 12 }}>
      <div style={{ fontWeight: 600 }}>
        {task.seq}. {task.name}
        {critical && ' ★ 关键路径'}
      </div>
      <div>
        计划 {s.start} 至 {s.finish}（{task.durationDays} 个工作日）
      </div>
      <div>
        最早开始 {s.earliestStart} · 最晚开始 {s.latestStart} · 机动 {s.slack} 个工作日
      </div>
      <div>
        {state.status} · 进度 {state.progress}%{state.reason && `；${state.reason}`}
      </div>
    </div>
  );
}

function cellClass(c: Column): string {
  return c.align === 'center' ? 'bm-cell bm-cell-center' : c.align === 'right' ? 'bm-cell bm-cell-right' : 'bm-cell';
}
