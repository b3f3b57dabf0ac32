/**
 * The knowledge channels as every host wires them (createServices → dispatcher): trust from
 * settings, install by path and by upload, search, malformed payloads, events.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../../electron/app/create-services';
import { silentLogger } from '../../../../electron/services/core/log';
import { generateSigningKeys } from '../../../../electron/services/packs/pack-file';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { BILLING_ARTICLES, tempDir, writeFixturePack } from './knowledge-fixtures';
import { findAppRoot } from '../../../../electron/services/core/app-root';

const repoRoot = findAppRoot();

const keys = generateSigningKeys();
let dir: string;
let cleanup: () => Promise<void>;
let services: Services;
const events: string[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  process.env.INLOOP_EMBED_MODEL = 'none';
  services = await createServices({
    host: 'web',
    appVersion: '0.1.0-test',
    appRoot: repoRoot,
    dataDir: join(dir, 'data'),
    modelsDir: join(dir, 'models'),
    secretStore: createMemorySecretStore(),
    logger: silentLogger,
  });
  events.length = 0;
  services.bus.subscribe((event) => events.push(event));
});
afterEach(async () => {
  await services.close();
  delete process.env.INLOOP_EMBED_MODEL;
  await cleanup();
});

const signed = () =>
  writeFixturePack(join(dir, 'acme.inloop'), {
    id: 'acme',
    version: '1.0.0',
    articles: BILLING_ARTICLES,
    signKeyPem: keys.privateKeyPem,
  });

describe('knowledge channels', () => {
  it('install only after the publisher key is trusted in settings', async () => {
    const path = await signed();
    expect(await services.dispatch('packs:install', { path })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    await services.dispatch('settings:update', {
      knowledge: { trustedPublisherKeys: [{ name: 'Acme', publicKeyPem: keys.publicKeyPem }] },
    });
    const installed = await services.dispatch('packs:install', { path });
    expect(installed).toMatchObject({ ok: true, value: { current: { signerKeyId: keys.keyId } } });
    expect(events).toContain('knowledge:changed');

    const found = await services.dispatch('knowledge:search', { query: 'card refund', k: 1 });
    expect(found).toMatchObject({
      ok: true,
      value: {
        hits: [{ articleId: 'billing/refunds', packId: 'acme' }],
        mode: { mode: 'lexical' },
      },
    });
    expect(await services.dispatch('knowledge:status', undefined)).toMatchObject({
      ok: true,
      value: { packs: 1, mode: { reason: 'INLOOP_EMBED_MODEL=none' } },
    });
    expect(await services.dispatch('packs:remove', { id: 'acme' })).toEqual({
      ok: true,
      value: [],
    });
  });

  it('installs an upload and answers the assist engine', async () => {
    await services.dispatch('settings:update', { knowledge: { allowUnsignedPacks: true } });
    const bytes = await readFile(
      await writeFixturePack(join(dir, 'u.inloop'), {
        id: 'acme',
        version: '1.0.0',
        articles: BILLING_ARTICLES,
      }),
    );
    const result = await services.dispatch('packs:install', {
      fileName: 'u.inloop',
      bytesBase64: bytes.toString('base64'),
    });
    expect(result).toMatchObject({ ok: true, value: { current: { id: 'acme' } } });
    const hits = services.knowledge.searchTurns([{ role: 'customer', text: 'parcel is late' }], 1);
    expect(hits[0]!.articleId).toBe('shipping/late-delivery');
    expect((await services.dispatch('packs:list', undefined)) as unknown).toMatchObject({
      ok: true,
      value: [{ current: { id: 'acme' } }],
    });
  });

  it('refuses malformed requests naming the field', async () => {
    expect(await services.dispatch('knowledge:search', { k: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await services.dispatch('packs:remove', { id: '../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('id') },
    });
    expect(await services.dispatch('packs:rollback', { id: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
