/** Error codes every transport uses; the message beside them is Chinese and says what to do. */
export type ErrorCode = 'unknown-method' | 'invalid-argument' | 'not-found' | 'conflict' | 'not-initialized' | 'forbidden' | 'internal';

export interface ApiErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field path → message, for forms that show the error beside the field. */
  readonly fields?: Readonly<Record<string, string>>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Thrown by services for a user error; dispatch turns it into an error envelope. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.fields);
}
