/** The keytar store's own rules, over a fake keytar: no keychain needed. */
import { describe, expect, it, vi } from 'vitest';
import {
  createKeytarSecretStore,
  keytarBackendName,
} from '../../../../electron/services/secrets/keytar-secret-store';
import type { Keytar } from '../../../../electron/services/secrets/keytar-loader';

/** An in-memory keytar keyed by service and account. */
function fakeKeytar() {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  const keytar = {
    getPassword: async (s: string, a: string) => entries.get(key(s, a)) ?? null,
    setPassword: async (s: string, a: string, v: string) => void entries.set(key(s, a), v),
    deletePassword: async (s: string, a: string) => entries.delete(key(s, a)),
    findPassword: async () => null,
    findCredentials: async (s: string) =>
      [...entries]
        .filter(([k]) => k.startsWith(`${s}\u0000`))
        .map(([k, password]) => ({ account: k.split('\u0000')[1]!, password })),
  };
  return keytar as Keytar & typeof keytar;
}

const available = async () => ({ available: true }) as const;

function storeOver(keytar: Keytar, options: Parameters<typeof createKeytarSecretStore>[0] = {}) {
  return createKeytarSecretStore({
    load: () => ({ ok: true, keytar, modulePath: '/fake/keytar.js' }),
    probe: available,
    ...options,
  });
}

describe('keytarBackendName', () => {
  it.each([
    ['linux', 'keytar (libsecret)'],
    ['darwin', 'keytar (macOS Keychain)'],
    ['win32', 'keytar (Windows Credential Manager)'],
    ['freebsd', 'keytar (freebsd)'],
  ] as const)('names the %s backend', (platform, name) => {
    expect(keytarBackendName(platform)).toBe(name);
    expect(createKeytarSecretStore({ platform }).backend).toBe(name);
  });
});

describe('keytar secret store rules', () => {
  it('keeps its secrets under its own service, one entry per name', async () => {
    const keytar = fakeKeytar();
    const mine = storeOver(keytar, { service: 'dev.inloop.test' });
    const other = storeOver(keytar, { service: 'someone.else' });
    await mine.set('llm-api-key', 'a');
    await other.set('ingest-token', 'b');
    expect(await mine.list()).toEqual(['llm-api-key']);
    expect(await keytar.getPassword('dev.inloop.test', 'llm-api-key')).toBe('a');
  });

  it('probes once for a burst of calls and reuses the answer for a while', async () => {
    const probe = vi.fn(available);
    const store = storeOver(fakeKeytar(), { probe, probeTtlMs: 60_000 });
    await Promise.all([store.available(), store.available(), store.list()]);
    await store.set('llm-api-key', 'x');
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('probes again once the answer is stale', async () => {
    const probe = vi.fn(available);
    const store = storeOver(fakeKeytar(), { probe, probeTtlMs: 0 });
    await store.available();
    await store.available();
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('refuses every operation while the keychain is unavailable, without calling keytar', async () => {
    const keytar = fakeKeytar();
    const setPassword = vi.spyOn(keytar, 'setPassword');
    const store = storeOver(keytar, {
      probe: async () => ({ available: false, reason: 'Could not connect' }),
    });
    for (const attempt of [
      store.set('llm-api-key', 'value'),
      store.get('llm-api-key'),
      store.delete('llm-api-key'),
      store.list(),
    ]) {
      await expect(attempt).rejects.toMatchObject({
        code: 'unavailable',
        message: 'The OS keychain (keytar (libsecret)) is not available: Could not connect',
      });
    }
    expect(setPassword).not.toHaveBeenCalled();
  });

  it('turns a keychain error into unavailable, naming the secret but never its value', async () => {
    const keytar = fakeKeytar();
    keytar.setPassword = async () => {
      throw new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”');
    };
    const store = storeOver(keytar, { platform: 'linux' });
    const attempt = store.set('helpdesk-token', 'hunter2-secret');
    await expect(attempt).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/could not store helpdesk-token: Object does not exist/),
    });
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('turns a synchronous keytar throw into the same unavailable error', async () => {
    const keytar = fakeKeytar();
    keytar.setPassword = () => {
      throw new Error('Password is required.');
    };
    await expect(storeOver(keytar).set('llm-api-key', '')).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/could not store llm-api-key: Password is required/),
    });
  });

  it('times out a call that never returns and then reports the keychain unavailable', async () => {
    const keytar = fakeKeytar();
    keytar.getPassword = () => new Promise(() => {});
    const store = storeOver(keytar, { operationTimeoutMs: 30, probeTtlMs: 60_000 });
    await expect(store.get('llm-api-key')).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/could not read llm-api-key: .*within 30 ms/),
    });
    expect(await store.availability()).toEqual({
      available: false,
      reason: 'the keychain did not answer within 30 ms',
    });
  });
});
