import type { ApiHandlers, InspectionRow } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { selectInspections } from '@shared/inspections/select';
import { unmetItems, type Inspection } from '@shared/inspections/types';
import { notFound, type HandlerContext } from './context';

type InspectionMethods = 'inspections:list' | 'inspections:save' | 'inspections:delete';

/** 督查 of cadres (docs/domain.md#包保干部的规则): the 督查组's records against the 督查清单. */
export function inspectionHandlers(ctx: HandlerContext): Pick<ApiHandlers, InspectionMethods> {
  return {
    'inspections:list': async ({ cadreId, year, regionId }) => {
      const doc = ctx.doc();
      const regions = ctx.lists().regions;
      if (regionId && !regions.get(regionId)) throw notFound('区划');
      return selectInspections(doc, regions, { cadreId, year, regionId }).map(({ inspection, cadre }): InspectionRow => ({
        ...inspection,
        cadreName: cadre?.name ?? '（已删除的干部）',
        cadreLevel: cadre?.level ?? '',
        regionPath: cadre ? regions.path(cadre.regionId) : '',
        unmet: unmetItems(inspection),
      }));
    },

    'inspections:save': async ({ date = ctx.today(), ...input }) =>
      ctx.store.update(
        (doc) => {
          const cadre = doc.cadres.find((c) => c.id === input.cadreId);
          if (!cadre) throw notFound('干部');
          if (date > ctx.today()) throw new ApiError('invalid-argument', '督查日期不能晚于今天', { date: '不能晚于今天' });
          const index = input.id ? doc.inspections.findIndex((i) => i.id === input.id) : -1;
          if (input.id && index < 0) throw notFound('督查记录');
          return { index, cadreName: cadre.name };
        },
        (doc, { index, cadreName }) => {
          const before = index >= 0 ? doc.inspections[index] : undefined;
          // In the stored order of the fields, so the record compares equal to itself read back (restore preview).
          const { id = ctx.newId('I'), cadreId, inspectorLevel, team, inspectors, items, result, notes } = input;
          const saved: Inspection = { id, cadreId, date, inspectorLevel, team, inspectors, items, result, notes };
          if (before) doc.inspections[index] = saved;
          else doc.inspections.push(saved);
          const unmet = unmetItems(saved);
          ctx.log(
            doc,
            'inspections:save',
            `${before ? '修改' : '记录'}对干部“${cadreName}”的督查（${saved.date}，${saved.team}，未落实 ${unmet} 项，${saved.result}）`,
            before,
            saved,
          );
          return saved;
        },
      ),

    'inspections:delete': async ({ id }) =>
      ctx.store.update(
        (doc) => {
          const found = doc.inspections.find((i) => i.id === id);
          if (!found) throw notFound('督查记录');
          return found;
        },
        (doc, found) => {
          doc.inspections = doc.inspections.filter((i) => i.id !== id);
          const cadreName = doc.cadres.find((c) => c.id === found.cadreId)?.name ?? '';
          ctx.log(doc, 'inspections:delete', `删除对干部“${cadreName}”的督查记录（${found.date}，${found.team}）`, found);
          return { id };
        },
      ),
  };
}
