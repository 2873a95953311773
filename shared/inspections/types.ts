import { z } from 'zod';
import { IsoDateSchema } from '../domain/dates';
import { textRule } from '../domain/text';

/**
 * 督查 of cadres (docs/domain.md#包保干部的规则): a 督查组 of the 省, 市, 旗区 (县) or 乡镇 checks one cadre against the
 * 督查清单 — whether the cadre fulfils the 责任清单 and 任务清单 — item by item.
 */

export const INSPECTOR_LEVELS = ['province', 'city', 'county', 'township'] as const;
export const InspectorLevelSchema = z.enum(INSPECTOR_LEVELS, { error: '督查组级别应为 省级、市级、旗区（县）级、乡镇级 之一' });
export type InspectorLevel = z.infer<typeof InspectorLevelSchema>;
export const INSPECTOR_LEVEL_LABELS: Readonly<Record<InspectorLevel, string>> = {
  province: '省级',
  city: '市级',
  county: '旗区（县）级',
  township: '乡镇级',
};

export const FULFILMENTS = ['落实', '未落实'] as const;
export const FulfilmentSchema = z.enum(FULFILMENTS, { error: '落实情况应为 落实 或 未落实' });
export type Fulfilment = z.infer<typeof FulfilmentSchema>;

/** The 督查组's overall finding on the cadre. */
export const INSPECTION_RESULTS = ['合格', '基本合格', '不合格'] as const;
export const InspectionResultSchema = z.enum(INSPECTION_RESULTS, { error: '总体评价应为 合格、基本合格、不合格 之一' });
export type InspectionResult = z.infer<typeof InspectionResultSchema>;

const note = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .check(textRule(label, 'multi'))
    .default('');

/** One 督查清单 item as the 督查组 found it. */
export const InspectionItemSchema = z.object({
  item: z.string().trim().min(1, { error: '请填写督查事项' }).max(200, { error: '督查事项不能超过200个字' }).check(textRule('督查事项')),
  result: FulfilmentSchema,
  /** What was found; expected where the item is 未落实. */
  note: note('说明', 300),
});
export type InspectionItem = z.infer<typeof InspectionItemSchema>;

const name = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
    .check(textRule(label));

export const InspectionSchema = z.object({
  id: z.string().min(1),
  cadreId: z.string().min(1, { error: '请选择被督查的包保干部' }),
  date: IsoDateSchema,
  inspectorLevel: InspectorLevelSchema,
  /** 督查组, e.g. 市食安委第二督查组. */
  team: name('督查组', 60),
  /** 督查人: the members who checked, as they sign. */
  inspectors: name('督查人', 60),
  items: z.array(InspectionItemSchema).min(1, { error: '请至少督查一项' }).max(60, { error: '督查事项最多60项' }),
  result: InspectionResultSchema,
  notes: note('备注', 500),
});
export type Inspection = z.infer<typeof InspectionSchema>;

/** How many items the 督查组 found 未落实. */
export function unmetItems(inspection: { readonly items: readonly { readonly result: Fulfilment }[] }): number {
  return inspection.items.filter((i) => i.result === '未落实').length;
}
