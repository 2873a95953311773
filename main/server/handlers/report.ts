import type { ApiHandlers, ApiParsed } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { assignmentReport } from '@shared/reports/assignments';
import { dispatchProgressTable } from '@shared/reports/battlemap';
import { fullLabel, unknownKeys } from '@shared/reports/columns';
import { REPORT_COLUMN_CHOICES } from '@shared/reports/definitions';
import { REPORT_LABELS } from '@shared/reports/kinds';
import { inspectionReport } from '@shared/reports/inspections';
import { problemLedgerReport } from '@shared/reports/problems';
import { scopeName, type ReportScope } from '@shared/reports/scope';
import { summaryReport, type ReportTable } from '@shared/reports/summary';
import { visitSummaryReport } from '@shared/reports/visits';
import { computeBreakdown } from '@shared/stats/breakdown';
import { buildDownloadWorkbook } from '../workers/workbook-pool';
import { battleMapView } from './battlemap';
import { notFound, type HandlerContext } from './context';

type ReportRequest = ApiParsed<'report:export'>;

/** How many rows the preview sends: enough to judge the layout, small for the wire. */
const PREVIEW_ROWS = 50;

export function reportHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'report:export' | 'report:preview'> {
  /** The template's or the request's column keys, checked against the report; undefined = all. */
  const columnKeys = ({ report, template, columns }: ReportRequest): readonly string[] | undefined => {
    let keys = columns;
    if (template) {
      const found = ctx.doc().profile.exportTemplates.find((t) => t.kind === `report:${report}` && t.name === template);
      if (!found) throw new ApiError('not-found', `${REPORT_LABELS[report]}没有名为“${template}”的列模板，请重新选择`);
      keys = found.columns;
    }
    const unknown = keys ? unknownKeys(REPORT_COLUMN_CHOICES[report], keys) : [];
    if (unknown.length > 0)
      throw new ApiError('invalid-argument', `${REPORT_LABELS[report]}没有这些列：${unknown.join('、')}，请在列模板中重新选择列`);
    return keys;
  };

  const reportTable = (request: ReportRequest): ReportTable => {
    const doc = ctx.doc();
    const regions = ctx.lists().regions;
    if (request.regionId && !regions.get(request.regionId)) throw notFound('区划');
    const year = request.year ?? doc.profile.planYear;
    const scope: ReportScope = { doc, regions, regionId: request.regionId, year, today: ctx.today() };
    const keys = columnKeys(request);
    switch (request.report) {
      case 'summary': {
        // Not the dashboard's cached figures: the overdue problems are counted as of today.
        const breakdown = computeBreakdown(doc, request.regionId, year, scope.today);
        return summaryReport(breakdown, { orgName: doc.profile.orgName, year, today: scope.today, columns: keys });
      }
      case 'assignments': {
        const regionOf = new Map(doc.entities.map((e) => [e.id, e.regionId]));
        const current = doc.assignments.filter(
          (a) => a.end === '' && (!request.regionId || regions.contains(request.regionId, regionOf.get(a.entityId) ?? '')),
        );
        return assignmentReport(ctx.recordContext(), current, { title: `${scopeName(scope)}包保关系明细表`, today: scope.today }, keys);
      }
      case 'visits':
        return visitSummaryReport(scope, keys);
      case 'problems':
        return problemLedgerReport(scope, keys);
      case 'dispatch':
        // One 作战图 for the whole bureau: neither region nor year cut it.
        return dispatchProgressTable(battleMapView(doc, scope.today), doc.profile.orgName, scope.today, keys);
      case 'inspections':
        return inspectionReport(scope, keys);
    }
  };

  return {
    'report:export': async (request) => {
      const table = reportTable(request);
      const label = REPORT_LABELS[request.report];
      const workbook = await buildDownloadWorkbook([{ sheetName: label, paper: 'A4', orientation: 'landscape', ...table }]);
      const region = request.regionId ? `-${ctx.lists().regions.get(request.regionId)?.name ?? ''}` : '';
      return { fileName: `${label}${region}-${ctx.today()}.xlsx`, contentBase64: workbook.toString('base64') };
    },

    'report:preview': async (request) => {
      const table = reportTable(request);
      return {
        title: table.title,
        subtitle: table.subtitle,
        columns: table.columns.map((column) => ({ label: fullLabel(column), format: column.format })),
        rows: table.rows.slice(0, PREVIEW_ROWS),
        totalRow: table.totalRow ?? null,
        rowCount: table.rows.length,
      };
    },
  };
}
