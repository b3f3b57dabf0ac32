/**
 * Who may open the API WebSocket of `inloop serve`: a pure decision, unit-tested.
 * The server is bound to 127.0.0.1, but any web page the agent visits could still try to
 * reach it, so every upgrade must carry the per-launch token and come from our own origin,
 * and the Host header must name loopback (blocks DNS-rebinding).
 */
import { timingSafeEqual } from 'node:crypto';
import { TOKEN_PARAM, WS_PATH } from '../../../shared/ws-protocol';

export interface UpgradeRequest {
  url: string;
  host: string | undefined;
  origin: string | undefined;
}

export type UpgradeVerdict =
  { ok: true } | { ok: false; status: 400 | 401 | 403 | 404 | 421; reason: string };

/** Hosts under which the server may be addressed on `port`. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkUpgrade(req: UpgradeRequest, token: string, port: number): UpgradeVerdict {
  if (!isAllowedHost(req.host, port)) {
    return { ok: false, status: 421, reason: `host ${req.host ?? '(none)'} is not this server` };
  }
  let url: URL;
  try {
    url = new URL(req.url, `http://127.0.0.1:${port}`);
  } catch {
    return { ok: false, status: 400, reason: 'malformed request URL' };
  }
  if (url.pathname !== WS_PATH)
    return { ok: false, status: 404, reason: `no endpoint at ${url.pathname}` };
  const given = url.searchParams.get(TOKEN_PARAM);
  if (!given || !tokensEqual(given, token)) {
    return { ok: false, status: 401, reason: 'missing or wrong API token' };
  }
  const origins = allowedHosts(port).map((h) => `http://${h}`);
  if (!req.origin || !origins.includes(req.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: `origin ${req.origin ?? '(none)'} is not allowed` };
  }
  return { ok: true };
}
