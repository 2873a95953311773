import { z } from 'zod';
import { CadreLevelSchema, IsoDateSchema, LetterTemplateSchema } from '../../domain/schemas';
import type { Letter } from '../../handbook/letter';

/** The `letters:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const lettersSchemas = {
  /**
   * 《致食品安全包保领导的一封信》 merged for the named cadres, or for the active cadres of a
   * region (and below) and/or level; at most `limit` letters, `total` says how many the scope has.
   */
  'letters:get': z
    .object({
      cadreIds: z.array(z.string().min(1)).max(5000).default([]),
      regionId: z.string().default(''),
      level: CadreLevelSchema.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      limit: z.number().int().min(1).optional(),
      /** The 成文日期 the letters carry (YYYY-MM-DD); today when absent. */
      date: IsoDateSchema.optional(),
      /** An unsaved template to preview (设置); the stored one otherwise, refused while it would print blank contacts. */
      template: LetterTemplateSchema.optional(),
    })
    .strict(),
} as const;

export interface LettersResults {
  /** `date`: the 成文日期 used (YYYY-MM-DD), for the date picker to show. */
  'letters:get': { readonly letters: readonly Letter[]; readonly total: number; readonly date: string };
}
