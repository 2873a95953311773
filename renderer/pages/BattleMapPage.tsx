import { CalendarOutlined, FileExcelOutlined, PlusOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Flex, Spin, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import type { BattleMap } from '@shared/battlemap/types';
import { api } from '../api/client';
import { saveAndTell } from '../api/download';
import { errorText } from '../api/error-text';
import { BattleMapNotices } from '../components/battlemap/BattleMapNotices';
import { CreateBattleMap } from '../components/battlemap/CreateBattleMap';
import { DispatchModal } from '../components/battlemap/DispatchModal';
import { GanttChart, ganttRows } from '../components/battlemap/GanttChart';
import { GanttLegend } from '../components/battlemap/GanttLegend';
import { MODE_LABELS, todayIso, weekdayLabel } from '../components/battlemap/labels';
import { SettingsModal } from '../components/battlemap/SettingsModal';
import { TaskDrawer } from '../components/battlemap/TaskDrawer';
import { useBattleMap } from '../components/battlemap/useBattleMap';
import { LoadProblem } from '../components/LoadProblem';
import { usePanel } from '../hooks/usePanel';

/** 作战图 (docs/domain.md#作战图与周调度的规则): the plan's tasks as a Gantt chart, 倒排工期, 周调度 and the A3 export. */
export function BattleMapPage() {
  const data = useBattleMap();
  const { view } = data;
  if (!view) {
    return data.error ? (
      <LoadProblem text={data.error} onRetry={data.reload} />
    ) : (
      <Spin style={{ marginTop: 80 }} description="正在读取作战图…" />
    );
  }
  if (!view.map) return <CreateBattleMap calendarNotes={view.calendarNotes} onCreated={data.show} />;
  return (
    <BattleMapScreen
      view={{ ...view, map: view.map }}
      error={data.error}
      loading={data.loading}
      onView={data.show}
      onReload={data.reload}
    />
  );
}

interface BattleMapScreenProps {
  readonly view: BattleMapView & { readonly map: BattleMap };
  readonly error: string;
  readonly loading: boolean;
  readonly onView: (view: BattleMapView) => void;
  readonly onReload: () => void;
}

function BattleMapScreen({ view, error, loading, onView, onReload }: BattleMapScreenProps) {
  const { map, schedule, problems } = view;
  const { message } = App.useApp();
  const today = todayIso();
  const rows = useMemo(() => ganttRows(view), [view]);
  const problemIds = useMemo(() => new Set(problems.flatMap((p) => p.taskIds)), [problems]);
  const settings = usePanel(false);
  const dispatch = usePanel(false);
  // The task being edited; null: a new task.
  const editor = usePanel<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // Bumped on every opening: each dialog starts from a fresh form showing the current plan.
  const [opening, setOpening] = useState(0);
  const openTask = (id: string | null) => {
    setOpening((n) => n + 1);
    editor.show(id);
  };
  const openSettings = () => {
    setOpening((n) => n + 1);
    settings.show(true);
  };

  const saved = (next: BattleMapView) => {
    settings.hide();
    dispatch.hide();
    editor.hide();
    onView(next);
  };

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      await saveAndTell(await api('battlemap:export', {}), message.success);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const editing = editor.target === null ? null : (rows.find((r) => r.task.id === editor.target) ?? null);
  const critical = new Set(schedule?.criticalPath ?? []);
  const margin = schedule?.margin;
  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Flex gap={6} align="center" style={{ minWidth: 0, flex: 1, overflow: 'hidden' }} data-testid="battlemap-plan">
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            计划 {map.planStart} 至 {map.finalDeadline}
          </Typography.Text>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {MODE_LABELS[map.mode]}
          </Tag>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            每{weekdayLabel(map.dispatchWeekday)}调度
          </Typography.Text>
          {margin !== undefined && (
            <Tooltip title="关键路径上的任务还能推迟的工作日数；为负数时无法按期完成">
              <Typography.Text type={margin < 0 ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
                · 余量 {margin} 个工作日
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
        <Button icon={<SettingOutlined />} onClick={openSettings}>
          排期设置…
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => openTask(null)}>
          新增任务
        </Button>
        <Button type="primary" icon={<CalendarOutlined />} onClick={() => dispatch.show(true)} disabled={rows.length === 0}>
          记录周调度…
        </Button>
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportWorkbook()}>
          导出作战图（Excel）
        </Button>
        <Tooltip title="重新读取">
          <Button icon={<ReloadOutlined />} aria-label="刷新" loading={loading} onClick={onReload} />
        </Tooltip>
      </Flex>
      <LoadProblem text={error} onRetry={onReload} />
      <BattleMapNotices view={view} />
      <GanttChart view={view} rows={rows} problemIds={problemIds} today={today} onOpen={openTask} />
      <GanttLegend />

      <SettingsModal key={`settings-${opening}`} open={settings.open} map={map} onClose={settings.hide} onSaved={saved} />
      <DispatchModal open={dispatch.open} view={view} rows={rows} today={today} onClose={dispatch.hide} onSaved={saved} />
      <TaskDrawer
        key={`task-${opening}`}
        open={editor.open}
        row={editing}
        rows={rows}
        critical={editing !== null && critical.has(editing.task.id)}
        problems={editing ? problems.filter((p) => p.taskIds.includes(editing.task.id)).map((p) => p.message) : []}
        onClose={editor.hide}
        onSaved={saved}
      />
    </Flex>
  );
}
