import type { FormRule } from 'antd';
import type { Profile } from '@shared/domain/schemas';

/** What the 设置 form edits: the profile without the importer's and exporter's own records. */
export type ProfileValues = Omit<Profile, 'importMappings' | 'exportTemplates'>;

export function toProfileValues(profile: Profile): ProfileValues {
  const { importMappings: _mappings, exportTemplates: _templates, ...values } = profile;
  return values;
}

/** A whole number in a range, said in Chinese with the field's name. */
export function wholeNumber(name: string, min: number, max: number, unit = ''): FormRule[] {
  return [
    { required: true, message: `请填写${name}` },
    {
      validator: async (_rule, value: number | null | undefined) => {
        if (value === null || value === undefined) return;
        if (!Number.isInteger(value)) throw new Error(`${name}应为整数`);
        if (value < min) throw new Error(`${name}不能少于 ${min}${unit}`);
        if (value > max) throw new Error(`${name}不能超过 ${max}${unit}`);
      },
    },
  ];
}

/**
 * Present and whole; the range is the service's to judge (its messages for the visit rules say
 * exactly what is allowed and come back beside the field).
 */
export function presentWholeNumber(name: string): FormRule[] {
  return [
    { required: true, message: `请填写${name}` },
    {
      validator: async (_rule, value: number | null | undefined) => {
        if (value !== null && value !== undefined && !Number.isInteger(value)) throw new Error(`${name}应为整数`);
      },
    },
  ];
}
