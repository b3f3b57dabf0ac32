/**
 * Where a generation endpoint is, as the settings screen explains it: whether its URL can be
 * used at all, and whether its host is this computer (loopback: text stays on the device), a
 * host allowed in `privacy.allowedEndpointHosts` (it receives redacted text), or neither (it
 * receives nothing). The engine decides with `endpointReach` too
 * (`electron/services/assist/generation/endpoint-policy.ts`), so the rule is written once.
 */

/** The longest endpoint the settings schema keeps (`assist.generationEndpoint`). */
export const MAX_ENDPOINT_LENGTH = 500;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for a hostname that names this computer (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

const EXAMPLE = 'e.g. http://127.0.0.1:11434/v1 for a local Ollama';

/** What is wrong with an endpoint URL the agent typed, or null when the engine can use it. */
export function endpointUrlProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return `Enter the endpoint's base URL, ${EXAMPLE}.`;
  if (value.length > MAX_ENDPOINT_LENGTH) {
    return `The URL is ${value.length} characters long; at most ${MAX_ENDPOINT_LENGTH} are kept.`;
  }
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(value)) {
    return `Start the URL with http:// or https://, ${EXAMPLE}.`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL: check the host name and the port.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The endpoint must use http:// or https://, not ${url.protocol}//.`;
  }
  if (url.hostname === '') return 'The URL has no host name.';
  if (url.username !== '' || url.password !== '') {
    // Settings are a plain file; a key belongs in the keychain.
    return 'Take the user name and password out of the URL: put the key in the API key field.';
  }
  return null;
}

/** Where text sent to an endpoint goes. */
export type EndpointReach =
  | { readonly kind: 'invalid'; readonly problem: string }
  /** Loopback: the conversation stays on this computer. */
  | { readonly kind: 'on-device'; readonly host: string; readonly url: URL }
  /** Another computer, listed in the allowed hosts: it receives redacted text. */
  | { readonly kind: 'allowed'; readonly host: string; readonly url: URL }
  /** Another computer, not listed: the engine sends it nothing. */
  | { readonly kind: 'not-allowed'; readonly host: string; readonly url: URL };

/**
 * Where the conversation goes for `endpoint` under `allowedHosts`, by the engine's rule (any
 * http(s) URL; the stricter `endpointUrlProblem` is for what the agent types). `host` is the
 * URL's hostname, the exact entry the engine looks for in the allowed hosts (no port; IPv6 in
 * brackets).
 */
export function endpointReach(endpoint: string, allowedHosts: readonly string[]): EndpointReach {
  let url: URL | null = null;
  try {
    url = new URL(endpoint.trim());
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const problem = endpointUrlProblem(endpoint) ?? 'The endpoint is not an http(s) URL.';
    return { kind: 'invalid', problem };
  }
  const host = url.hostname;
  if (isLoopbackHost(host)) return { kind: 'on-device', host, url };
  const allowed = allowedHosts.some((entry) => entry.trim().toLowerCase() === host.toLowerCase());
  return { kind: allowed ? 'allowed' : 'not-allowed', host, url };
}
