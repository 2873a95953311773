import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CloudDownloadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  ImportOutlined,
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
  'settings',
  'backup',
  'log',
] as const;
export type ScreenKey = (typeof SCREEN_KEYS)[number];

export interface ScreenInfo {
  readonly label: string;
  readonly icon: ReactNode;
  /** For screens still being built: one sentence on what they will hold. */
  readonly comingSoon?: string;
}

/** Every SPEC §4 screen, in menu order. */
export const SCREENS: Readonly<Record<ScreenKey, ScreenInfo>> = {
  dashboard: { label: '首页概览', icon: <DashboardOutlined /> },
  entities: { label: '包保主体', icon: <ShopOutlined /> },
  cadres: { label: '包保干部', icon: <TeamOutlined /> },
  grid: {
    label: '网格监管',
    icon: <AimOutlined />,
    comingSoon: '这里将维护网格监管人员及其负责的区划网格，并查看每个网格内的主体和包保干部。',
  },
  assignments: { label: '包保关系', icon: <ApartmentOutlined /> },
  visits: { label: '督导', icon: <AuditOutlined /> },
  'battle-map': {
    label: '作战图',
    icon: <ScheduleOutlined />,
    comingSoon: '这里将按工作日倒排工期，以甘特图显示各项工作任务，并登记每周调度进展、标出逾期任务。',
  },
  import: { label: '导入', icon: <ImportOutlined /> },
  export: { label: '导出与打印', icon: <PrinterOutlined /> },
  settings: { label: '设置', icon: <SettingOutlined /> },
  backup: { label: '备份与恢复', icon: <CloudDownloadOutlined /> },
  log: { label: '操作日志', icon: <FileSearchOutlined /> },
};

export function isScreenKey(text: string): text is ScreenKey {
  return (SCREEN_KEYS as readonly string[]).includes(text);
}
