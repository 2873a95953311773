import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CloudDownloadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  PrinterOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export const SCREEN_KEYS = [
  'dashboard',
  'entities',
  'cadres',
  'grid',
  'assignments',
  'visits',
  'battle-map',
  'import',
  'export',
  'consolidate',
  'settings',
  'backup',
  'log',
  'letters',
  'handbook-print',
] as const;
export type ScreenKey = (typeof SCREEN_KEYS)[number];

export interface ScreenInfo {
  readonly label: string;
  readonly icon: ReactNode;
  /** Print views are opened from another screen and not listed in the menu; it marks that one. */
  readonly openedFrom?: ScreenKey;
}

/** Every docs/domain.md#界面一览 screen, in menu order. */
export const SCREENS: Readonly<Record<ScreenKey, ScreenInfo>> = {
  dashboard: { label: '首页概览', icon: <DashboardOutlined /> },
  entities: { label: '包保主体', icon: <ShopOutlined /> },
  cadres: { label: '包保干部', icon: <TeamOutlined /> },
  grid: { label: '网格监管', icon: <AimOutlined /> },
  assignments: { label: '包保关系', icon: <ApartmentOutlined /> },
  visits: { label: '督导', icon: <AuditOutlined /> },
  'battle-map': { label: '作战图', icon: <ScheduleOutlined /> },
  import: { label: '导入', icon: <ImportOutlined /> },
  export: { label: '导出与打印', icon: <PrinterOutlined /> },
  consolidate: { label: '汇总上报包', icon: <MergeCellsOutlined /> },
  settings: { label: '设置', icon: <SettingOutlined /> },
  backup: { label: '备份与恢复', icon: <CloudDownloadOutlined /> },
  log: { label: '操作日志', icon: <FileSearchOutlined /> },
  letters: { label: '致包保领导的一封信', icon: <PrinterOutlined />, openedFrom: 'export' },
  'handbook-print': { label: '工作手册打印', icon: <PrinterOutlined />, openedFrom: 'export' },
};

export function isScreenKey(text: string): text is ScreenKey {
  return (SCREEN_KEYS as readonly string[]).includes(text);
}
