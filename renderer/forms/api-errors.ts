import type { FormInstance } from 'antd';
import { ApiError } from '@shared/api/result';
import { errorText } from '../api/error-text';

/** "safetyOfficers.0.phone" → ['safetyOfficers', 0, 'phone'], the NamePath antd forms use. */
export function toNamePath(fieldPath: string): (string | number)[] {
  return fieldPath.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the service's per-field messages beside the fields they belong to. Returns the text for
 * the toast: the service's message, which already says what to fix.
 */
export function showApiErrorOnForm(form: FormInstance, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.fields) {
      form.setFields(Object.entries(error.fields).map(([path, text]) => ({ name: toNamePath(path), errors: [text] })));
    }
    return error.message;
  }
  return `保存失败：${errorText(error)}。请稍后重试，如仍失败请联系管理员`;
}
