import type { ApiHandlers, AssignPreview, CadreLoad } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import type { Cadre } from '@shared/domain/schemas';
import { applyAutoAssign, reassign, release, type OpContext } from '@shared/rules/assignment-ops';
import { planAutoAssign, type AssignPlan } from '@shared/rules/auto-assign';
import { stampInactiveSince } from '@shared/rules/inactive';
import { findViolations, scopedRuleInput, VIOLATION_KINDS, type ViolationKind } from '@shared/rules/violations';
import type { DataDoc } from '@shared/storage/types';
import { calendarOf } from './calendar';
import { notFound, type HandlerContext } from './context';

type AssignMethods =
  'assign:violations' | 'assign:loads' | 'assign:preview' | 'assign:apply' | 'assign:reassign' | 'assign:release' | 'assign:replaceCadre';

export function assignmentHandlers(ctx: HandlerContext): Pick<ApiHandlers, AssignMethods> {
  // One pending auto-assignment at a time: a new preview replaces the old one.
  let pending: { previewId: string; plan: AssignPlan; version: number; reset: boolean } | null = null;

  // The parts the rules read, not `{ ...doc }`: spreading reads every part of the library, its 操作日志 and all years of 督导 included.
  const ruleInput = (doc: DataDoc) => ({
    entities: doc.entities,
    cadres: doc.cadres,
    assignments: doc.assignments,
    profile: doc.profile,
    regions: ctx.lists().regions,
  });
  const opContext = (date?: string): OpContext => ({ today: date ?? ctx.today(), newId: (prefix) => ctx.newId(prefix) });

  const activeCadre = (doc: DataDoc, id: string, role: string): Cadre => {
    const cadre = doc.cadres.find((c) => c.id === id);
    if (!cadre) throw notFound(role);
    if (!cadre.active)
      throw new ApiError('invalid-argument', `${role}“${cadre.name}”已不在岗，请选择在岗干部`, { cadreId: '该干部已不在岗' });
    return cadre;
  };
  const checkEntities = (doc: DataDoc, ids: readonly string[]): void => {
    const known = new Set(doc.entities.map((e) => e.id));
    const missing = ids.filter((id) => !known.has(id)).length;
    if (missing > 0) throw new ApiError('not-found', `有 ${missing} 个主体已不存在，请刷新列表后重试`);
  };

  return {
    'assign:violations': async ({ kinds, regionId }) => {
      const doc = ctx.doc();
      const wanted = new Set<ViolationKind>(kinds.length > 0 ? kinds : VIOLATION_KINDS);
      const all = findViolations({
        ...scopedRuleInput(doc, ctx.lists().regions, regionId),
        deadlines: { today: ctx.today(), calendar: calendarOf(doc) },
      });
      const counts = Object.fromEntries(VIOLATION_KINDS.map((k) => [k, 0])) as Record<ViolationKind, number>;
      for (const v of all) counts[v.kind]++;
      const entityNames = new Map(doc.entities.map((e) => [e.id, e.name]));
      const cadreNames = new Map(doc.cadres.map((c) => [c.id, c.name]));
      const items = all
        .filter((v) => wanted.has(v.kind))
        .map((v) => ({ ...v, entityName: entityNames.get(v.entityId) ?? '', cadreName: cadreNames.get(v.cadreId) ?? '' }));
      return { counts, items, integrity: ctx.integrity() };
    },

    'assign:loads': async () => {
      const doc = ctx.doc();
      const load = new Map<string, number>();
      for (const a of doc.assignments) if (a.end === '') load.set(a.cadreId, (load.get(a.cadreId) ?? 0) + 1);
      return doc.cadres.map((c) => cadreLoad(ctx, doc, c, load.get(c.id) ?? 0, load.get(c.id) ?? 0));
    },

    'assign:preview': async (options) => {
      const doc = ctx.doc();
      const plan = planAutoAssign(ruleInput(doc), options);
      const previewId = ctx.newId('AP');
      pending = { previewId, plan, version: ctx.store.version, reset: options.reset };
      return previewOf(ctx, doc, plan, previewId);
    },

    'assign:apply': async ({ previewId }) => {
      if (!pending || pending.previewId !== previewId) {
        throw new ApiError('not-found', '这次自动分配预览已失效（可能已应用或已重新预览），请重新预览');
      }
      const { plan, version, reset } = pending;
      if (version !== ctx.store.version) {
        pending = null;
        throw new ApiError('conflict', '预览之后数据已被修改，为避免覆盖，本次未分配。请重新预览后再应用');
      }
      const moved = plan.proposals.filter((p) => p.fromCadreId).length;
      const result = { assigned: plan.proposals.length - moved, moved, released: plan.releases.length - moved };
      await ctx.backup('assign');
      await ctx.store.update((doc) => {
        applyAutoAssign(doc, plan, opContext());
        ctx.log(
          doc,
          'assign:apply',
          `自动分配包保干部${reset ? '（先解除全部现有包保）' : ''}：新分配 ${result.assigned}，调整 ${result.moved}，解除 ${result.released}，无法分配 ${plan.unresolved.length}`,
        );
      });
      pending = null;
      return result;
    },

    'assign:reassign': async ({ entityIds, cadreId, date }) => {
      await backupBeforeMany(ctx, entityIds);
      return ctx.store.update((doc) => {
        checkEntities(doc, entityIds);
        const cadre = activeCadre(doc, cadreId, '包保干部');
        const moved = reassign(doc, opContext(date), entityIds, cadreId, date ?? ctx.today(), '调整');
        const already = entityIds.length - moved;
        const summary = `将 ${moved} 个主体调整由${cadre.name}包保${already > 0 ? `（另 ${already} 个原已由其包保，未变）` : ''}`;
        ctx.log(doc, 'assign:reassign', summary, undefined, { entityIds, cadreId });
        return { moved };
      });
    },

    'assign:release': async ({ entityIds, reason, date }) => {
      await backupBeforeMany(ctx, entityIds);
      return ctx.store.update((doc) => {
        checkEntities(doc, entityIds);
        const released = release(doc, entityIds, date ?? ctx.today(), reason);
        ctx.log(doc, 'assign:release', `解除 ${released} 个主体的包保关系（${reason}）`, { entityIds });
        return { released };
      });
    },

    'assign:replaceCadre': async ({ fromCadreId, toCadreId, date, deactivate }) => {
      // Hands over all of a cadre's 主体 at once: a backup first, as before auto-assign.
      await ctx.backup('replace');
      return ctx.store.update((doc) => {
        if (fromCadreId === toCadreId)
          throw new ApiError('invalid-argument', '离任干部和接任干部不能是同一人', { toCadreId: '请选择另一名干部' });
        const leaving = doc.cadres.find((c) => c.id === fromCadreId);
        if (!leaving) throw notFound('离任干部');
        const successor = activeCadre(doc, toCadreId, '接任干部');
        const entityIds = doc.assignments.filter((a) => a.end === '' && a.cadreId === fromCadreId).map((a) => a.entityId);
        const moved = entityIds.length > 0 ? reassign(doc, opContext(date), entityIds, toCadreId, date ?? ctx.today(), '干部变动') : 0;
        if (deactivate) Object.assign(leaving, stampInactiveSince(leaving, { ...leaving, active: false }, date ?? ctx.today()));
        ctx.log(
          doc,
          'assign:replaceCadre',
          `干部变动：${leaving.name}的 ${moved} 个包保主体移交${successor.name}${deactivate ? `，${leaving.name}设为不在岗` : ''}`,
          { fromCadreId, entityIds },
          { toCadreId },
        );
        return { moved };
      });
    },
  };
}

