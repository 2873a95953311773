import type { ApiHandlers } from '@shared/api/contract';
import { exportTable } from '@shared/records';
import { summaryReport } from '@shared/reports/summary';
import { buildWorkbook } from '../export/xlsx';
import { notFound, type HandlerContext } from './context';

export function reportHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'report:export'> {
  return {
    'report:export': async ({ report, regionId }) => {
      const doc = ctx.doc();
      const regions = ctx.lists().regions;
      if (regionId && !regions.get(regionId)) throw notFound('区划');
      const today = ctx.today();
      const { orgName, planYear } = doc.profile;
      if (report === 'summary') {
        const table = summaryReport(ctx.breakdown(regionId), { orgName, planYear, today });
        const workbook = await buildWorkbook([{ sheetName: '统计表', paper: 'A4', orientation: 'landscape', ...table }]);
        return { fileName: `包保工作情况统计表-${today}.xlsx`, contentBase64: workbook.toString('base64') };
      }
      const recordCtx = ctx.recordContext();
      const regionOf = new Map(doc.entities.map((e) => [e.id, e.regionId]));
      const current = doc.assignments.filter((a) => a.end === '' && (!regionId || regions.contains(regionId, regionOf.get(a.entityId) ?? '')));
      const table = exportTable('assignments', recordCtx, undefined, current);
      const workbook = await buildWorkbook([
        {
          sheetName: '包保关系明细表',
          title: `${regionId ? (regions.get(regionId)?.name ?? '') : orgName}包保关系明细表`,
          subtitle: `统计日期：${today}　共 ${table.rows.length} 条`,
          columns: table.columns.map((c) => ({ label: c.label, width: c.width, format: c.format })),
          rows: table.rows,
        },
      ]);
      return { fileName: `包保关系明细表-${today}.xlsx`, contentBase64: workbook.toString('base64') };
    },
  };
}
