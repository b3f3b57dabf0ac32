/** The afterSign notarize hook: credentials from the environment, skipped or refused clearly. */
import { describe, expect, it } from 'vitest';
import notarizeHook, { notarizeCredentials } from '../../scripts/notarize.mjs';

const mac = {
  electronPlatformName: 'darwin',
  appOutDir: '/build/mac',
  packager: { appInfo: { productFilename: 'Inloop' } },
};

describe('the notarize hook', () => {
  it('picks an API key, an Apple ID or a keychain profile from the environment', () => {
    expect(
      notarizeCredentials({
        APPLE_API_KEY: '/k.p8',
        APPLE_API_KEY_ID: 'T9G',
        APPLE_API_ISSUER: 'c05',
      }),
    ).toEqual({
      kind: 'api-key',
      options: { appleApiKey: '/k.p8', appleApiKeyId: 'T9G', appleApiIssuer: 'c05' },
    });
    expect(
      notarizeCredentials({
        APPLE_ID: 'a@b.c',
        APPLE_APP_SPECIFIC_PASSWORD: 'pw',
        APPLE_TEAM_ID: 'T',
      }),
    ).toMatchObject({ kind: 'apple-id', options: { appleId: 'a@b.c', teamId: 'T' } });
    expect(notarizeCredentials({ APPLE_KEYCHAIN_PROFILE: 'inloop' })).toEqual({
      kind: 'keychain-profile',
      options: { keychainProfile: 'inloop' },
    });
  });

  it('stops the build on half a set of credentials, naming what is missing', () => {
    expect(() => notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toThrow(
      'notarize: APPLE_APP_SPECIFIC_PASSWORD missing (set all of APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID)',
    );
  });

  it('notarizes the built .app on macOS, skips elsewhere or without credentials', async () => {
    const calls: object[] = [];
    const lines: string[] = [];
    const deps = {
      env: { APPLE_KEYCHAIN_PROFILE: 'inloop' },
      notarize: async (options: object) => void calls.push(options),
      log: (line: string) => void lines.push(line),
    };
    await notarizeHook(mac, deps);
    expect(calls).toEqual([{ appPath: '/build/mac/Inloop.app', keychainProfile: 'inloop' }]);
    await notarizeHook({ ...mac, electronPlatformName: 'win32' }, deps);
    expect(calls).toHaveLength(1);
    await notarizeHook(mac, { ...deps, env: {} });
    expect(calls).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^notarize: skipped, no notarization credentials/);
  });
});
