/**
 * Reads one frame from `inloop serve`. The server is ours, but a frame is still checked
 * for shape before anything trusts its id or result, so a bad frame is dropped rather than
 * resolving the wrong request with garbage.
 */
import { errorCodes, type ErrorCode, type Result } from '../../../shared/result';

export type ParsedServerMessage =
  | { type: 'response'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

/** The message in `text`, or null when it is not a well-formed server frame. */
export function parseServerMessage(text: string): ParsedServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  if (raw.type === 'event' && typeof raw.event === 'string') {
    return { type: 'event', event: raw.event, payload: raw.payload };
  }
  if (raw.type === 'response' && Number.isInteger(raw.id)) {
    return { type: 'response', id: raw.id as number, result: toResult(raw.result) };
  }
  return null;
}

function toResult(value: unknown): Result<unknown> {
  if (isRecord(value) && value.ok === true && 'value' in value) {
    return { ok: true, value: value.value };
  }
  if (isRecord(value) && value.ok === false && isRecord(value.error)) {
    const { code, message } = value.error;
    if (typeof message === 'string' && isErrorCode(code)) {
      return { ok: false, error: { code, message } };
    }
  }
  return { ok: false, error: { code: 'internal', message: 'Inloop sent a malformed answer.' } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