/** A change to several 主体 at once (a selection in the list) is backed up first; one 主体 is not worth a backup. */
async function backupBeforeMany(ctx: HandlerContext, entityIds: readonly string[]): Promise<void> {
  if (entityIds.length > 1) await ctx.backup('bulk');
}

function cadreLoad(ctx: HandlerContext, doc: DataDoc, cadre: Cadre, before: number, after: number): CadreLoad {
  return {
    cadreId: cadre.id,
    cadreName: cadre.name,
    level: cadre.level,
    regionPath: ctx.lists().regions.path(cadre.regionId),
    before,
    after,
    cap: doc.profile.loadCap[cadre.level],
  };
}

function previewOf(ctx: HandlerContext, doc: DataDoc, plan: AssignPlan, previewId: string): AssignPreview {
  const regions = ctx.lists().regions;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const cadres = new Map(doc.cadres.map((c) => [c.id, c]));
  const cadreName = (id: string): string => cadres.get(id)?.name ?? '';
  const moved = plan.proposals.filter((p) => p.fromCadreId).length;
  const loads = [...plan.loads]
    .map(([id, l]) => {
      const cadre = cadres.get(id);
      return cadre ? cadreLoad(ctx, doc, cadre, l.before, l.after) : null;
    })
    .filter((l): l is CadreLoad => l !== null)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.cadreId.localeCompare(b.cadreId));
  return {
    previewId,
    counts: {
      assign: plan.proposals.length - moved,
      move: moved,
      release: plan.releases.length - moved,
      unresolved: plan.unresolved.length,
    },
    proposals: plan.proposals.map((p) => {
      const entity = entities.get(p.entityId);
      return {
        entityId: p.entityId,
        entityName: entity?.name ?? '',
        grade: entity?.grade ?? 'D',
        regionPath: entity ? regions.path(entity.regionId) : '',
        fromCadreName: cadreName(p.fromCadreId),
        toCadreId: p.toCadreId,
        toCadreName: cadreName(p.toCadreId),
        reason: p.reason,
        fallback: p.fallback,
      };
    }),
    releases: plan.releases.map((r) => ({
      entityName: entities.get(r.entityId)?.name ?? '',
      cadreName: cadreName(r.cadreId),
      reason: r.reason,
    })),
    unresolved: plan.unresolved.map((u) => {
      const entity = entities.get(u.entityId);
      return { entityId: u.entityId, entityName: entity?.name ?? '', regionPath: entity ? regions.path(entity.regionId) : '', why: u.why };
    }),
    loads,
  };
}
