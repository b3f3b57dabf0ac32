/**
 * The keytar store against the real OS keychain. The keychain tests run only inside
 * `bash scripts/with-keyring.sh` (a private D-Bus session with a fresh gnome-keyring), so
 * they can never touch a developer's own keyring; elsewhere they skip, saying so.
 * The tests of an absent or hung Secret Service run everywhere.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretNameSchema } from '../../../../shared/schemas/secrets';
import { createKeytarSecretStore } from '../../../../electron/services/secrets/keytar-secret-store';
import { loadKeytar } from '../../../../electron/services/secrets/keytar-loader';
import { KEYCHAIN_SERVICE } from '../../../../electron/services/secrets/secret-store';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '../../../..');

const inKeyringWrapper =
  process.env.INLOOP_KEYRING_TEST === '1' &&
  Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) &&
  process.env.INLOOP_KEYRING_BUS === process.env.DBUS_SESSION_BUS_ADDRESS;
const skipNote = inKeyringWrapper
  ? ''
  : ' [skipped: not inside scripts/with-keyring.sh (INLOOP_KEYRING_TEST=1)]';

/** Item paths the Secret Service itself returns for these attributes (no keytar involved). */
async function secretServiceItems(attributes: Record<string, string>): Promise<string[]> {
  const dict = Object.entries(attributes).flat().join(',');
  const { stdout } = await run('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.SearchItems',
    `dict:string:string:${dict}`,
  ]);
  // The reply is two arrays, unlocked then locked items; a fresh unlocked keyring uses the first.
  const unlocked = stdout.split('array [')[1]?.split(']')[0] ?? '';
  return [...unlocked.matchAll(/object path "([^"]+)"/g)].map((m) => m[1]!);
}

/** Reads a secret through keytar in another process: it must come from the keychain daemon. */
async function readInAnotherProcess(account: string): Promise<string | null> {
  const loaded = loadKeytar();
  if (!loaded.ok) throw new Error(loaded.reason);
  const script =
    'require(process.env.KEYTAR).getPassword(process.env.SERVICE, process.env.ACCOUNT)' +
    '.then((v) => process.stdout.write(JSON.stringify(v)))';
  const { stdout } = await run(process.execPath, ['-e', script], {
    env: { ...process.env, KEYTAR: loaded.modulePath, SERVICE: KEYCHAIN_SERVICE, ACCOUNT: account },
  });
  return JSON.parse(stdout) as string | null;
}

