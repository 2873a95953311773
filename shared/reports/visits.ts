import { CADRE_LEVEL_LABELS, type Grade } from '../domain/schemas';
import type { Visit } from '../visits/types';
import { chineseDate } from '../handbook/handbook';
import { pickColumns, tableOf, type ReportColumnDef } from './columns';
import { countyAndTownship, scopedVisits, scopeName, type ReportScope } from './scope';
import { percentCell, type ReportTable } from './summary';

/** One 主体 under one cadre in the year: its visits planned and made, results and problems. */
export interface VisitSummaryRow {
  readonly entityId: string;
  readonly county: string;
  readonly township: string;
  readonly entityName: string;
  readonly grade: Grade | '';
  readonly cadreName: string;
  readonly cadreLevel: string;
  readonly planned: number;
  readonly done: number;
  readonly plannedDates: readonly string[];
  readonly doneDates: readonly string[];
  readonly conforming: number;
  readonly nonConforming: number;
  readonly problems: number;
  readonly rectified: number;
}

/** A visit's overall 检查结果: 不符合 when any item is, 符合 when all checked items are. */
export function visitResult(visit: Visit): '符合' | '不符合' | '' {
  if (visit.doneDate === undefined || visit.checklist.length === 0) return '';
  return visit.checklist.some((c) => c.result === '不符合') ? '不符合' : '符合';
}

type Column = ReportColumnDef<VisitSummaryRow>;
const text = (key: string, label: string, width: number, value: (row: VisitSummaryRow) => string): Column => ({
  key,
  label,
  width,
  format: 'text',
  value,
});
const count = (key: string, label: string, value: (row: VisitSummaryRow) => number): Column => ({
  key,
  label,
  width: 5,
  format: 'number',
  value,
});

export const VISIT_SUMMARY_COLUMNS: readonly Column[] = [
  text('county', '旗区', 8, (r) => r.county),
  text('township', '乡镇', 10, (r) => r.township),
  text('entity', '主体名称', 21, (r) => r.entityName),
  text('grade', '等级', 4, (r) => r.grade),
  text('cadre', '包保干部', 8, (r) => r.cadreName),
  text('cadreLevel', '干部层级', 6, (r) => r.cadreLevel),
  count('planned', '计划次数', (r) => r.planned),
  count('done', '完成次数', (r) => r.done),
  { key: 'rate', label: '完成率', width: 6, format: 'percent', value: (r) => percentCell({ done: r.done, total: r.planned }) },
  text('plannedDates', '计划日期', 20, (r) => r.plannedDates.join('、')),
  text('doneDates', '督导日期', 20, (r) => r.doneDates.join('、')),
  text('result', '检查结果', 12, (r) =>
    [r.conforming ? `符合 ${r.conforming} 次` : '', r.nonConforming ? `不符合 ${r.nonConforming} 次` : ''].filter(Boolean).join('；'),
  ),
  count('problems', '发现问题', (r) => r.problems),
  count('rectified', '已整改', (r) => r.rectified),
];

/** The year's visits of the scope grouped per 主体 and cadre, in 旗区 · 乡镇 · 主体 order. */
export function visitSummaryRows(scope: ReportScope): VisitSummaryRow[] {
  const { entities, visits } = scopedVisits(scope);
  const cadres = new Map(scope.doc.cadres.map((c) => [c.id, c]));
  const groups = new Map<string, Visit[]>();
  for (const v of visits) {
    const key = `${v.entityId}|${v.cadreId}`;
    const group = groups.get(key);
    if (group) group.push(v);
    else groups.set(key, [v]);
  }
  const rows = [...groups.values()].map((group): VisitSummaryRow => {
    const first = group[0] as Visit;
    const entity = entities.get(first.entityId);
    const cadre = cadres.get(first.cadreId);
    const sorted = [...group].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
    const done = sorted.flatMap((v) => (v.doneDate === undefined ? [] : [v.doneDate])).sort();
    const results = sorted.map(visitResult);
    const problems = sorted.flatMap((v) => v.problems);
    return {
      entityId: first.entityId,
      ...countyAndTownship(scope.regions, entity?.regionId ?? ''),
      entityName: entity?.name ?? '',
      grade: entity?.grade ?? '',
      cadreName: cadre?.name ?? '（已删除的干部）',
      cadreLevel: cadre ? CADRE_LEVEL_LABELS[cadre.level] : '',
      planned: group.length,
      done: done.length,
      plannedDates: sorted.map((v) => v.plannedDate),
      doneDates: done,
      conforming: results.filter((r) => r === '符合').length,
      nonConforming: results.filter((r) => r === '不符合').length,
      problems: problems.length,
      rectified: problems.filter((p) => p.rectifiedOn !== undefined).length,
    };
  });
  return rows.sort(
    (a, b) =>
      a.county.localeCompare(b.county, 'zh') ||
      a.township.localeCompare(b.township, 'zh') ||
      a.entityName.localeCompare(b.entityName, 'zh') ||
      a.cadreName.localeCompare(b.cadreName, 'zh'),
  );
}

/** 督导记录汇总 (docs/domain.md#上报报表), with a 合计 row over the counts. */
export function visitSummaryReport(scope: ReportScope, columns?: readonly string[]): ReportTable {
  const rows = visitSummaryRows(scope);
  const sum = (pick: (r: VisitSummaryRow) => number): number => rows.reduce((n, r) => n + pick(r), 0);
  const total: VisitSummaryRow = {
    entityId: '',
    county: '合计',
    township: '',
    entityName: `${new Set(rows.map((r) => r.entityId)).size} 户主体`,
    grade: '',
    cadreName: '',
    cadreLevel: '',
    planned: sum((r) => r.planned),
    done: sum((r) => r.done),
    plannedDates: [],
    doneDates: [],
    conforming: sum((r) => r.conforming),
    nonConforming: sum((r) => r.nonConforming),
    problems: sum((r) => r.problems),
    rectified: sum((r) => r.rectified),
  };
  const { orgName } = scope.doc.profile;
  return tableOf(
    {
      title: `${scopeName(scope)}${scope.year}年度包保督导记录汇总`,
      subtitle: `填报单位：${orgName}　　统计日期：${chineseDate(scope.today)}　　计划 ${total.planned} 次，已督导 ${total.done} 次`,
    },
    pickColumns(VISIT_SUMMARY_COLUMNS, columns),
    rows,
    total,
  );
}
