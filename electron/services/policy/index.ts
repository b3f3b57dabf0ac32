/**
 * The policy capability: the managed policy in force, watched while the app runs, laid over
 * the settings (enforced values locked, defaults until the user changes them), on
 * `policy:get` and `policy:changed`. Sources: platform-sources.ts.
 */
import { parseTrustedKeys } from '../packs/pack-file/pack-signature';
import type { Capability } from '../core/capability';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { SettingsService } from '../settings/settings-service';
import type { PolicySource } from './policy-source';
import type { PolicyRefinement } from './policy-values';
import { startPolicyService, type PolicyService } from './policy-service';

export type { PolicyService } from './policy-service';

export interface PolicyDeps {
  /** In precedence order (platformPolicySources gives this platform's). */
  sources: readonly PolicySource[];
  /** Receives the policy at once and after every change. */
  settings?: SettingsService;
  bus?: EventBus;
  logger?: Logger;
}

/** A trusted-keys policy whose PEMs do not parse is refused as a whole, and said why. */
export const refinePolicy: PolicyRefinement = (key, value) => {
  if (key !== 'TrustedPublisherKeys') return null;
  try {
    parseTrustedKeys((value as { publicKeyPem: string }[]).map((k) => k.publicKeyPem));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

export async function createPolicy(deps: PolicyDeps): Promise<Capability<PolicyService, 'policy'>> {
  const running = await startPolicyService({
    sources: deps.sources,
    refine: refinePolicy,
    logger: deps.logger,
  });
  const { service } = running;
  deps.settings?.applyPolicy(service.report());
  const stop = service.onChange((report) => {
    deps.settings?.applyPolicy(report);
    deps.bus?.emit('policy:changed', report);
  });
  let closed = false;
  return {
    service,
    handlers: { 'policy:get': () => service.report() },
    close: async () => {
      if (closed) return;
      closed = true;
      stop();
      running.close();
    },
  };
}
