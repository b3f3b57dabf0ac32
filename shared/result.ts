/**
 * How every request's outcome crosses a boundary (IPC, WebSocket, CLI --json):
 * a value, or an error with a stable code the UI can show and tests can assert.
 */
export const errorCodes = [
  'invalid_request',
  'unknown_channel',
  'unauthorized',
  'not_found',
  'unsupported',
  'conflict',
  'unavailable',
  'timeout',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** An error a service throws on purpose; its code and message reach the caller unchanged. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Exhaustiveness check for `switch` over a union. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
