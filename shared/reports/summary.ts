import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS } from '../domain/schemas';
import type { Cell } from '../records/cell';
import type { Breakdown, BreakdownRow } from '../stats/breakdown';
import { percentValue } from '../stats/percent';
import type { Ratio } from '../stats/tally';
import { chineseDate } from '../handbook/handbook';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';

export interface ReportColumn {
  readonly label: string;
  readonly width: number;
  readonly format: 'text' | 'number' | 'percent' | 'date';
  /** The upper header over a run of columns (包保干部（人） over 市级 … 村级); none: one header over two rows. */
  readonly group?: string;
}

/** A report as pure data: the exporter turns it into a print-ready sheet (docs/domain.md#上报报表). */
export interface ReportTable {
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly totalRow?: readonly Cell[];
  /** Printed under the table, e.g. the 填报人 and 审核人 lines a 上报 table is signed with. */
  readonly footer?: string;
  /** A4 landscape unless a table is too wide to read on it. */
  readonly paper?: 'A4' | 'A3';
}

/** Under a 上报 table: who filled it in, who checked it, and a phone number, written in by hand. */
export const SIGN_OFF_LINE = '填报人：　　　　　　　　审核人：　　　　　　　　联系电话：';

/**
 * done/total as a fraction for a percent cell; '—' where nothing applies (no 0/0 = 0%). Excel's
 * 0.0% format rounds the fraction itself: where that would print 0.0% or 100.0% against the
 * app's rule (percentValue), the cell holds the figure as the screens show it.
 */
export function percentCell(ratio: Ratio): Cell {
  const shown = percentValue(ratio);
  if (shown === null) return '—';
  const exact = ratio.done / ratio.total;
  return Math.round(exact * 1000) / 10 === shown ? exact : shown / 100;
}

const LEVEL_NAMES = { city: '市', county: '旗区', township: '乡镇', village: '村' } as const;

type Column = ReportColumnDef<BreakdownRow>;
const count = (key: string, group: string | undefined, label: string, value: (row: BreakdownRow) => number, width = 4.5): Column => ({
  key,
  label,
  width,
  format: 'number',
  value,
  ...(group ? { group } : {}),
});
const ratio = (key: string, group: string, label: string, value: (row: BreakdownRow) => Ratio): Column => ({
  key,
  group,
  label,
  width: 6,
  format: 'percent',
  value: (row) => percentCell(value(row)),
});
/** A duty of the 企业 (docs/domain.md#上报报表): how many have it and the share, over the 在营企业. */
const duty = (key: string, group: string, value: (row: BreakdownRow) => Ratio): Column[] => [
  count(`${key}Count`, group, '户数', (row) => value(row).done),
  ratio(key, group, '比例', value),
];

/**
 * The 统计表's columns (docs/domain.md#上报报表, the seed's indicators), counts beside their rates, under
 * two-level headers with units: the first is named after the row level (旗区 or 乡镇); a column
 * template picks and orders them by key.
 */
export function summaryColumns(rowName: string): Column[] {
  return [
    { key: 'region', label: rowName, width: 12, format: 'text', value: (row) => row.name },
    ...REGION_LEVELS.map((l) => count(`cadres.${l}`, '包保干部（人）', CADRE_LEVEL_LABELS[l], (row) => row.cadresByLevel[l])),
    count('regulators', undefined, '网格监管人员（人）', (row) => row.regulators, 5),
    count('entities', '包保主体（户）', '合计', (row) => row.entities, 5.5),
    ...GRADES.map((g) => count(`grade.${g}`, '包保主体（户）', `${g}级`, (row) => row.byGrade[g], g === 'D' ? 5.5 : 4.5)),
    count('assigned', '包保覆盖（户）', '已包保', (row) => row.coverage.done, 5.5),
    count('unassigned', '包保覆盖（户）', '未包保', (row) => row.coverage.total - row.coverage.done),
    ratio('coverage', '包保覆盖（户）', '覆盖率', (row) => row.coverage),
    count('enterprises', '企业（户）', '企业数', (row) => row.enterprises, 5),
    count('activeEnterprises', '企业（户）', '在营企业', (row) => row.duties.commitment.total, 5),
    count('largeEnterprises', '企业（户）', '大型企业', (row) => row.largeEnterprises),
    ...duty('dailyWeeklyMonthly', '日管控周排查月调度', (row) => row.duties.dailyWeeklyMonthly),
    ...duty('riskSystem', '纳入风险管控系统', (row) => row.duties.riskSystem),
    ...duty('safetyOfficer', '配备食品安全员', (row) => row.duties.safetyOfficer),
    ...duty('enterpriseCommitment', '企业签订承诺书', (row) => row.duties.commitment),
    count('directorRequired', '食品安全总监', '应配备', (row) => row.duties.safetyDirector.total),
    count('directorAppointed', '食品安全总监', '已配备', (row) => row.duties.safetyDirector.done),
    ratio('directorRate', '食品安全总监', '配备率', (row) => row.duties.safetyDirector),
    count('cadreCommitmentSigned', '干部承诺书（人）', '已签订', (row) => row.commitmentSigned.done),
    ratio('cadreCommitment', '干部承诺书（人）', '签订率', (row) => row.commitmentSigned),
    count('visitsPlanned', '督导（次）', '计划', (row) => row.visits.planned, 5.5),
    count('visitsDone', '督导（次）', '完成', (row) => row.visits.done, 5.5),
    ratio('visitsRate', '督导（次）', '完成率', (row) => ({ done: row.visits.done, total: row.visits.planned })),
    count('problems', '问题（个）', '发现', (row) => row.visits.problems),
    count('rectified', '问题（个）', '已整改', (row) => row.visits.rectified),
    ratio('rectifiedRate', '问题（个）', '整改率', (row) => ({ done: row.visits.rectified, total: row.visits.problems })),
    count('overdue', '问题（个）', '逾期未整改', (row) => row.visits.overdue, 5),
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
  // Without a single root the library has no region to name: the office's own name stands for it.
  const scopeName = breakdown.scope?.name ?? meta.orgName;
  const rows = breakdown.own ? [...breakdown.rows, breakdown.own] : breakdown.rows;
  return {
    ...tableOf(
      {
        title: `${scopeName}食品安全包保工作情况统计表（${meta.year}年度）`,
        subtitle: `填报单位：${meta.orgName}　　统计日期：${chineseDate(meta.today)}　　比例为已落实数占应落实数的比例，“—”表示无应落实的对象；督导与问题为本年度数`,
      },
      pickColumns(summaryColumns(rowName), meta.columns),
      rows,
      breakdown.total,
    ),
    footer: SIGN_OFF_LINE,
    paper: 'A3',
  };
}
