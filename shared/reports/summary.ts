import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS } from '../domain/schemas';
import type { Cell } from '../records/cell';
import type { Breakdown, BreakdownRow } from '../stats/breakdown';
import type { Ratio } from '../stats/tally';

export interface ReportColumn {
  readonly label: string;
  readonly width: number;
  readonly format: 'text' | 'number' | 'percent' | 'date';
}

/** A report as pure data: the exporter turns it into a print-ready sheet (SPEC §5.4). */
export interface ReportTable {
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly totalRow?: readonly Cell[];
}

/** done/total as a fraction for a percent cell; '—' where nothing applies (no 0/0 = 0%). */
export function percentCell({ done, total }: Ratio): Cell {
  return total === 0 ? '—' : done / total;
}

const LEVEL_NAMES = { city: '市', county: '旗区', township: '乡镇', village: '村' } as const;

/**
 * 包保工作情况统计表: one row per region below the scope with the seed's indicators, and a 合计
 * row; visits and problems are those of the plan year.
 */
export function summaryReport(breakdown: Breakdown, meta: { orgName: string; planYear: number; today: string }): ReportTable {
  const rowName = breakdown.rowLevel ? LEVEL_NAMES[breakdown.rowLevel] : '区域';
  const columns: ReportColumn[] = [
    { label: rowName, width: 12, format: 'text' },
    ...REGION_LEVELS.map((l) => ({ label: `${CADRE_LEVEL_LABELS[l]}干部`, width: 7, format: 'number' as const })),
    { label: '包保主体', width: 8, format: 'number' },
    ...GRADES.map((g) => ({ label: `${g}级`, width: 7, format: 'number' as const })),
    { label: '包保覆盖率', width: 8, format: 'percent' },
    { label: '企业数', width: 7, format: 'number' },
    { label: '日管控周排查月调度', width: 9, format: 'percent' },
    { label: '纳入风险管控系统', width: 9, format: 'percent' },
    { label: '配备食品安全员', width: 9, format: 'percent' },
    { label: '大型企业', width: 7, format: 'number' },
    { label: '应配总监', width: 7, format: 'number' },
    { label: '总监配备率', width: 8, format: 'percent' },
    { label: '承诺书签订率', width: 8, format: 'percent' },
    { label: '督导计划', width: 7, format: 'number' },
    { label: '督导完成', width: 7, format: 'number' },
    { label: '发现问题', width: 7, format: 'number' },
    { label: '已整改', width: 7, format: 'number' },
  ];
  const line = (row: BreakdownRow): Cell[] => {
    const v = row.visits;
    return [
      row.name,
      ...REGION_LEVELS.map((l) => row.cadresByLevel[l]),
      row.entities,
      ...GRADES.map((g) => row.byGrade[g]),
      percentCell(row.coverage),
      row.enterprises,
      percentCell(row.duties.dailyWeeklyMonthly),
      percentCell(row.duties.riskSystem),
      percentCell(row.duties.safetyOfficer),
      row.largeEnterprises,
      row.duties.safetyDirector.total,
      percentCell(row.duties.safetyDirector),
      percentCell(row.commitmentSigned),
      v.planned,
      v.done,
      v.problems,
      v.rectified,
    ];
  };
  const scopeName = breakdown.scope?.name ?? '';
  return {
    title: `${scopeName}食品安全包保工作情况统计表（${meta.planYear}年度）`,
    subtitle: `填报单位：${meta.orgName}　　统计日期：${meta.today}`,
    columns,
    rows: breakdown.rows.map(line),
    totalRow: line(breakdown.total),
  };
}
