import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { RegionIndex } from '@shared/domain/regions';
import { gridOverview, regulatorFillFor } from '@shared/grid/overview';
import type { DataDoc } from '@shared/storage/types';
import { notFound, type HandlerContext } from './context';

type RegulatorMethods = 'regulators:list' | 'regulators:overview' | 'regulators:save' | 'regulators:delete' | 'regulators:fill';

/** 网格监管人员 (docs/domain.md#网格监管的规则): their grids and the 主体 that name them. */
export function regulatorHandlers(ctx: HandlerContext): Pick<ApiHandlers, RegulatorMethods> {
  return {
    'regulators:list': async () => ctx.doc().regulators,

    'regulators:overview': async () => {
      const doc = ctx.doc();
      return gridOverview(gridInput(doc, ctx.lists().regions));
    },

    'regulators:save': async (input) =>
      ctx.store.update(
        (doc) => {
          const known = new Set(doc.regions.map((r) => r.id));
          if (input.regionIds.some((id) => !known.has(id))) {
            throw new ApiError('invalid-argument', '所选网格中有不存在的区划，请重新选择', { regionIds: '有不存在的区划，请重新选择' });
          }
          const index = input.id ? doc.regulators.findIndex((r) => r.id === input.id) : -1;
          if (input.id && index < 0) throw notFound('网格监管人员');
          return index;
        },
        (doc, index) => {
          const before = index >= 0 ? doc.regulators[index] : undefined;
          const saved = { ...input, regionIds: [...new Set(input.regionIds)], id: input.id ?? ctx.newId('G') };
          if (before) doc.regulators[index] = saved;
          else doc.regulators.push(saved);
          ctx.log(doc, 'regulators:save', `${before ? '修改' : '新增'}网格监管人员“${saved.name}”`, before, saved);
          return saved;
        },
      ),

    'regulators:delete': async ({ id, handTo }) => {
      // Handing their 主体 over to someone else changes many records at once: a backup first.
      if (handTo !== undefined && ctx.doc().entities.some((e) => e.regulatorId === id)) await ctx.backup('bulk');
      return ctx.store.update(
        (doc) => {
          const regulator = doc.regulators.find((r) => r.id === id);
          if (!regulator) throw notFound('网格监管人员');
          const count = doc.entities.filter((e) => e.regulatorId === id).length;
          if (count > 0 && handTo === undefined) {
            throw new ApiError('conflict', `“${regulator.name}”仍是 ${count} 户主体的网格监管人员，请选择由谁接手后再删除`);
          }
          const successor = handTo ? doc.regulators.find((r) => r.id === handTo && r.id !== id) : undefined;
          if (handTo && !successor)
            throw new ApiError('invalid-argument', '接手的网格监管人员不存在，请重新选择', { handTo: '请重新选择' });
          return { regulator, successor };
        },
        (doc, { regulator, successor }) => {
          const theirs = doc.entities.filter((e) => e.regulatorId === id);
          for (const e of theirs) e.regulatorId = successor?.id ?? '';
          doc.regulators = doc.regulators.filter((r) => r.id !== id);
          const handed =
            theirs.length === 0
              ? ''
              : successor
                ? `，${theirs.length} 户主体交由“${successor.name}”`
                : `，${theirs.length} 户主体暂无网格监管人员`;
          ctx.log(doc, 'regulators:delete', `删除网格监管人员“${regulator.name}”${handed}`, regulator);
          return { id, handedOver: theirs.length };
        },
      );
    },

    'regulators:fill': async () => {
      await ctx.backup('bulk');
      return ctx.store.update((doc) => {
        const regions = new RegionIndex(doc.regions);
        const fills = regulatorFillFor(gridInput(doc, regions));
        for (const e of doc.entities) {
          const regulatorId = fills.get(e.id);
          if (regulatorId !== undefined) e.regulatorId = regulatorId;
        }
        const { withoutRegulator } = gridOverview(gridInput(doc, regions));
        ctx.log(doc, 'regulators:fill', `按网格补全网格监管人员：${fills.size} 户主体，仍有 ${withoutRegulator} 户不在任何网格内`);
        return { filled: fills.size, stillMissing: withoutRegulator };
      });
    },
  };
}

/** The parts the grid rules read, not `{ ...doc }`: spreading reads every part of the library, its 操作日志 and all years of 督导 included. */
function gridInput(doc: DataDoc, regions: RegionIndex) {
  return { entities: doc.entities, regulators: doc.regulators, assignments: doc.assignments, regions };
}
