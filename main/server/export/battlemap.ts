import type { BattleMapView } from '@shared/api/contract';
import { battleMapTables, dispatchProgressTable } from '@shared/reports/battlemap';
import { buildWorkbook } from './xlsx';

/** 作战图 (A3 landscape, a sheet per quarter, one coloured column per week) and the 周调度进展表 (SPEC §5.3, §5.4). */
export function battleMapWorkbook(view: BattleMapView, orgName: string, today: string): Promise<Buffer> {
  const charts = battleMapTables(view, orgName, today);
  const progress = dispatchProgressTable(view, orgName, today);
  return buildWorkbook([
    ...charts.map(({ quarter, ...chart }) => ({ sheetName: `作战图${quarter}`, paper: 'A3' as const, orientation: 'landscape' as const, ...chart })),
    { sheetName: '周调度进展表', paper: 'A4', orientation: 'landscape', ...progress },
  ]);
}
