/** Which places each platform reads policy from, and that a packaged app ignores the override. */
import { describe, expect, it } from 'vitest';
import { policyPlaces } from '../../../../electron/services/policy/platform-sources';

const places = (platform: NodeJS.Platform, env: Record<string, string> = {}, packaged = true) =>
  policyPlaces({ platform, env, packaged });

describe('policy places', () => {
  it('reads the registry on Windows, managed preferences on macOS, /etc on Linux', () => {
    expect(places('win32')).toEqual(['registry Software\\Policies\\Inloop (HKLM, then HKCU)']);
    expect(places('darwin')).toEqual(['managed preferences dev.inloop.app']);
    expect(places('linux')).toEqual(['/etc/inloop/policy.json']);
  });

  it('INLOOP_POLICY_FILE replaces them in development and the CLI, never in a packaged app', () => {
    const env = { INLOOP_POLICY_FILE: '/tmp/dev-policy.json' };
    expect(places('win32', env, false)).toEqual(['/tmp/dev-policy.json']);
    expect(places('linux', env, true)).toEqual(['/etc/inloop/policy.json']);
    expect(places('darwin', env, true)).toEqual(['managed preferences dev.inloop.app']);
  });
});
