/**
 * The messages a `WorkerClient` and its worker (`serveWorkerRequests`) exchange over
 * `postMessage`, and how an error crosses the thread boundary: as `{ name, message, code }`
 * data, rebuilt on the caller side so an `AppError` thrown in the worker is an `AppError`
 * (same code, same message) for the caller.
 */
import { z } from 'zod';
import { AppError, errorCodes, type ErrorCode } from '../../../../shared/result';

/** Caller → worker. */
export interface WorkerRequestMessage {
  readonly type: 'request';
  readonly id: number;
  readonly payload: unknown;
}

/** An error as data: what survives the structured clone. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string | undefined;
  readonly stack?: string | undefined;
}

const serializedError = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
  stack: z.string().optional(),
});

/** Worker → caller: a result, an error or a progress report for request `id`. */
export const workerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), value: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.number().int(), error: serializedError }),
  z.object({ type: z.literal('progress'), id: z.number().int(), progress: z.unknown() }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;

export const workerRequestSchema = z.object({
  type: z.literal('request'),
  id: z.number().int(),
  payload: z.unknown(),
});

/** Turn anything thrown into data that can be posted. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      code: typeof code === 'string' ? code : undefined,
      stack: error.stack,
    };
  }
  return { name: 'Error', message: String(error) };
}

const isErrorCode = (code: string | undefined): code is ErrorCode =>
  code !== undefined && (errorCodes as readonly string[]).includes(code);

/**
 * Rebuild a worker's error on the caller side: an `AppError` when the code is one of ours
 * (so the dispatcher passes it through unchanged), else an `Error` carrying `name` and `code`.
 * The worker's stack is kept below the caller's, for debugging.
 */
export function rebuildError(data: SerializedError, workerName: string): Error {
  const error = isErrorCode(data.code)
    ? new AppError(data.code, data.message)
    : Object.assign(new Error(data.message), data.code === undefined ? {} : { code: data.code });
  if (error.name !== data.name && data.name !== 'AppError') error.name = data.name;
  if (data.stack)
    error.stack = `${error.stack ?? ''}\n    --- in worker ${workerName} ---\n${data.stack}`;
  return error;
}
