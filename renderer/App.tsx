import { App as AntApp, Button, ConfigProvider, Result, Spin, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { showAnswer, useApiQuery } from './api/queries';
import { AppShell } from './components/AppShell';
import { WelcomePage } from './pages/WelcomePage';

dayjs.locale('zh-cn');

/** Microsoft YaHei is what the offices' Windows PCs have; the rest cover other systems. */
const FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

/**
 * Toasts and notifications start below a drawer's title bar (56 px), not over it: the title says
 * which record a message is about, and its × must stay clickable.
 */
const TOAST_TOP = 72;

/**
 * zeroRuntime: antd's component styles come from its static sheet (antd/dist/antd.css, imported in
 * main.tsx) instead of being built at run time when each component first renders (about a fifth of the
 * first screen's busy time, docs/performance.md). Tokens still apply: the sheet reads them from CSS
 * variables, which antd sets from this theme.
 */
const THEME: ThemeConfig = { zeroRuntime: true, token: { fontFamily: FONT_FAMILY } };

export function App() {
  return (
    // Two-character buttons read as the words they are (保存, not antd's default 「保 存」).
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }} message={{ top: TOAST_TOP }} notification={{ top: TOAST_TOP }}>
        <Startup />
      </AntApp>
    </ConfigProvider>
  );
}

const showInfo = (next: AppInfo) => showAnswer('app:info', {}, next);

/**
 * First run (no library in the data folder) goes through the welcome screen. The header's office
 * name, plan year and counts follow every change through the cached app:info.
 */
function Startup() {
  const { result: info, error, reload } = useApiQuery('app:info', {});
  // Bumped when a backup replaces the library, so every screen starts afresh.
  const [generation, setGeneration] = useState(0);

  const { notification } = AntApp.useApp();
  // The app runs on without the start backup; the clerk is told once, until closed.
  const startWarning = info?.startWarning ?? '';
  useEffect(() => {
    if (startWarning) notification.warning({ title: '启动时未能备份数据', description: startWarning, duration: 0 });
  }, [startWarning, notification]);

  if (!info && error) {
    return (
      <Result
        status="error"
        title="无法打开数据文件夹"
        subTitle={error}
        extra={
          <Button type="primary" onClick={reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (!info) return <Spin fullscreen description="正在打开数据文件夹…" />;
  if (!info.initialized) return <WelcomePage info={info} onReady={showInfo} />;
  return (
    <AppShell
      key={generation}
      info={info}
      onRestored={(next) => {
        showInfo(next);
        setGeneration((n) => n + 1);
      }}
    />
  );
}
