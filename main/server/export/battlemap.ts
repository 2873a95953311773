import type { BattleMapView } from '@shared/api/contract';
import { battleMapTables, dispatchProgressTable } from '@shared/reports/battlemap';
import { buildWorkbook } from './xlsx';

/** 作战图 (A3 landscape, a sheet per quarter, one coloured column per week) and the 周调度进展表 (docs/domain.md#作战图表格, docs/domain.md#上报报表). */
export function battleMapWorkbook(view: BattleMapView, orgName: string, today: string): Promise<Buffer> {
  const charts = battleMapTables(view, orgName, today);
  const progress = dispatchProgressTable(view, orgName, today);
  return buildWorkbook([
    ...charts.map(({ quarter, ...chart }) => ({
      sheetName: `作战图${quarter}`,
      paper: 'A3' as const,
      orientation: 'landscape' as const,
      ...chart,
    })),
    { sheetName: '周调度进展表', paper: 'A4', orientation: 'landscape', ...progress },
  ]);
}
