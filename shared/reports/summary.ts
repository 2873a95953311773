import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS } from '../domain/schemas';
import type { Cell } from '../records/cell';
import type { Breakdown, BreakdownRow } from '../stats/breakdown';
import type { Ratio } from '../stats/tally';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';

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

type Column = ReportColumnDef<BreakdownRow>;
const count = (key: string, label: string, value: (row: BreakdownRow) => number, width = 7): Column => ({ key, label, width, format: 'number', value });
const ratio = (key: string, label: string, value: (row: BreakdownRow) => Ratio, width = 9): Column => ({ key, label, width, format: 'percent', value: (row) => percentCell(value(row)) });

/**
 * The 统计表's columns (SPEC §5.4, the seed's indicators): the first is named after the row
 * level (旗区 or 乡镇); a column template picks and orders them by key.
 */
export function summaryColumns(rowName: string): Column[] {
  return [
    { key: 'region', label: rowName, width: 12, format: 'text', value: (row) => row.name },
    ...REGION_LEVELS.map((l) => count(`cadres.${l}`, `${CADRE_LEVEL_LABELS[l]}干部`, (row) => row.cadresByLevel[l])),
    count('entities', '包保主体', (row) => row.entities, 8),
    ...GRADES.map((g) => count(`grade.${g}`, `${g}级`, (row) => row.byGrade[g])),
    ratio('coverage', '包保覆盖率', (row) => row.coverage, 8),
    count('enterprises', '企业数', (row) => row.enterprises),
    ratio('dailyWeeklyMonthly', '日管控周排查月调度', (row) => row.duties.dailyWeeklyMonthly),
    ratio('riskSystem', '纳入风险管控系统', (row) => row.duties.riskSystem),
    ratio('safetyOfficer', '配备食品安全员', (row) => row.duties.safetyOfficer),
    ratio('enterpriseCommitment', '企业签订承诺书', (row) => row.duties.commitment),
    count('largeEnterprises', '大型企业', (row) => row.largeEnterprises),
    count('directorRequired', '应配总监', (row) => row.duties.safetyDirector.total),
    count('directorAppointed', '已配总监', (row) => row.duties.safetyDirector.done),
    ratio('directorRate', '总监配备率', (row) => row.duties.safetyDirector, 8),
    ratio('cadreCommitment', '干部承诺书签订率', (row) => row.commitmentSigned),
    count('visitsPlanned', '督导计划', (row) => row.visits.planned),
    count('visitsDone', '督导完成', (row) => row.visits.done),
    ratio('visitsRate', '督导完成率', (row) => ({ done: row.visits.done, total: row.visits.planned }), 8),
    count('problems', '发现问题', (row) => row.visits.problems),
    count('rectified', '已整改', (row) => row.visits.rectified),
    ratio('rectifiedRate', '整改率', (row) => ({ done: row.visits.rectified, total: row.visits.problems }), 8),
  ];
}

/**
 * 包保工作情况统计表: one row per region below the scope with the seed's indicators, and a 合计
 * row; visits, problems and cadres' 承诺书 are those of the report year.
 */
export function summaryReport(
  breakdown: Breakdown,
  meta: { orgName: string; year: number; today: string; columns?: readonly string[] | undefined },
): ReportTable {
  const rowName = breakdown.rowLevel ? LEVEL_NAMES[breakdown.rowLevel] : '区域';
  const scopeName = breakdown.scope?.name ?? '';
  return tableOf(
    {
      title: `${scopeName}食品安全包保工作情况统计表（${meta.year}年度）`,
      subtitle: `填报单位：${meta.orgName}　　统计日期：${meta.today}　　百分比为已落实数占应落实数的比例，“—”表示无应落实的对象`,
    },
    pickColumns(summaryColumns(rowName), meta.columns),
    breakdown.rows,
    breakdown.total,
  );
}
