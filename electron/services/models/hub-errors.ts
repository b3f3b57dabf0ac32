/**
 * What a failed download means, in words that name the fix. Pure: from the error `fetch`
 * threw (or the HTTP status) to an `AppError`.
 */
import { AppError } from '../../../shared/result';

const OFFLINE_FIX =
  'this machine cannot reach the model hub (offline or behind a firewall): copy the model ' +
  'folder from a machine that has it and run `inloop models import <dir>`, or set HF_ENDPOINT ' +
  'to a reachable mirror';

const networkCodes: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS unavailable)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection broke',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
};

/** The error code buried in a fetch failure (`TypeError: fetch failed` with a `cause`). */
export function networkCode(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (typeof e.code === 'string' && e.code in networkCodes) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A fetch that threw: offline, refused, timed out (our own abort), or something else. */
export function hubRequestError(
  error: unknown,
  url: string,
  timedOutAfterMs: number | null,
): AppError {
  const origin = new URL(url).origin;
  if (timedOutAfterMs !== null) {
    return new AppError(
      'timeout',
      `${origin} sent nothing for ${Math.round(timedOutAfterMs / 1000)} s while fetching ${url}; ${OFFLINE_FIX}`,
    );
  }
  const code = networkCode(error);
  if (code) {
    return new AppError(
      'unavailable',
      `cannot reach ${origin}: ${networkCodes[code]} (${code}); ${OFFLINE_FIX}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('unavailable', `fetching ${url} failed: ${message}`);
}

/** A response that is not a 2xx. */
export function hubStatusError(
  status: number,
  url: string,
  id: string,
  revision: string,
): AppError {
  switch (status) {
    case 401:
    case 403:
    case 404:
      return new AppError(
        'not_found',
        `${url} answered HTTP ${status}: the hub has no such file for ${id} at revision ${revision} ` +
          '(check the id and --revision; gated models need a token, which Inloop does not send)',
      );
    default:
      return new AppError('unavailable', `${url} answered HTTP ${status}; try again later`);
  }
}
