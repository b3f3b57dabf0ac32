/**
 * The single entry point every host uses to run a request: check the channel, parse the
 * payload with the contract's schema, run the handler, and turn any failure into a
 * `{ ok: false, error: { code, message } }` result with a stable code.
 */
import {
  isRequestChannel,
  requests,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/contract';
import { AppError, fail, ok, type Result } from '../../../shared/result';
import { describeZodError } from '../../../shared/zod-issues';

export type Handler<C extends RequestChannel> = (
  request: RequestOf<C>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** The services' implementation of every request channel of the contract. */
export type Handlers = { [C in RequestChannel]: Handler<C> };

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export interface DispatchLog {
  error(message: string, detail?: unknown): void;
}

export function createDispatcher(handlers: Handlers, log?: DispatchLog): Dispatch {
  return async (channel, payload) => {
    if (!isRequestChannel(channel)) {
      return fail('unknown_channel', `unknown request channel: ${String(channel)}`);
    }
    const parsed = requests[channel].request.safeParse(payload);
    if (!parsed.success) {
      return fail('invalid_request', `${channel}: ${describeZodError(parsed.error, payload)}`);
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      log?.error(`${channel} failed`, error);
      const message = error instanceof Error ? error.message : String(error);
      return fail('internal', `${channel} failed: ${message}`);
    }
  };
}
