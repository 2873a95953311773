import { z } from 'zod';
import { LetterTemplateSchema, ProfileSchema, type Profile } from '../../domain/schemas';
import { textProblem, textRule } from '../../domain/text';
import { letterTemplateProblems } from '../../handbook/letter';
import { NoInput } from './common';
import type { CalendarSettings } from './calendar';

export const HeadcountSchema = z.number().int({ error: '就餐人数应为整数' }).min(1, { error: '就餐人数至少为 1' });

/**
 * What 设置 may save: stricter than the stored profile (older files must still load), so a
 * clerk cannot leave the 单位名称 empty or set a negative headcount.
 */
export const ProfileSaveSchema = ProfileSchema.omit({ importMappings: true, exportTemplates: true })
  .extend({
    orgName: z.string().trim().min(1, { error: '请填写单位名称' }).max(60, { error: '单位名称不能超过60个字' }).check(textRule('单位名称')),
    operatorName: z
      .string()
      .trim()
      .min(1, { error: '请填写操作人姓名' })
      .max(20, { error: '操作人姓名不能超过20个字' })
      .check(textRule('操作人姓名')),
    directorRule: ProfileSchema.shape.directorRule.unwrap().extend({
      canteenHeadcount: z.object({ 幼儿园: HeadcountSchema, 养老机构: HeadcountSchema, 学校: HeadcountSchema, 其他单位: HeadcountSchema }),
    }),
    // Optional here: a caller that leaves them out keeps what is stored instead of the defaults.
    checklistByLevel: ProfileSchema.shape.checklistByLevel
      .unwrap()
      .superRefine((checklists, ctx) => {
        for (const [level, items] of Object.entries(checklists)) {
          for (const [index, item] of items.entries()) {
            const message = textProblem(item, '检查要点');
            if (message) ctx.addIssue({ code: 'custom', path: [level, index], message });
          }
        }
      })
      .optional(),
    inspectionItems: ProfileSchema.shape.inspectionItems
      .unwrap()
      .superRefine((items, ctx) => {
        for (const [index, item] of items.entries()) {
          const message = textProblem(item, '督查事项');
          if (message) ctx.addIssue({ code: 'custom', path: [index], message });
        }
      })
      .optional(),
    letter: LetterTemplateSchema.superRefine((letter, ctx) => {
      for (const { key, message } of letterTemplateProblems(letter)) ctx.addIssue({ code: 'custom', path: [key], message });
    }).optional(),
    // 年度切换 (year:open) keeps these; a form without them leaves them as stored.
    closedYears: ProfileSchema.shape.closedYears.optional(),
    statusDeadlines: ProfileSchema.shape.statusDeadlines.optional(),
  })
  .strict();

/** The `profile:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const profileSchemas = {
  /** The policy profile (设置, docs/domain.md#设置的规则) and the office's calendar days. */
  'profile:get': NoInput,
  /** Saves the policy profile; every rule reads from it. */
  'profile:save': ProfileSaveSchema,
} as const;

export interface ProfileResults {
  'profile:get': { readonly profile: Profile; readonly calendar: CalendarSettings; readonly calendarNotes: readonly string[] };
  'profile:save': Profile;
}
