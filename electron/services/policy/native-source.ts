/**
 * Policy from the Windows registry and the macOS managed preferences, through
 * `@vscode/policy-watcher` (the native addon VS Code reads its own policies with):
 *
 * - Windows: enforced values under `Software\Policies\Inloop`, defaults under
 *   `Software\Policies\Inloop\Recommended`; HKLM wins over HKCU value by value.
 * - macOS: enforced values are the managed (forced) preferences of `dev.inloop.app`, defaults
 *   those of `dev.inloop.app.recommended` (both delivered by a configuration profile).
 *
 * The addon reads strings, numbers and booleans only: list and JSON policies are strings there
 * (policy-values decodes them). It reports every set value once at start, then on each change
 * (a removed value arrives as undefined). Tests give a fake `createWatcher` with that contract.
 */
import { policyDefinitions, policyKeys } from '../../../shared/schemas/policy';
import { sourceProblem, type PolicyReading, type PolicySource } from './policy-source';

/** The part of `@vscode/policy-watcher` this source uses. */
export type CreatePolicyWatcher = (
  productName: string,
  policies: Record<string, { type: 'string' | 'number' | 'boolean' }>,
  onDidChange: (update: Record<string, string | number | boolean | undefined>) => void,
  options?: { registryPath?: string },
) => { dispose(): void };

export const WINDOWS_POLICY_KEY = 'Software\\Policies\\Inloop';
export const WINDOWS_RECOMMENDED_KEY = `${WINDOWS_POLICY_KEY}\\Recommended`;
export const MAC_BUNDLE_ID = 'dev.inloop.app';
export const MAC_RECOMMENDED_DOMAIN = `${MAC_BUNDLE_ID}.recommended`;

/** How long start waits for the addon's first report before going on without it. */
export const FIRST_REPORT_TIMEOUT_MS = 3_000;

/** The addon's declaration of every policy: lists and JSON are strings there. */
export function watcherPolicies(): Record<string, { type: 'string' | 'number' | 'boolean' }> {
  return Object.fromEntries(
    policyKeys.map((key) => {
      const { kind } = policyDefinitions[key];
      const type = kind === 'boolean' || kind === 'number' ? kind : 'string';
      return [key, { type }];
    }),
  );
}

export interface NativePolicyPlaces {
  /** What the reading is named, e.g. `registry Software\Policies\Inloop`. */
  readonly label: string;
  readonly enforced: { productName: string; registryPath?: string };
  readonly defaults: { productName: string; registryPath?: string };
}

export function windowsPolicyPlaces(): NativePolicyPlaces {
  return {
    label: `registry ${WINDOWS_POLICY_KEY} (HKLM, then HKCU)`,
    enforced: { productName: 'Inloop', registryPath: WINDOWS_POLICY_KEY },
    defaults: { productName: 'Inloop', registryPath: WINDOWS_RECOMMENDED_KEY },
  };
}

export function macPolicyPlaces(): NativePolicyPlaces {
  return {
    label: `managed preferences ${MAC_BUNDLE_ID}`,
    enforced: { productName: MAC_BUNDLE_ID },
    defaults: { productName: MAC_RECOMMENDED_DOMAIN },
  };
}

export function createNativePolicySource(
  places: NativePolicyPlaces,
  createWatcher: CreatePolicyWatcher,
  options: { firstReportTimeoutMs?: number } = {},
): PolicySource {
  const values = {
    enforced: new Map<string, unknown>(),
    defaults: new Map<string, unknown>(),
  };
  const watchers: { dispose(): void }[] = [];
  let closed = false;

  const reading = (problems: PolicyReading['problems'] = []): PolicyReading => ({
    source: places.label,
    levels: {
      enforced: Object.fromEntries(values.enforced),
      defaults: Object.fromEntries(values.defaults),
    },
    problems,
  });

  return {
    label: places.label,
    async start(onReading) {
      const reported = { enforced: false, defaults: false };
      let started = false;
      let firstReports: () => void = () => {};
      const allReported = new Promise<void>((resolve) => (firstReports = resolve));
      const watch = (level: 'enforced' | 'defaults') => {
        const place = places[level];
        const onDidChange = (update: Record<string, unknown>) => {
          if (closed) return;
          for (const [name, value] of Object.entries(update)) {
            if (value === undefined) values[level].delete(name);
            else values[level].set(name, value);
          }
          reported[level] = true;
          if (started) onReading(reading());
          else if (reported.enforced && reported.defaults) firstReports();
        };
        watchers.push(
          createWatcher(
            place.productName,
            watcherPolicies(),
            onDidChange,
            place.registryPath ? { registryPath: place.registryPath } : undefined,
          ),
        );
      };
      try {
        watch('enforced');
        watch('defaults');
      } catch (error) {
        onReading({
          source: places.label,
          levels: null,
          problems: [
            sourceProblem(places.label, `cannot be watched (${(error as Error).message})`),
          ],
        });
        return;
      }
      const timeoutMs = options.firstReportTimeoutMs ?? FIRST_REPORT_TIMEOUT_MS;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = await Promise.race([
        allReported.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timer);
      started = true;
      onReading(
        reading(
          timedOut
            ? [
                sourceProblem(
                  places.label,
                  `gave no answer within ${timeoutMs} ms; started with what it had and will apply the rest when it answers`,
                ),
              ]
            : [],
        ),
      );
    },
    close() {
      closed = true;
      for (const watcher of watchers.splice(0)) watcher.dispose();
    },
  };
}
