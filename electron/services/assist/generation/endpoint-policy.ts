/**
 * May conversation text go to this generation endpoint? Only when generation is on, the URL is
 * http(s), and its host is loopback (text stays on the device) or listed in
 * `privacy.allowedEndpointHosts`. A pure decision, so the rule is tested on its own.
 */
import { endpointReach } from '../../../../shared/assist/endpoint-host';
import { assertNever } from '../../../../shared/result';
import type { Settings } from '../../../../shared/schemas/settings';

export type EndpointVerdict =
  | { readonly ok: true; readonly url: URL; readonly loopback: boolean }
  | { readonly ok: false; readonly reason: string };

/** The verdict for the endpoint in `settings`, by the rule the settings screen shows. */
export function checkEndpoint(settings: Pick<Settings, 'assist' | 'privacy'>): EndpointVerdict {
  if (!settings.assist.generationEnabled) {
    return { ok: false, reason: 'Generated replies are off (Settings → Assist).' };
  }
  const endpoint = settings.assist.generationEndpoint;
  const reach = endpointReach(endpoint, settings.privacy.allowedEndpointHosts);
  switch (reach.kind) {
    case 'invalid':
      return {
        ok: false,
        reason: `The generation endpoint '${endpoint}' cannot be used: ${reach.problem}`,
      };
    case 'on-device':
      return { ok: true, url: reach.url, loopback: true };
    case 'allowed':
      return { ok: true, url: reach.url, loopback: false };
    case 'not-allowed':
      return {
        ok: false,
        reason: `${reach.host} is not loopback and not in Settings → Privacy → allowed endpoint hosts, so no text is sent to it.`,
      };
    default:
      return assertNever(reach);
  }
}

/** `<base>/chat/completions` for an OpenAI-compatible base URL such as http://127.0.0.1:11434/v1. */
export function chatCompletionsUrl(base: URL): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}
