/**
 * electron-builder `afterSign` hook: notarizes the signed macOS app with Apple's notary
 * service, so Gatekeeper opens it without "the app is damaged". Credentials come from the
 * environment only (never from a file in the repository), one of:
 *
 * - App Store Connect API key: APPLE_API_KEY (path to the .p8), APPLE_API_KEY_ID, APPLE_API_ISSUER
 * - Apple ID: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID
 * - a notarytool keychain profile: APPLE_KEYCHAIN_PROFILE
 *
 * No credentials: the build goes on un-notarized and says so. Half a set: the build stops,
 * naming what is missing (a release must not ship un-notarized by accident).
 */
import { join } from 'node:path';

const API_KEY = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];
const APPLE_ID = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];

/**
 * Which credentials the environment holds.
 * @param {Record<string, string | undefined>} env
 * @returns {{ kind: 'api-key', options: { appleApiKey: string, appleApiKeyId: string, appleApiIssuer: string } }
 *   | { kind: 'apple-id', options: { appleId: string, appleIdPassword: string, teamId: string } }
 *   | { kind: 'keychain-profile', options: { keychainProfile: string } }
 *   | { kind: 'none', reason: string }}
 */
export function notarizeCredentials(env) {
  const set = (names) => names.filter((name) => (env[name] ?? '').trim() !== '');
  const complete = (names) => set(names).length === names.length;
  const partial = (names) => set(names).length > 0 && !complete(names);
  for (const names of [API_KEY, APPLE_ID]) {
    if (partial(names)) {
      const missing = names.filter((name) => !set(names).includes(name));
      throw new Error(`notarize: ${missing.join(', ')} missing (set all of ${names.join(', ')})`);
    }
  }
  if (complete(API_KEY)) {
    return {
      kind: 'api-key',
      options: {
        appleApiKey: env.APPLE_API_KEY,
        appleApiKeyId: env.APPLE_API_KEY_ID,
        appleApiIssuer: env.APPLE_API_ISSUER,
      },
    };
  }
  if (complete(APPLE_ID)) {
    return {
      kind: 'apple-id',
      options: {
        appleId: env.APPLE_ID,
        appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD,
        teamId: env.APPLE_TEAM_ID,
      },
    };
  }
  if ((env.APPLE_KEYCHAIN_PROFILE ?? '').trim() !== '') {
    return { kind: 'keychain-profile', options: { keychainProfile: env.APPLE_KEYCHAIN_PROFILE } };
  }
  return {
    kind: 'none',
    reason: `no notarization credentials in the environment (${[...API_KEY, ...APPLE_ID, 'APPLE_KEYCHAIN_PROFILE'].join(', ')})`,
  };
}

/**
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string } } }} context
 * @param {{ env?: Record<string, string | undefined>, notarize?: (options: object) => Promise<void>, log?: (line: string) => void }} [deps]
 */
export default async function notarizeHook(context, deps = {}) {
  const log = deps.log ?? ((line) => console.log(line));
  if (context.electronPlatformName !== 'darwin') return;
  const credentials = notarizeCredentials(deps.env ?? process.env);
  if (credentials.kind === 'none') {
    log(`notarize: skipped, ${credentials.reason}`);
    return;
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  const notarize = deps.notarize ?? (await import('@electron/notarize')).notarize;
  log(`notarize: ${appPath} with ${credentials.kind} credentials`);
  await notarize({ appPath, ...credentials.options });
  log('notarize: done');
}
