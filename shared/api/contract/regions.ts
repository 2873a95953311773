import { z } from 'zod';
import { type Region, RegionSchema } from '../../domain/schemas';
import { ById, NoInput } from './common';

/** The `regions:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const regionsSchemas = {
  /** All region nodes, flat (parentId links them). */
  'regions:list': NoInput,
  /** Adds a region under `parentId` (null: the city itself) or renames/recodes one. Error `invalid-argument` with fields. */
  'regions:save': RegionSchema.pick({ name: true, code: true, kind: true })
    .extend({ id: z.string().min(1).optional(), parentId: z.string().min(1).nullable() })
    .strict(),
  /** Deletes a region nothing refers to. Error `conflict` naming what still uses it. */
  'regions:delete': ById,
} as const;

export interface RegionsResults {
  'regions:list': readonly Region[];
  'regions:save': Region;
  'regions:delete': { readonly id: string };
}
