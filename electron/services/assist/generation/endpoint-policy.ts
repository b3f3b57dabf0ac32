/**
 * May conversation text go to this generation endpoint? Only when generation is on, the URL is
 * http(s), and its host is loopback (text stays on the device) or listed in
 * `privacy.allowedEndpointHosts`. A pure decision, so the rule is tested on its own.
 */
import { isLoopbackHost } from '../../../../shared/assist/endpoint-host';
import type { Settings } from '../../../../shared/schemas/settings';

export type EndpointVerdict =
  | { readonly ok: true; readonly url: URL; readonly loopback: boolean }
  | { readonly ok: false; readonly reason: string };

/** The verdict for the endpoint in `settings`. */
export function checkEndpoint(settings: Pick<Settings, 'assist' | 'privacy'>): EndpointVerdict {
  if (!settings.assist.generationEnabled) {
    return { ok: false, reason: 'Generated replies are off (Settings → Assist).' };
  }
  let url: URL;
  try {
    url = new URL(settings.assist.generationEndpoint);
  } catch {
    return {
      ok: false,
      reason: `The generation endpoint '${settings.assist.generationEndpoint}' is not a URL.`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `The generation endpoint must be http(s), not ${url.protocol}` };
  }
  if (isLoopbackHost(url.hostname)) return { ok: true, url, loopback: true };
  const allowed = settings.privacy.allowedEndpointHosts.map((h) => h.toLowerCase());
  if (allowed.includes(url.hostname.toLowerCase())) return { ok: true, url, loopback: false };
  return {
    ok: false,
    reason: `${url.hostname} is not loopback and not in Settings → Privacy → allowed endpoint hosts, so no text is sent to it.`,
  };
}

/** `<base>/chat/completions` for an OpenAI-compatible base URL such as http://127.0.0.1:11434/v1. */
export function chatCompletionsUrl(base: URL): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}
