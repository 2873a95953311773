import { FolderOpenOutlined } from '@ant-design/icons';
import { Layout, Menu, Spin, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { prefetchAnswer, useApiQuery } from '../api/queries';
import { countText } from '@shared/util/format';
import { screenFromHash, useHashScreen } from '../hooks/useHashScreen';
import { askFirstReads } from '../navigation/first-reads';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { SCREEN_KEYS, SCREENS, type ScreenKey } from '../navigation/screens';
import { hasUnsavedChanges, useConfirmDiscard } from '../navigation/unsaved';

// Each screen is its own chunk, loaded when first opened: the app starts on a small bundle.
const PAGE_CHUNKS = {
  assignments: () => import('../pages/AssignmentsPage').then((m) => ({ default: m.AssignmentsPage })),
  backup: () => import('../pages/BackupPage').then((m) => ({ default: m.BackupPage })),
  'battle-map': () => import('../pages/BattleMapPage').then((m) => ({ default: m.BattleMapPage })),
  consolidate: () => import('../pages/ConsolidatePage').then((m) => ({ default: m.ConsolidatePage })),
  cadres: () => import('../pages/CadresPage').then((m) => ({ default: m.CadresPage })),
  dashboard: () => import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
  entities: () => import('../pages/EntitiesPage').then((m) => ({ default: m.EntitiesPage })),
  export: () => import('../pages/ExportPage').then((m) => ({ default: m.ExportPage })),
  grid: () => import('../pages/GridPage').then((m) => ({ default: m.GridPage })),
  'handbook-print': () => import('../pages/HandbookPrintPage').then((m) => ({ default: m.HandbookPrintPage })),
  import: () => import('../pages/ImportPage').then((m) => ({ default: m.ImportPage })),
  letters: () => import('../pages/LettersPage').then((m) => ({ default: m.LettersPage })),
  log: () => import('../pages/LogPage').then((m) => ({ default: m.LogPage })),
  settings: () => import('../pages/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  visits: () => import('../pages/VisitsPage').then((m) => ({ default: m.VisitsPage })),
} satisfies Record<ScreenKey, unknown>;
/**
 * A screen being opened: its chunk (the lazy component below then finds it loaded or on its way) and
 * what it reads first are asked for at once, before React renders it (docs/performance.md).
 */
function openingScreen(next: ScreenKey): void {
  void PAGE_CHUNKS[next]();
  askFirstReads(next);
}
// The app's first requests, in the order the services answer them: app:info (the shell waits for
// it), then the chunk and the first reads of the screen the address names.
prefetchAnswer('app:info', {});
openingScreen(screenFromHash());
const AssignmentsPage = lazy(PAGE_CHUNKS.assignments);
const BackupPage = lazy(PAGE_CHUNKS.backup);
const BattleMapPage = lazy(PAGE_CHUNKS['battle-map']);
const ConsolidatePage = lazy(PAGE_CHUNKS.consolidate);
const CadresPage = lazy(PAGE_CHUNKS.cadres);
const DashboardPage = lazy(PAGE_CHUNKS.dashboard);
const EntitiesPage = lazy(PAGE_CHUNKS.entities);
const ExportPage = lazy(PAGE_CHUNKS.export);
const GridPage = lazy(PAGE_CHUNKS.grid);
const HandbookPrintPage = lazy(PAGE_CHUNKS['handbook-print']);
const ImportPage = lazy(PAGE_CHUNKS.import);
const LettersPage = lazy(PAGE_CHUNKS.letters);
const LogPage = lazy(PAGE_CHUNKS.log);
const SettingsPage = lazy(PAGE_CHUNKS.settings);
const VisitsPage = lazy(PAGE_CHUNKS.visits);

const MENU_ITEMS = SCREEN_KEYS.filter((key) => !SCREENS[key].openedFrom).map((key) => ({
  key,
  icon: SCREENS[key].icon,
  label: SCREENS[key].label,
}));

export interface AppShellProps {
  readonly info: AppInfo;
  /** The library was replaced (从备份恢复): the caller reloads the whole app state. */
  readonly onRestored: (info: AppInfo) => void;
}

/** Header, left navigation and the current screen. */
export function AppShell({ info, onRestored }: AppShellProps) {
  const [screen, openScreenKey] = useHashScreen(openingScreen);
  const confirmDiscard = useConfirmDiscard();
  // The one way screens are changed here (side menu, desktop menu, links between screens): a form
  // with unsaved changes asks 「放弃修改？」 first. The screen shown stays (only its filters go).
  const navigate = useCallback(
    (next: ScreenKey) => confirmDiscard(next !== screen && hasUnsavedChanges(), () => openScreenKey(next)),
    [screen, confirmDiscard, openScreenKey],
  );
  useMenuCommands(navigate);
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          height: 48,
          paddingInline: 20,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', color: '#1677ff' }}>
          食安包保工作台
        </Typography.Title>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {info.orgName || '单位名称未填写（请到“设置”填写）'}
          {info.planYear > 0 && ` · ${info.planYear} 年度`}
        </Typography.Text>
        <HeaderCounts key={screen} counts={info.counts} />
        <Tooltip title={info.dataDir}>
          <Typography.Text type="secondary" ellipsis style={{ marginInlineStart: 'auto', maxWidth: 460 }}>
            <FolderOpenOutlined /> 数据文件夹：{info.dataDir}
          </Typography.Text>
        </Tooltip>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={148} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0', overflowY: 'auto' }}>
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={[SCREENS[screen].openedFrom ?? screen]}
              items={MENU_ITEMS}
              onClick={({ key }) => navigate(key as ScreenKey)}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ display: 'flex', flexDirection: 'column', minWidth: 0, padding: 16, overflow: 'hidden' }}>
          <Suspense fallback={<Spin description="正在打开…" style={{ marginTop: 80 }} />}>
            <ScreenView screen={screen} onNavigate={navigate} info={info} onRestored={onRestored} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * 主体 and 干部 counts, read again each time another screen opens (the CLI or another window may have
 * changed them) and after each change to 主体 or 干部 (INVALIDATES); `counts` until the answer comes.
 */
function HeaderCounts({ counts }: { readonly counts: AppInfo['counts'] }) {
  const shown = useApiQuery('app:info', {}, { readOnOpen: true }).result?.counts ?? counts;
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="header-counts">
      主体 {countText(shown.entities)} 户 · 干部 {countText(shown.cadres)} 名
    </Typography.Text>
  );
}

interface ScreenViewProps extends AppShellProps {
  readonly screen: ScreenKey;
  readonly onNavigate: (next: ScreenKey) => void;
}

function ScreenView({ screen, onNavigate, info, onRestored }: ScreenViewProps) {
  if (screen === 'dashboard') return <DashboardPage />;
  if (screen === 'entities') return <EntitiesPage />;
  if (screen === 'cadres') return <CadresPage />;
  if (screen === 'assignments') return <AssignmentsPage />;
  if (screen === 'battle-map') return <BattleMapPage />;
  if (screen === 'visits') return <VisitsPage />;
  if (screen === 'settings') return <SettingsPage />;
  if (screen === 'import') return <ImportPage onNavigate={onNavigate} />;
  if (screen === 'export') return <ExportPage />;
  if (screen === 'consolidate') return <ConsolidatePage />;
  if (screen === 'log') return <LogPage />;
  if (screen === 'letters') return <LettersPage />;
  if (screen === 'handbook-print') return <HandbookPrintPage />;
  if (screen === 'backup') return <BackupPage info={info} onRestored={onRestored} />;
  if (screen === 'grid') return <GridPage />;
  // Every screen key is handled above: a new one fails to compile here.
  return screen satisfies never;
}
