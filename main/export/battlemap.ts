import type { BattleMapView } from '@shared/api/contract';
import { battleMapTable, dispatchProgressTable } from '@shared/reports/battlemap';
import { buildWorkbook } from './xlsx';

/** 作战图 (A3 landscape, one coloured column per week) and the 周调度进展表 (SPEC §5.3, §5.4). */
export function battleMapWorkbook(view: BattleMapView, orgName: string, today: string): Promise<Buffer> {
  const chart = battleMapTable(view, orgName, today);
  const progress = dispatchProgressTable(view, orgName, today);
  return buildWorkbook([
    { sheetName: '作战图', paper: 'A3', orientation: 'landscape', ...chart },
    { sheetName: '周调度进展表', paper: 'A4', orientation: 'landscape', ...progress },
  ]);
}
