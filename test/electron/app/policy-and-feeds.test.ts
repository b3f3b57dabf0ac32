/**
 * Policy and feeds through the composition root, as `inloop serve` runs them: a policy file
 * (INLOOP_POLICY_FILE, honoured outside a packaged app) trusts a publisher and subscribes the
 * device to a feed folder; the app checks the feed as it starts, installs the pack through the
 * one installer, tells the UI (`feeds:changed`), and search finds the pack. The enforced
 * settings refuse `settings:update` through the dispatcher, naming the policy.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedsStatus } from '../../../shared/schemas/feeds';
import { createServices } from '../../../electron/app/create-services';
import { findAppRoot } from '../../../electron/services/core/app-root';
import { silentLogger } from '../../../electron/services/core/log';
import { publishToFeed } from '../../../electron/services/packs/feed/feed-publish';
import { generateSigningKeys } from '../../../electron/services/packs/pack-file';
import { createMemorySecretStore } from '../../../electron/services/secrets/memory-secret-store';
import { writeSignedPack } from '../services/packs/feed/feed-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-policy-feeds-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a device managed by policy', () => {
  it('installs from the feed policy names, and keeps the enforced settings locked', async () => {
    const keys = generateSigningKeys();
    const feed = join(dir, 'feed');
    const pack = await writeSignedPack(
      join(dir, 'acme.inloop'),
      'acme',
      '1.0.0',
      keys.privateKeyPem,
      'walrus policy',
    );
    await publishToFeed(pack, feed, { signingKeyPem: keys.privateKeyPem });
    const policyFile = join(dir, 'policy.json');
    await writeFile(
      policyFile,
      JSON.stringify({
        enforced: {
          TrustedPublisherKeys: [{ name: 'Support Ops', publicKeyPem: keys.publicKeyPem }],
          AllowUnsignedPacks: false,
          PackFeeds: [{ url: feed }],
          UpdateMode: 'none',
        },
      }),
    );
    const services = await createServices({
      host: 'web',
      appVersion: '0.1.0-test',
      appRoot: findAppRoot(),
      dataDir: join(dir, 'data'),
      modelsDir: join(dir, 'models'),
      env: { INLOOP_POLICY_FILE: policyFile, INLOOP_EMBED_MODEL: 'none' },
      secretStore: createMemorySecretStore(),
      logger: silentLogger,
      runsApp: true,
    });
    try {
      const installed = new Promise<FeedsStatus>((resolve) => {
        const stop = services.bus.subscribe((event, payload) => {
          if (event !== 'feeds:changed') return;
          stop();
          resolve(payload as FeedsStatus);
        });
      });
      const status = await installed;
      expect(status.feeds[0]).toMatchObject({
        url: feed,
        from: 'policy',
        signedBy: keys.keyId,
        packs: [{ id: 'acme', installed: '1.0.0', state: 'installed' }],
      });
      const search = await services.dispatch('knowledge:search', { query: 'walrus policy' });
      expect(search).toMatchObject({ ok: true, value: { hits: [{ packId: 'acme' }] } });

      expect(await services.dispatch('policy:get', undefined)).toMatchObject({
        ok: true,
        value: { sources: [policyFile], problems: [] },
      });
      const refused = await services.dispatch('settings:update', {
        knowledge: { allowUnsignedPacks: true },
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(!refused.ok && refused.error.message).toMatch(/policy AllowUnsignedPacks/);
      expect(await services.dispatch('feeds:status', undefined)).toMatchObject({
        ok: true,
        value: { feeds: [{ packs: [{ state: 'installed' }] }] },
      });
    } finally {
      await services.close();
    }
  });
});
