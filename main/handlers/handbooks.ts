import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { buildHandbook } from '@shared/handbook/handbook';
import { readReturnedRecords } from '@shared/handbook/returned';
import { buildWorkbook } from '../export/xlsx';
import { readSheets } from '../import/read-sheets';
import { notFound, type HandlerContext } from './context';

export function handbookHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'handbook:export' | 'handbook:import'> {
  return {
    'handbook:export': async ({ cadreId }) => {
      const doc = ctx.doc();
      const cadre = doc.cadres.find((c) => c.id === cadreId);
      if (!cadre) throw notFound('干部');
      const handbook = buildHandbook(doc, cadre, ctx.today(), ctx.lists().regions);
      const workbook = await buildWorkbook(handbook.sheets.map((sheet) => ({ ...sheet, paper: 'A4' as const })));
      return { fileName: handbook.fileName, contentBase64: workbook.toString('base64') };
    },

    'handbook:import': async ({ fileName, contentBase64 }) => {
      const sheets = await readSheets(fileName, Buffer.from(contentBase64, 'base64'));
      const plan = readReturnedRecords(sheets, ctx.doc().visits, ctx.today());
      if ('error' in plan) throw new ApiError('invalid-argument', plan.error);
      if (plan.records.length > 0) {
        await ctx.backup('import');
        await ctx.store.update((doc) => {
          const byId = new Map(doc.visits.map((v) => [v.id, v]));
          for (const r of plan.records) {
            const visit = byId.get(r.visitId);
            if (!visit) continue;
            visit.doneDate = r.doneDate;
            if (r.result) visit.checklist = [{ item: '督查清单综合检查', result: r.result }];
            visit.problems = r.problem ? [{ id: visit.problems[0]?.id ?? ctx.newId('Q'), ...r.problem }] : [];
          }
          ctx.log(doc, 'handbook:import', `录入交回的督导记录表“${fileName}”：${plan.records.length} 次督导`, undefined, { visitIds: plan.records.map((r) => r.visitId) });
        });
      }
      const count = (outcome: string) => plan.rows.filter((r) => r.outcome === outcome).length;
      return {
        recorded: count('record'),
        unchanged: count('unchanged'),
        pending: plan.pending,
        rejected: plan.rows.filter((r) => r.outcome === 'reject').map(({ row, entityName, reason }) => ({ row, entityName, reason })),
      };
    },
  };
}
