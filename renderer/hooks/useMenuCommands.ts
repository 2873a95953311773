import { useEffect } from 'react';
import { isScreenKey, type ScreenKey } from '../navigation/screens';

/** The desktop menu's 导入… / 导出与打印… / 备份与恢复… open their screens (Electron only). */
export function useMenuCommands(navigate: (screen: ScreenKey) => void): void {
  useEffect(
    () =>
      window.api?.on('menu:open', ({ screen }) => {
        if (isScreenKey(screen)) navigate(screen);
      }),
    [navigate],
  );
}
