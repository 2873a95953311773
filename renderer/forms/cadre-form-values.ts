import type { Dayjs } from 'dayjs';
import type { Cadre, CadreInput, CadreLevel } from '@shared/domain/schemas';
import { fromIsoDate, toIsoDate } from './dates';

/** The cadre form's values; names follow the schema so service field paths map 1:1. */
export interface CadreFormValues {
  name: string;
  unit: string;
  position: string;
  level?: CadreLevel;
  regionId?: string;
  phone: string;
  active: boolean;
  commitments: { year?: number | null; signedOn?: Dayjs | null }[];
  notes: string;
}

export function cadreToFormValues(cadre: Cadre | null): CadreFormValues {
  if (!cadre) return { name: '', unit: '', position: '', phone: '', active: true, commitments: [], notes: '' };
  return {
    name: cadre.name,
    unit: cadre.unit,
    position: cadre.position,
    level: cadre.level,
    regionId: cadre.regionId,
    phone: cadre.phone,
    active: cadre.active,
    commitments: cadre.commitments.map((c) => ({ year: c.year, signedOn: fromIsoDate(c.signedOn) })),
    notes: cadre.notes,
  };
}

export function formValuesToCadreInput(values: CadreFormValues, id: string | undefined): CadreInput {
  return {
    ...(id ? { id } : {}),
    name: values.name,
    unit: values.unit,
    position: values.position,
    // The form's required rule guarantees a level; the service rejects a missing one with a message.
    level: values.level as CadreLevel,
    regionId: values.regionId ?? '',
    phone: values.phone.trim(),
    active: values.active,
    commitments: values.commitments.map((c) => ({ year: c.year ?? 0, signedOn: toIsoDate(c.signedOn) })),
    notes: values.notes,
  };
}
