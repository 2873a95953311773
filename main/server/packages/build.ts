import { chineseDate } from '@shared/handbook/handbook';
import { packageTime } from '@shared/packages/api';
import type { PackageContent } from '@shared/packages/content';
import { packageOf } from '@shared/packages/slice';
import { exportTable } from '@shared/records';
import type { RecordContext, RecordKind } from '@shared/records/types';
import { assignmentReport } from '@shared/reports/assignments';
import { problemLedgerReport } from '@shared/reports/problems';
import type { ReportScope } from '@shared/reports/scope';
import { summaryReport, type ReportTable } from '@shared/reports/summary';
import { visitSummaryReport } from '@shared/reports/visits';
import { computeBreakdown } from '@shared/stats/breakdown';
import type { TableSheet } from '../export/xlsx';
import { listSheet } from '../handlers/export';
import { buildDownloadWorkbook } from '../workers/workbook-pool';
import { addMachinePart } from './file';

export interface BuiltPackage {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly content: PackageContent;
}

/**
 * A 上报包 of one area: a cover saying what it is and who made it, the 统计表, the lists (主体,
 * 干部, 网格监管人员, 区划), the 包保关系明细表, 督导记录汇总 and 问题整改台账 — the workbooks the
 * app exports one by one, cut to the area — and the machine part with every record.
 */
export async function buildPackage(recordCtx: RecordContext, areaId: string, year: number, createdAt: string): Promise<BuiltPackage> {
  const { doc, regions, today } = recordCtx;
  const content = packageOf(doc, areaId, year, { unit: doc.profile.orgName, operator: doc.profile.operatorName, createdAt });
  const { manifest, records } = content;
  const scope: ReportScope = { doc, regions, regionId: areaId, year, today };
  const report = (sheetName: string, table: ReportTable): TableSheet => ({ sheetName, paper: 'A4', orientation: 'landscape', ...table });
  const list = (kind: RecordKind, rows: readonly unknown[]): TableSheet =>
    listSheet(kind, recordCtx, exportTable(kind, recordCtx, undefined, rows));
  const current = records.assignments.filter((a) => a.end === '');
  const sheets: TableSheet[] = [
    {
      sheetName: '封面',
      layout: 'cover',
      title: `${manifest.region.name}\n食品安全包保工作上报包\n（${year}年度）`,
      subtitle: `报送单位：${manifest.unit}\n${chineseDate(today)}`,
      columns: [],
      rows: [
        ['报送单位', manifest.unit],
        ['操 作 人', manifest.operator],
        ['报送区域', `${manifest.region.name}${manifest.region.code ? `（${manifest.region.code}）` : ''}`],
        ['年　　度', `${year}年`],
        ['生成时间', packageTime(createdAt)],
        // One line each: a list of six counts wraps with its commas at the line starts.
        ['行政区划', `${records.regions.filter((r) => regions.contains(areaId, r.id)).length} 个`],
        ['包保主体', `${records.entities.length} 户`],
        ['包保干部', `${records.cadres.length} 名`],
        ['网格监管', `${records.regulators.length} 名`],
        ['包保关系', `${records.assignments.length} 条（含历史）`],
        ['督导记录', `${records.visits.length} 次（${year}年度）`],
        ['督查记录', `${records.inspections?.length ?? 0} 次（${year}年度）`],
        ['说　　明', '供上级汇总，请原样报送，勿修改另存'],
      ],
    },
    report('统计表', summaryReport(computeBreakdown(doc, areaId, year, today), { orgName: doc.profile.orgName, year, today })),
    list('entities', records.entities),
    list('cadres', records.cadres),
    list('regulators', records.regulators),
    list(
      'regions',
      records.regions.filter((r) => regions.contains(areaId, r.id)),
    ),
    report('包保关系明细表', assignmentReport(recordCtx, current, { title: `${manifest.region.name}包保关系明细表`, today })),
    report('督导记录汇总', visitSummaryReport(scope)),
    report('问题整改台账', problemLedgerReport(scope)),
  ];
  const workbook = await buildDownloadWorkbook(sheets);
  const { bytes, sha256 } = await addMachinePart(workbook, content);
  return { bytes, sha256, content };
}
