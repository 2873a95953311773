import type { z } from 'zod';
import { ApiError, apiSchemas, err, isApiMethod, ok, type ApiHandlers, type Result } from '@shared/api/contract';

/**
 * The single entry for every transport (IPC, web harness, CLI): unknown method and malformed
 * input become error envelopes before any handler runs; a handler's ApiError keeps its code;
 * anything else is reported as an internal error without a stack trace.
 */
export async function dispatch(handlers: ApiHandlers, name: string, raw: unknown): Promise<Result<unknown>> {
  if (!isApiMethod(name)) return err('unknown-method', `未知的操作“${name}”`);
  const parsed = (apiSchemas[name] as z.ZodType).safeParse(raw === undefined ? {} : raw);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error);
    return err('invalid-argument', `输入有误：${Object.values(fields).join('；')}`, fields);
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ApiError) return err(error.code, error.message, error.fields ? { ...error.fields } : undefined);
    console.error(`[api] ${name} failed`, error);
    return err('internal', `操作失败：${error instanceof Error ? error.message : String(error)}。数据未更改，请重试或联系维护人员`);
  }
}

/** zod issues → { "safetyOfficers.0.phone": "电话…格式不正确…" } (first message per field). */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
