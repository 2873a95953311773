import { CADRE_LEVEL_LABELS } from '../domain/schemas';
import { chineseDate } from '../handbook/handbook';
import { selectInspections } from '../inspections/select';
import { INSPECTION_RESULTS, INSPECTOR_LEVEL_LABELS, unmetItems, type Inspection } from '../inspections/types';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';
import { countyAndTownship, scopeName, type ReportScope } from './scope';
import { SIGN_OFF_LINE, type ReportTable } from './summary';

/** One 督查 of a cadre in the year, as the 督查情况表 prints it. */
export interface InspectionReportRow {
  readonly seq: number | '';
  readonly county: string;
  readonly township: string;
  readonly cadreName: string;
  readonly cadreLevel: string;
  readonly unitPosition: string;
  readonly inspection: Inspection | null;
  readonly met: number;
  readonly unmet: number;
  /** 未落实 items, each with the 督查组's note: what the cadre has to put right. */
  readonly unmetDetail: string;
}

type Column = ReportColumnDef<InspectionReportRow>;
const text = (key: string, label: string, width: number, value: (row: InspectionReportRow) => string): Column => ({
  key,
  label,
  width,
  format: 'text',
  value,
});

export const INSPECTION_REPORT_COLUMNS: readonly Column[] = [
  { key: 'seq', label: '序号', width: 5, format: 'number', value: (r) => r.seq },
  text('county', '旗区', 8, (r) => r.county),
  text('township', '乡镇', 10, (r) => r.township),
  text('cadre', '包保干部', 8, (r) => r.cadreName),
  text('cadreLevel', '干部层级', 6, (r) => r.cadreLevel),
  text('unit', '工作单位及职务', 12, (r) => r.unitPosition),
  { key: 'date', label: '督查日期', width: 11, format: 'date', value: (r) => (r.inspection ? { date: r.inspection.date } : null) },
  text('team', '督查组', 12, (r) => (r.inspection ? `${INSPECTOR_LEVEL_LABELS[r.inspection.inspectorLevel]} ${r.inspection.team}` : '')),
  text('inspectors', '督查人', 9, (r) => r.inspection?.inspectors ?? ''),
  { key: 'met', label: '落实', width: 5, format: 'number', value: (r) => r.met },
  { key: 'unmet', label: '未落实', width: 6, format: 'number', value: (r) => r.unmet },
  text('unmetDetail', '未落实事项及说明', 36, (r) => r.unmetDetail),
  text('result', '总体评价', 8, (r) => r.inspection?.result ?? ''),
];

/** The scope's 督查 of the year, in 旗区 · 乡镇 · 干部 · date order. */
export function inspectionReportRows(scope: ReportScope): InspectionReportRow[] {
  const found = selectInspections(scope.doc, scope.regions, { year: scope.year, regionId: scope.regionId });
  const rows = found.map(({ inspection, cadre }) => {
    const unmet = inspection.items.filter((i) => i.result === '未落实');
    return {
      seq: 0,
      ...countyAndTownship(scope.regions, cadre?.regionId ?? ''),
      cadreName: cadre?.name ?? '（已删除的干部）',
      cadreLevel: cadre ? CADRE_LEVEL_LABELS[cadre.level] : '',
      unitPosition: cadre ? [cadre.unit, cadre.position].filter(Boolean).join(' ') : '',
      inspection,
      met: inspection.items.length - unmet.length,
      unmet: unmet.length,
      unmetDetail: unmet.map((i, n) => `${n + 1}. ${i.item}${i.note ? `（${i.note}）` : ''}`).join('\n'),
    };
  });
  return rows
    .sort(
      (a, b) =>
        a.county.localeCompare(b.county, 'zh') ||
        a.township.localeCompare(b.township, 'zh') ||
        a.cadreName.localeCompare(b.cadreName, 'zh') ||
        a.inspection.date.localeCompare(b.inspection.date),
    )
    .map((row, i) => ({ ...row, seq: i + 1 }));
}

/** 督查情况表 (docs/domain.md#包保干部的规则): every 督查 of the scope's cadres in the year, with a 合计 row. */
export function inspectionReport(scope: ReportScope, columns?: readonly string[]): ReportTable {
  const rows = inspectionReportRows(scope);
  const cadres = new Set(rows.map((r) => r.inspection?.cadreId));
  const unmet = rows.reduce((n, r) => n + (r.inspection ? unmetItems(r.inspection) : 0), 0);
  const byResult = INSPECTION_RESULTS.map((result) => `${result} ${rows.filter((r) => r.inspection?.result === result).length} 次`).join(
    '，',
  );
  const total: InspectionReportRow = {
    seq: '',
    county: '合计',
    township: '',
    cadreName: `${cadres.size} 名`,
    cadreLevel: '',
    unitPosition: '',
    inspection: null,
    met: rows.reduce((n, r) => n + r.met, 0),
    unmet,
    unmetDetail: '',
  };
  const { orgName } = scope.doc.profile;
  return {
    ...tableOf(
      {
        title: `${scopeName(scope)}${scope.year}年度包保干部督查情况表`,
        subtitle: `填报单位：${orgName}　　统计日期：${chineseDate(scope.today)}　　督查干部 ${cadres.size} 名 ${rows.length} 次，未落实事项 ${unmet} 项；${byResult}`,
      },
      pickColumns(INSPECTION_REPORT_COLUMNS, columns),
      rows,
      total,
    ),
    footer: SIGN_OFF_LINE,
  };
}
