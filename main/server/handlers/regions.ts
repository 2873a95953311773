import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { RegionIndex } from '@shared/domain/regions';
import { REGION_LEVELS, REGION_LEVEL_LABELS, type Region, type RegionLevel } from '@shared/domain/schemas';
import { notFound, type HandlerContext } from './context';

type RegionMethods = 'regions:list' | 'regions:save' | 'regions:delete';

/** The level below `level`, or undefined below a village. */
function childLevel(level: RegionLevel): RegionLevel | undefined {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1];
}

/** 行政区划 built in the UI (docs/domain.md#行政区划的规则): the tree the lists, rules and reports hang on. */
export function regionHandlers(ctx: HandlerContext): Pick<ApiHandlers, RegionMethods> {
  return {
    'regions:list': async () => ctx.doc().regions,

    'regions:save': async ({ id, parentId, name, code, kind }) =>
      ctx.store.update(
        (doc) => {
          const existing = id === undefined ? undefined : doc.regions.find((r) => r.id === id);
          if (id !== undefined && !existing) throw notFound('区划');
          const fields: Record<string, string> = {};
          // An existing node keeps its place in the tree; only its name, code and kind change.
          const parent = existing
            ? doc.regions.find((r) => r.id === existing.parentId)
            : parentId === null
              ? undefined
              : doc.regions.find((r) => r.id === parentId);
          let level: RegionLevel | undefined = existing?.level;
          if (!existing) {
            if (parentId === null) {
              if (doc.regions.some((r) => r.parentId === null)) fields['parentId'] = '已有市级区划，请在其下新增旗区、乡镇或村';
              level = 'city';
            } else if (!parent) {
              fields['parentId'] = '上级区划不存在，请刷新后重试';
            } else {
              level = childLevel(parent.level);
              if (!level) fields['parentId'] = '村（社区、嘎查）是最下一级，不能再新增下级区划';
            }
          }
          const siblingParent = existing ? existing.parentId : parentId;
          if (doc.regions.some((r) => r.parentId === siblingParent && r.name === name && r.id !== id)) {
            fields['name'] = `同一上级下已有“${name}”，请换一个名称`;
          }
          const sameCode = code ? doc.regions.find((r) => r.code === code && r.id !== id) : undefined;
          if (sameCode) fields['code'] = `区划代码 ${code} 已是“${new RegionIndex(doc.regions).path(sameCode.id)}”的代码，请核对`;
          if (Object.keys(fields).length > 0 || !level)
            throw new ApiError('invalid-argument', `输入有误：${Object.values(fields).join('；')}`, fields);
          return { existing, level };
        },
        (doc, { existing, level }) => {
          const saved: Region = {
            id: existing?.id ?? ctx.newId('R'),
            name,
            level,
            parentId: existing ? existing.parentId : parentId,
            code,
            kind,
          };
          if (existing) doc.regions[doc.regions.indexOf(existing)] = saved;
          else doc.regions.push(saved);
          ctx.log(doc, 'regions:save', `${existing ? '修改' : '新增'}${REGION_LEVEL_LABELS[level]}区划“${name}”`, existing, saved);
          return saved;
        },
      ),

    'regions:delete': async ({ id }) =>
      ctx.store.update(
        (doc) => {
          const region = doc.regions.find((r) => r.id === id);
          if (!region) throw notFound('区划');
          const uses = [
            [doc.regions.filter((r) => r.parentId === id).length, '个下级区划'],
            [doc.entities.filter((e) => e.regionId === id).length, '户主体'],
            [doc.cadres.filter((c) => c.regionId === id).length, '名干部'],
            [doc.regulators.filter((g) => g.regionIds.includes(id)).length, '名网格监管人员的网格'],
          ] as const;
          const inUse = uses.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
          if (inUse.length > 0) {
            throw new ApiError('conflict', `“${region.name}”下还有 ${inUse.join('、')}，不能删除。请先把它们改到其他区划`);
          }
          return region;
        },
        (doc, region) => {
          const path = new RegionIndex(doc.regions).path(id);
          doc.regions = doc.regions.filter((r) => r.id !== id);
          ctx.log(doc, 'regions:delete', `删除区划“${path}”`, region);
          return { id };
        },
      ),
  };
}
