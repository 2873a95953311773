import type { ApiHandlers, AssignmentView } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { requiresDirector } from '@shared/domain/director';
import type { Assignment } from '@shared/domain/schemas';
import { listWindow } from '@shared/query/lists';
import { entityRegionProblem } from '@shared/rules/region-level';
import type { DataDoc as Doc } from '@shared/storage/types';
import { notFound, type HandlerContext } from './context';
import { recordEntityChanges } from './entity-changes';

export function assignmentViews(doc: Doc, assignments: readonly Assignment[]): AssignmentView[] {
  const cadreNames = new Map(doc.cadres.map((c) => [c.id, c.name]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  return assignments.map((a) => ({
    ...a,
    cadreName: cadreNames.get(a.cadreId) ?? '（已删除的干部）',
    entityName: entities.get(a.entityId)?.name ?? '（已删除的主体）',
    entityGrade: entities.get(a.entityId)?.grade ?? '',
  }));
}

export function entityHandlers(
  ctx: HandlerContext,
): Pick<ApiHandlers, 'entities:query' | 'entities:get' | 'entities:save' | 'entities:delete'> {
  return {
    'entities:query': async (query) => {
      const rows = ctx.lists().entities(query);
      return { total: rows.length, rows: listWindow(rows, query) };
    },

    'entities:get': async ({ id }) => {
      const doc = ctx.doc();
      const entity = doc.entities.find((e) => e.id === id);
      if (!entity) throw notFound('主体');
      const mine = doc.assignments.filter((a) => a.entityId === id);
      const views = assignmentViews(doc, mine);
      return {
        entity,
        regionPath: ctx.lists().regions.path(entity.regionId),
        regulator: doc.regulators.find((r) => r.id === entity.regulatorId) ?? null,
        requiresDirector: requiresDirector(entity, doc.profile.directorRule),
        current: views.find((a) => a.end === '') ?? null,
        history: views.filter((a) => a.end !== '').sort((a, b) => b.start.localeCompare(a.start)),
      };
    },

    'entities:save': async (input) =>
      ctx.store.update(
        (doc) => {
          const fields: Record<string, string> = {};
          const region = doc.regions.find((r) => r.id === input.regionId);
          const regionProblem = region ? entityRegionProblem(region) : '所选区划不存在，请重新选择';
          if (regionProblem) fields['regionId'] = regionProblem;
          if (input.regulatorId && !doc.regulators.some((r) => r.id === input.regulatorId)) {
            fields['regulatorId'] = '所选网格监管人员不存在，请重新选择';
          }
          if (input.uscc) {
            const holder = doc.entities.find((e) => e.uscc === input.uscc && e.id !== input.id);
            if (holder) fields['uscc'] = `该统一社会信用代码已登记为“${holder.name}”，请核对`;
          }
          const index = input.id ? doc.entities.findIndex((e) => e.id === input.id) : -1;
          if (input.id && index < 0) throw notFound('主体');
          if (Object.keys(fields).length > 0) {
            throw new ApiError('invalid-argument', `输入有误：${Object.values(fields).join('；')}`, fields);
          }
          return index;
        },
        (doc, index) => {
          const before = index >= 0 ? doc.entities[index] : undefined;
          const saved = { ...input, id: input.id ?? ctx.newId('E') };
          if (before) doc.entities[index] = saved;
          else doc.entities.push(saved);
          recordEntityChanges(ctx, doc, [{ before, after: saved }]);
          ctx.log(doc, 'entities:save', `${before ? '修改' : '新增'}主体“${saved.name}”`, before, saved);
          return saved;
        },
      ),

    'entities:delete': async ({ id }) =>
      ctx.store.update((doc) => {
        const entity = doc.entities.find((e) => e.id === id);
        if (!entity) throw notFound('主体');
        const removed = doc.assignments.filter((a) => a.entityId === id);
        doc.entities = doc.entities.filter((e) => e.id !== id);
        doc.assignments = doc.assignments.filter((a) => a.entityId !== id);
        ctx.log(doc, 'entities:delete', `删除主体“${entity.name}”及其包保记录 ${removed.length} 条`, { entity, assignments: removed });
        return { id };
      }),
  };
}
