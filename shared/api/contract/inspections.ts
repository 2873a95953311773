import { z } from 'zod';
import { IsoDateSchema, type CadreLevel } from '../../domain/schemas';
import { InspectionSchema, type Inspection } from '../../inspections/types';
import { ById } from './common';

/** A 督查 record of a cadre, with whom it is about and how many items were found 未落实. */
export interface InspectionRow extends Inspection {
  readonly cadreName: string;
  /** '' when the cadre is no longer in the library (a hand-edited file). */
  readonly cadreLevel: CadreLevel | '';
  readonly regionPath: string;
  readonly unmet: number;
}

/** The `inspections:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const inspectionsSchemas = {
  /** 督查 records of cadres, newest first: of one cadre, of a year (by 督查 date), of cadres in a region and below. */
  'inspections:list': z
    .object({
      cadreId: z.string().default(''),
      year: z.number().int().min(2000).max(2100).optional(),
      regionId: z.string().default(''),
    })
    .strict()
    .default({ cadreId: '', regionId: '' }),
  /** Records (no id) or corrects a 督查 of a cadre against the 督查清单: who checked, when (today if not said), per item 落实/未落实. */
  'inspections:save': InspectionSchema.omit({ id: true })
    .extend({ id: z.string().min(1).optional(), date: IsoDateSchema.optional() })
    .strict(),
  /** Deletes a 督查 record entered by mistake. */
  'inspections:delete': ById,
} as const;

export interface InspectionsResults {
  'inspections:list': readonly InspectionRow[];
  'inspections:save': Inspection;
  'inspections:delete': { readonly id: string };
}
