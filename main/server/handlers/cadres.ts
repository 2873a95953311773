import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { listWindow } from '@shared/query/lists';
import { stampInactiveSince } from '@shared/rules/inactive';
import { cadreRegionProblem } from '@shared/rules/region-level';
import { notFound, type HandlerContext } from './context';
import { assignmentViews } from './entities';

export function cadreHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'cadres:query' | 'cadres:get' | 'cadres:save' | 'cadres:delete'> {
  return {
    'cadres:query': async (query) => {
      const rows = ctx.lists().cadres(query);
      return { total: rows.length, rows: listWindow(rows, query) };
    },

    'cadres:get': async ({ id }) => {
      const doc = ctx.doc();
      const cadre = doc.cadres.find((c) => c.id === id);
      if (!cadre) throw notFound('干部');
      const views = assignmentViews(
        doc,
        doc.assignments.filter((a) => a.cadreId === id),
      );
      return {
        cadre,
        regionPath: ctx.lists().regions.path(cadre.regionId),
        current: views.filter((a) => a.end === ''),
        history: views.filter((a) => a.end !== '').sort((a, b) => b.start.localeCompare(a.start)),
      };
    },

    'cadres:save': async (input) =>
      ctx.store.update(
        (doc) => {
          const fields: Record<string, string> = {};
          const region = doc.regions.find((r) => r.id === input.regionId);
          const regionProblem = region ? cadreRegionProblem(input.level, region) : '所选区划不存在，请重新选择';
          if (regionProblem) fields['regionId'] = regionProblem;
          const index = input.id ? doc.cadres.findIndex((c) => c.id === input.id) : -1;
          if (input.id && index < 0) throw notFound('干部');
          if (Object.keys(fields).length > 0) {
            throw new ApiError('invalid-argument', `输入有误：${Object.values(fields).join('；')}`, fields);
          }
          return index;
        },
        (doc, index) => {
          const before = index >= 0 ? doc.cadres[index] : undefined;
          const saved = stampInactiveSince(before, { ...input, id: input.id ?? ctx.newId('C'), inactiveSince: '' }, ctx.today());
          if (before) doc.cadres[index] = saved;
          else doc.cadres.push(saved);
          ctx.log(doc, 'cadres:save', `${before ? '修改' : '新增'}干部“${saved.name}”`, before, saved);
          return saved;
        },
      ),

    'cadres:delete': async ({ id }) =>
      ctx.store.update(
        (doc) => {
          const cadre = doc.cadres.find((c) => c.id === id);
          if (!cadre) throw notFound('干部');
          const records = doc.assignments.filter((a) => a.cadreId === id).length;
          if (records > 0) {
            throw new ApiError(
              'conflict',
              `干部“${cadre.name}”有 ${records} 条包保记录，为保留包保历史不能删除。如已调离，请将其设为“不在岗”并把包保主体调整给接任干部`,
            );
          }
          const inspections = doc.inspections.filter((i) => i.cadreId === id).length;
          if (inspections > 0) {
            throw new ApiError(
              'conflict',
              `干部“${cadre.name}”有 ${inspections} 条督查记录，为保留督查历史不能删除。如已调离，请将其设为“不在岗”`,
            );
          }
          return cadre;
        },
        (doc, cadre) => {
          doc.cadres = doc.cadres.filter((c) => c.id !== id);
          ctx.log(doc, 'cadres:delete', `删除干部“${cadre.name}”`, cadre);
          return { id };
        },
      ),
  };
}
