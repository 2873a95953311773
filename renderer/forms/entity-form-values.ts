import type { Dayjs } from 'dayjs';
import type {
  BusinessKind,
  CanteenKind,
  Entity,
  EntityDuties,
  EntityInput,
  EntityStatus,
  EntityType,
  Grade,
  Scale,
} from '@shared/domain/schemas';
import { fromIsoDate, toIsoDate } from './dates';

interface PersonValues {
  name?: string;
  phone?: string;
}

/**
 * The entity form's values. Nested names follow the schema (director.phone,
 * safetyOfficers.0.phone, duties.commitment) so the service's field paths land on the right field.
 */
export interface EntityFormValues {
  name: string;
  uscc: string;
  license: string;
  type?: EntityType;
  businessKinds: BusinessKind[];
  scale: Scale;
  grade?: Grade;
  regionId?: string;
  address: string;
  legalRep: string;
  legalRepPhone: string;
  director: PersonValues;
  safetyOfficers: PersonValues[];
  regulatorId?: string;
  status: EntityStatus;
  chainHeadquarters: boolean;
  canteen: { kind?: CanteenKind; mealHeadcount?: number | null };
  duties: Record<keyof EntityDuties, Dayjs | null>;
  notes: string;
}

export function entityToFormValues(entity: Entity | null): EntityFormValues {
  if (!entity) {
    return {
      name: '',
      uscc: '',
      license: '',
      businessKinds: [],
      scale: '微型',
      address: '',
      legalRep: '',
      legalRepPhone: '',
      director: { name: '', phone: '' },
      safetyOfficers: [],
      status: '在营',
      chainHeadquarters: false,
      canteen: {},
      duties: { dailyWeeklyMonthly: null, riskList: null, riskSystem: null, commitment: null },
      notes: '',
    };
  }
  return {
    name: entity.name,
    uscc: entity.uscc,
    license: entity.license,
    type: entity.type,
    businessKinds: [...entity.businessKinds],
    scale: entity.scale,
    grade: entity.grade,
    regionId: entity.regionId,
    address: entity.address,
    legalRep: entity.legalRep,
    legalRepPhone: entity.legalRepPhone,
    director: { name: entity.director?.name ?? '', phone: entity.director?.phone ?? '' },
    safetyOfficers: entity.safetyOfficers.map((o) => ({ ...o })),
    ...(entity.regulatorId ? { regulatorId: entity.regulatorId } : {}),
    status: entity.status,
    chainHeadquarters: entity.chainHeadquarters,
    canteen: entity.canteen ? { ...entity.canteen } : {},
    duties: {
      dailyWeeklyMonthly: fromIsoDate(entity.duties.dailyWeeklyMonthly),
      riskList: fromIsoDate(entity.duties.riskList),
      riskSystem: fromIsoDate(entity.duties.riskSystem),
      commitment: fromIsoDate(entity.duties.commitment),
    },
    notes: entity.notes,
  };
}

const trim = (text: string | undefined): string => (text ?? '').trim();

/** What `entities:save` receives. Empty 总监/食堂 blocks become null; dates become 'YYYY-MM-DD' or ''. */
export function formValuesToEntityInput(values: EntityFormValues, id: string | undefined): EntityInput {
  const director = { name: trim(values.director.name), phone: trim(values.director.phone) };
  const { kind, mealHeadcount } = values.canteen;
  return {
    ...(id ? { id } : {}),
    name: values.name,
    uscc: trim(values.uscc),
    license: trim(values.license),
    // The form's required rules guarantee these; the service rejects them with a message if not.
    type: values.type as EntityType,
    grade: values.grade as Grade,
    regionId: values.regionId ?? '',
    businessKinds: values.businessKinds,
    scale: values.scale,
    address: values.address,
    legalRep: values.legalRep,
    legalRepPhone: trim(values.legalRepPhone),
    director: director.name === '' && director.phone === '' ? null : director,
    safetyOfficers: values.safetyOfficers.map((o) => ({ name: trim(o.name), phone: trim(o.phone) })),
    regulatorId: values.regulatorId ?? '',
    status: values.status,
    chainHeadquarters: values.chainHeadquarters,
    canteen: kind ? { kind, mealHeadcount: mealHeadcount ?? 0 } : null,
    duties: {
      dailyWeeklyMonthly: toIsoDate(values.duties.dailyWeeklyMonthly),
      riskList: toIsoDate(values.duties.riskList),
      riskSystem: toIsoDate(values.duties.riskSystem),
      commitment: toIsoDate(values.duties.commitment),
    },
    notes: values.notes,
  };
}
