import type { FormRule } from 'antd';
import { checkPhone } from '@shared/domain/phone';
import { checkUscc } from '@shared/domain/uscc';
import { classifyLicense } from '@shared/domain/license';

/** Form rules built on the shared validators, so the form says exactly what the service would. */
export const usccRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    if (!value?.trim()) return;
    const result = checkUscc(value);
    if (!result.ok) throw new Error(result.message);
  },
};

export const phoneRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    if (!value?.trim()) return;
    const result = checkPhone(value);
    if (!result.ok) throw new Error(result.message);
  },
};

/** Unusual licence numbers are kept (备案/登记 numbers vary), so this only warns. */
export const licenseWarningRule: FormRule = {
  warningOnly: true,
  validator: async (_rule, value: string | undefined) => {
    if (!value?.trim()) return;
    const { warning } = classifyLicense(value);
    if (warning) throw new Error(warning);
  },
};

export const required = (message: string): FormRule => ({ required: true, whitespace: true, message });
