import type { ApiHandlers, EntityChangeRow } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import type { Entity } from '@shared/domain/schemas';
import { changesBetween, openChangeDeadlines } from '@shared/rules/status-changes';
import type { DataDoc } from '@shared/storage/types';
import { calendarOf } from './calendar';
import { notFound, type HandlerContext } from './context';

/** Records, inside a save or an import, the status and grade changes of 主体 (a new 在营 one is 开业). */
export function recordEntityChanges(
  ctx: HandlerContext,
  doc: DataDoc,
  saves: readonly { before: Entity | undefined; after: Entity }[],
): void {
  const on = ctx.today();
  for (const { before, after } of saves) {
    for (const change of changesBetween(before, after))
      doc.entityChanges.push({ id: ctx.newId('S'), entityId: after.id, on, ...change, reportedOn: '' });
  }
}

/** 主体变动: what is due and overdue after a 主体 opened, closed or changed grade. */
export function entityChangeHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'entityChanges:list' | 'entityChanges:report'> {
  return {
    'entityChanges:list': async ({ regionId }) => {
      const doc = ctx.doc();
      const regions = ctx.lists().regions;
      if (regionId && !regions.get(regionId)) throw notFound('区划');
      const entities = new Map(doc.entities.map((e) => [e.id, e]));
      const cadres = new Map(doc.cadres.map((c) => [c.id, c.name]));
      const current = new Map(doc.assignments.filter((a) => a.end === '').map((a) => [a.entityId, a.cadreId]));
      const deadlines = openChangeDeadlines(doc.entityChanges, doc.assignments, doc.profile.statusDeadlines, calendarOf(doc), ctx.today());
      const rows: EntityChangeRow[] = [];
      for (const d of deadlines) {
        const entity = entities.get(d.change.entityId);
        // A 主体 deleted since has nothing left to report or adjust.
        if (!entity || (regionId && !regions.contains(regionId, entity.regionId))) continue;
        const cadreId = current.get(entity.id);
        rows.push({
          ...d,
          entityName: entity.name,
          grade: entity.grade,
          regionPath: regions.path(entity.regionId),
          cadreName: cadreId ? (cadres.get(cadreId) ?? '') : '',
        });
      }
      const counts = {
        toReport: rows.filter((r) => !r.change.reportedOn).length,
        reportOverdue: rows.filter((r) => r.reportOverdue).length,
        toAdjust: rows.filter((r) => !r.adjusted).length,
        adjustOverdue: rows.filter((r) => r.adjustOverdue).length,
      };
      return { rows, counts, settings: doc.profile.statusDeadlines };
    },

    'entityChanges:report': async ({ id, reportedOn }) =>
      ctx.store.update((doc) => {
        const change = doc.entityChanges.find((c) => c.id === id);
        if (!change) throw notFound('主体变动记录');
        if (reportedOn < change.on)
          throw new ApiError('invalid-argument', `报告日期不能早于变动日期 ${change.on}`, { reportedOn: '不能早于变动日期' });
        if (reportedOn > ctx.today()) throw new ApiError('invalid-argument', '报告日期不能晚于今天', { reportedOn: '不能晚于今天' });
        const before = { ...change };
        change.reportedOn = reportedOn;
        const name = doc.entities.find((e) => e.id === change.entityId)?.name ?? '';
        ctx.log(doc, 'entityChanges:report', `主体变动已报告：${name}${change.kind}（${change.on}，报告 ${reportedOn}）`, before, change);
        return change;
      }),
  };
}
