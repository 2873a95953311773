import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { api } from './api/client';
import { errorText } from './api/error-text';
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

export function App() {
  return (
    // Two-character buttons read as the words they are (保存, not antd's default 「保 存」).
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: FONT_FAMILY } }} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }} message={{ top: TOAST_TOP }} notification={{ top: TOAST_TOP }}>
        <Startup />
      </AntApp>
    </ConfigProvider>
  );
}

/** First run (no library in the data folder) goes through the welcome screen. */
function Startup() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState('');
  // Bumped when a backup replaces the library, so every screen reads the data again.
  const [generation, setGeneration] = useState(0);

  const { notification } = AntApp.useApp();

  const load = useCallback(() => {
    setError('');
    api('app:info', {}).then(
      (next) => {
        setInfo(next);
        // The app runs on without the start backup; the clerk is told once, until closed.
        if (next.startWarning) notification.warning({ title: '启动时未能备份数据', description: next.startWarning, duration: 0 });
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [notification]);
  useEffect(load, [load]);

  if (error) {
    return (
      <Result
        status="error"
        title="无法打开数据文件夹"
        subTitle={error}
        extra={
          <Button type="primary" onClick={load}>
            重试
          </Button>
        }
      />
    );
  }
  if (!info) return <Spin fullscreen description="正在打开数据文件夹…" />;
  if (!info.initialized) return <WelcomePage info={info} onReady={setInfo} />;
  return (
    <AppShell
      key={generation}
      info={info}
      onRestored={(next) => {
        setInfo(next);
        setGeneration((n) => n + 1);
      }}
    />
  );
}
