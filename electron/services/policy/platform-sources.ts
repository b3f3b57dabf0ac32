/**
 * Which places this platform reads policy from. `INLOOP_POLICY_FILE` replaces them with one
 * file, for development and tests only: a packaged app ignores it, so a user cannot point the
 * app at a policy of their own and unlock what IT locked.
 */
import { createRequire } from 'node:module';
import { createFilePolicySource, LINUX_POLICY_FILE } from './file-source';
import {
  createNativePolicySource,
  macPolicyPlaces,
  windowsPolicyPlaces,
  type CreatePolicyWatcher,
} from './native-source';
import type { PolicySource } from './policy-source';

export interface PlatformPolicyOptions {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** A packaged app (Electron's `app.isPackaged`) ignores `INLOOP_POLICY_FILE`. */
  packaged: boolean;
  /** `@vscode/policy-watcher`'s createWatcher; loaded on Windows and macOS when not given. */
  createWatcher?: CreatePolicyWatcher;
  /** Milliseconds between looks at a policy file. */
  fileIntervalMs?: number;
}

/** The sources to read, in precedence order (the first valid value of a key wins). */
export function platformPolicySources(options: PlatformPolicyOptions): PolicySource[] {
  const override = options.env.INLOOP_POLICY_FILE?.trim();
  const file = (path: string) =>
    createFilePolicySource(path, { intervalMs: options.fileIntervalMs });
  if (override && !options.packaged) return [file(override)];
  switch (options.platform) {
    case 'win32':
      return [createNativePolicySource(windowsPolicyPlaces(), watcherOf(options))];
    case 'darwin':
      return [createNativePolicySource(macPolicyPlaces(), watcherOf(options))];
    default:
      return [file(LINUX_POLICY_FILE)];
  }
}

/** The places `platformPolicySources` reads, as people name them (nothing is read). */
export function policyPlaces(options: PlatformPolicyOptions): string[] {
  return platformPolicySources(options).map((source) => source.label);
}

/**
 * The addon's createWatcher, loaded on first use: a native addon loads only where it has a
 * backend (it throws on Linux), and a failure to load it is the source's reported problem.
 */
function watcherOf(options: PlatformPolicyOptions): CreatePolicyWatcher {
  if (options.createWatcher) return options.createWatcher;
  return (...args) => {
    const require = createRequire(import.meta.url);
    const addon = require('@vscode/policy-watcher') as { createWatcher: CreatePolicyWatcher };
    return addon.createWatcher(...args);
  };
}
