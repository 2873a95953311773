import type { z } from 'zod';
import {
  ApiError,
  apiSchemas,
  err,
  isApiMethod,
  ok,
  type ApiHandlers,
  type ApiMethod,
  type ApiParsed,
  type Result,
} from '@shared/api/contract';

/**
 * Whether a caller may have files written into `folder`. The CLI is the local user and names any
 * folder; a page (IPC, web harness) only the folders main vouches for, never one it invents.
 */
export type OutputFolderCheck = (folder: string) => boolean;

export const ANY_FOLDER: OutputFolderCheck = () => true;

/** A caller that names no check may not choose a folder at all: a transport must opt in. */
export const NO_FOLDER: OutputFolderCheck = () => false;

/** The input naming the folder a method writes files into, per method that takes one. */
const OUTPUT_FOLDERS: { readonly [M in ApiMethod]?: (input: ApiParsed<M>) => string | undefined } = {
  'handbook:exportAll': (input) => input.outDir,
};

/**
 * The single entry for every transport (IPC, web harness, CLI): unknown method, malformed input
 * and an output folder the caller may not use become error envelopes before any handler runs; a
 * handler's ApiError keeps its code; anything else is reported as an internal error without a
 * stack trace.
 */
export async function dispatch(
  handlers: ApiHandlers,
  name: string,
  raw: unknown,
  mayWriteTo: OutputFolderCheck = NO_FOLDER,
): Promise<Result<unknown>> {
  if (!isApiMethod(name)) return err('unknown-method', `未知的操作“${name}”`);
  const folderOf = OUTPUT_FOLDERS[name] as ((input: unknown) => string | undefined) | undefined;
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  return runChecked(
    apiSchemas[name],
    raw === undefined ? {} : raw,
    async (input) => {
      const folder = folderOf?.(input);
      if (folder && !mayWriteTo(folder)) {
        throw new ApiError(
          'forbidden',
          `不能导出到“${folder}”：只能导出到数据文件夹中的“导出”文件夹，或用“选择文件夹…”选定的文件夹，请重新选择`,
        );
      }
      return handler(input);
    },
    (error) => {
      console.error(`[api] ${name} failed`, error);
      return `操作失败：${errorText(error)}。数据未更改，请重试或联系维护人员`;
    },
  );
}

/**
 * Parses `raw` with its schema and runs the call: a malformed input becomes `invalid-argument`
 * with a message per field, an ApiError keeps its code, anything else is `internal` with the
 * caller's message (no stack trace). Shared by `dispatch` and the desktop channel.
 */
export async function runChecked(
  schema: z.ZodType,
  raw: unknown,
  run: (input: unknown) => Promise<unknown>,
  unexpected: (error: unknown) => string,
): Promise<Result<unknown>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error);
    return err('invalid-argument', `输入有误：${Object.values(fields).join('；')}`, fields);
  }
  try {
    return ok(await run(parsed.data));
  } catch (error) {
    if (error instanceof ApiError) return err(error.code, error.message, error.fields ? { ...error.fields } : undefined);
    return err('internal', unexpected(error));
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