describe.skipIf(!inKeyringWrapper)(`keytar secret store on the real keychain${skipNote}`, () => {
  const store = createKeytarSecretStore();

  afterEach(async () => {
    for (const name of SecretNameSchema.options) await store.delete(name);
    const loaded = loadKeytar();
    if (loaded.ok) await loaded.keytar.deletePassword(KEYCHAIN_SERVICE, 'not-a-secret-name');
  });

  it('finds the keychain available, through libsecret', async () => {
    expect(await store.availability()).toEqual({ available: true });
    expect(await store.available()).toBe(true);
    expect(store.backend).toBe('keytar (libsecret)');
  });

  it('sets, gets, lists and deletes a secret', async () => {
    expect(await store.list()).toEqual([]);
    expect(await store.get('llm-api-key')).toBeNull();

    await store.set('llm-api-key', 'sk-test-123');
    await store.set('ingest-token', 'ingest-456');

    expect(await store.get('llm-api-key')).toBe('sk-test-123');
    expect(await store.list()).toEqual(['llm-api-key', 'ingest-token']);
    expect(await store.delete('llm-api-key')).toBe(true);
    expect(await store.delete('llm-api-key')).toBe(false);
    expect(await store.get('llm-api-key')).toBeNull();
    expect(await store.list()).toEqual(['ingest-token']);
  });

  it('overwrites a secret in place rather than adding a second entry', async () => {
    await store.set('helpdesk-token', 'first');
    await store.set('helpdesk-token', 'second');
    expect(await store.get('helpdesk-token')).toBe('second');
    const items = await secretServiceItems({
      service: KEYCHAIN_SERVICE,
      account: 'helpdesk-token',
    });
    expect(items).toHaveLength(1);
  });

  it('keeps a unicode value exactly', async () => {
    const value = 'clé-🔑-日本語-Ünïcödé-\u{1F600}-ß';
    await store.set('llm-api-key', value);
    expect(await store.get('llm-api-key')).toBe(value);
    expect(await readInAnotherProcess('llm-api-key')).toBe(value);
  });

  it('stores secrets in the OS Secret Service, where another client finds them', async () => {
    await store.set('ingest-token', 'in-the-keyring');
    const items = await secretServiceItems({ service: KEYCHAIN_SERVICE, account: 'ingest-token' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^\/org\/freedesktop\/secrets\/collection\//);
    expect(await readInAnotherProcess('ingest-token')).toBe('in-the-keyring');

    await store.delete('ingest-token');
    expect(await secretServiceItems({ service: KEYCHAIN_SERVICE })).toEqual([]);
  });

  it('lists only secret names, ignoring other accounts under the service', async () => {
    const loaded = loadKeytar();
    if (!loaded.ok) throw new Error(loaded.reason);
    await loaded.keytar.setPassword(KEYCHAIN_SERVICE, 'not-a-secret-name', 'x');
    await store.set('helpdesk-token', 'h');
    expect(await store.list()).toEqual(['helpdesk-token']);
  });
});

describe('keytar secret store without a working Secret Service', () => {
  it('reports a missing D-Bus as unavailable within seconds, and set() fails clearly', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/keychain-status.ts')],
      {
        cwd: repoRoot,
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/inloop-bus' },
        timeout: 15_000,
      },
    );
    const report = JSON.parse(stdout) as {
      availability: { available: boolean; reason?: string };
      probeMs: number;
      setError: { code: string; message: string } | null;
    };
    expect(report.availability.available).toBe(false);
    expect(report.availability.reason).toMatch(/Could not connect/);
    expect(report.probeMs).toBeLessThan(5000);
    expect(report.setError?.code).toBe('unavailable');
    expect(report.setError?.message).toMatch(/OS keychain .* is not available: Could not connect/);
    expect(report.setError?.message).not.toContain('must-not-be-stored');
  });

  describe('when the bus accepts connections but never answers', () => {
    const socket = join(tmpdir(), `inloop-silent-bus-${process.pid}.sock`);
    let server: Server;
    const clients = new Set<Socket>();
    beforeAll(async () => {
      // Accepts and reads, never answers: libsecret waits for the D-Bus handshake forever.
      server = createServer((client) => {
        clients.add(client);
        client.resume();
      });
      await new Promise<void>((resolve) => server.listen(socket, resolve));
    });
    afterAll(async () => {
      for (const client of clients) client.destroy();
      await new Promise((resolve) => server.close(resolve));
      await rm(socket, { force: true });
    });

    it('gives up at the probe deadline and refuses to store without calling the keychain', async () => {
      const store = createKeytarSecretStore({
        probeTimeoutMs: 1500,
        probeEnv: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` },
      });
      const started = Date.now();
      const availability = await store.availability();
      expect(Date.now() - started).toBeLessThan(4000);
      expect(availability).toEqual({
        available: false,
        reason: expect.stringMatching(/did not answer within 1500 ms/),
      });
      await expect(store.set('llm-api-key', 'secret')).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/not available: the keychain did not answer/),
      });
    });
  });

  it('reports a keytar module that does not load as unavailable, with the reason', async () => {
    const store = createKeytarSecretStore({
      load: () => ({ ok: false, reason: 'the keytar native module did not load: wrong ABI' }),
    });
    expect(await store.available()).toBe(false);
    expect(await store.availability()).toEqual({
      available: false,
      reason: 'the keytar native module did not load: wrong ABI',
    });
    await expect(store.list()).rejects.toMatchObject({ code: 'unavailable' });
    await expect(store.get('llm-api-key')).rejects.toThrow(/wrong ABI/);
  });
});
