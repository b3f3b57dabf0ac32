/**
 * Pack feeds end to end: the lead publishes with `publishToFeed` (what `inloop feed publish`
 * runs) into a folder; devices read it from that folder and from a real HTTP server on
 * 127.0.0.1, verify the signed index and each pack, and install through the real pack store.
 * Publish, discover, install, upgrade, 304s, staged rollout, pins, a tampered index and pack,
 * an untrusted key, a replayed older index, and the server going down.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedSubscription } from '../../../../../shared/schemas/feeds';
import {
  generateSigningKeys,
  type SigningKeys,
} from '../../../../../electron/services/packs/pack-file';
import { parseTrustedKeys } from '../../../../../electron/services/packs/pack-file/pack-signature';
import { FeedService } from '../../../../../electron/services/packs/feed';
import { publishToFeed } from '../../../../../electron/services/packs/feed/feed-publish';
import { FIRST_RETRY_MS } from '../../../../../electron/services/packs/feed/feed-schedule';
import { tempDir } from '../../knowledge/knowledge-fixtures';
import { openInstaller, StaticFeedServer, writeSignedPack } from './feed-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let keys: SigningKeys;
let feedDir: string;
let server: StaticFeedServer;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('inloop-feed-'));
  keys = generateSigningKeys();
  feedDir = join(dir, 'feed');
  server = new StaticFeedServer(feedDir);
  await server.start();
});
afterEach(async () => {
  await server.stop();
  await cleanup();
});

/** Builds `id@version` and publishes it as the lead would. */
async function publish(
  version: string,
  options: { channel?: string; rollout?: number; id?: string } = {},
) {
  const id = options.id ?? 'acme';
  const file = await writeSignedPack(
    join(dir, `${id}-${version}.src.inloop`),
    id,
    version,
    keys.privateKeyPem,
  );
  return publishToFeed(file, feedDir, {
    signingKeyPem: keys.privateKeyPem,
    channel: options.channel,
    rollout: options.rollout,
  });
}

/** One device: its data folder, its pack store, a feed service over one subscription. */
async function device(
  name: string,
  subscription: Omit<FeedSubscription, 'channel' | 'pins'> & Partial<FeedSubscription>,
  options: { bucket?: number; trusted?: string[] } = {},
) {
  const dataDir = join(dir, name);
  const trusted = options.trusted ?? [keys.publicKeyPem];
  const installer = await openInstaller(dataDir, trusted);
  const sub: FeedSubscription = { channel: 'stable', pins: {}, ...subscription };
  let current = sub;
  const service = await FeedService.open({
    dataDir,
    installer,
    trusted: () => parseTrustedKeys(trusted),
    bucket: options.bucket ?? 50,
    subscriptions: () => [current],
    pollMinutes: () => 60,
    origin: () => 'policy',
    random: () => 0.5,
  });
  const installed = async () =>
    Object.fromEntries((await installer.list()).map((p) => [p.current.id, p.current.version]));
  return {
    dataDir,
    service,
    installer,
    installed,
    /** Checks the feed once and returns its status. */
    sync: async () => (await service.checkAll()).feeds[0]!,
    resubscribe: (next: Partial<FeedSubscription>) => {
      current = { ...current, ...next };
    },
  };
}

const where = {
  http: () => server.url,
  folder: () => feedDir,
};

describe.each(['http', 'folder'] as const)('a feed over %s', (kind) => {
  it('publishes, is discovered, verified and installed, then answers 304 / unchanged', async () => {
    await publish('1.0.0');
    const agent = await device('agent', { url: where[kind]() });
    const first = await agent.sync();
    expect(first.error).toBeNull();
    expect(first.signedBy).toBe(keys.keyId);
    expect(first.sequence).toBe(1);
    expect(first.packs).toEqual([
      { id: 'acme', target: '1.0.0', installed: '1.0.0', state: 'installed', message: null },
    ]);
    expect(await agent.installed()).toEqual({ acme: '1.0.0' });
    const second = await agent.sync();
    expect(second.packs[0]!.state).toBe('current');
    if (kind === 'http') {
      expect(server.statuses('/feed.json')).toEqual([200, 304]);
      expect(server.statuses('/acme-1.0.0.inloop')).toEqual([200]);
    }
    // Nothing downloaded is left behind.
    expect(await readdir(join(agent.dataDir, 'feeds', 'downloads'))).toEqual([]);
  });

  it('upgrades to a new version and keeps the one before for rollback', async () => {
    await publish('1.0.0');
    const agent = await device('agent', { url: where[kind]() });
    await agent.sync();
    await publish('1.1.0');
    const status = await agent.sync();
    expect(status.packs[0]).toMatchObject({ installed: '1.1.0', state: 'installed' });
    const [pack] = await agent.installer.list();
    expect(pack!.current.version).toBe('1.1.0');
    expect(pack!.previous?.version).toBe('1.0.0');
  });

  it('stages a rollout by bucket: in, out, and in once the percentage reaches it', async () => {
    await publish('1.0.0');
    await publish('1.1.0', { rollout: 30 });
    const early = await device('early', { url: where[kind]() }, { bucket: 12 });
    const late = await device('late', { url: where[kind]() }, { bucket: 77 });
    expect((await early.sync()).packs[0]).toMatchObject({ installed: '1.1.0', state: 'installed' });
    // The late device gets what reaches everyone, and is told a newer one is rolling out.
    const message = '1.1.0 is rolling out to 30 % of devices; this one is not in it yet';
    expect((await late.sync()).packs[0]).toMatchObject({
      installed: '1.0.0',
      state: 'installed',
      message,
    });
    const waiting = (await late.sync()).packs[0]!;
    expect(waiting).toMatchObject({ installed: '1.0.0', state: 'waiting-for-rollout', message });
    await publish('1.1.0', { rollout: 80 });
    expect((await late.sync()).packs[0]).toMatchObject({ installed: '1.1.0', state: 'installed' });
  });

  it('honours a pinned version, down as well as up, and says when the pin is missing', async () => {
    await publish('1.0.0');
    await publish('1.1.0');
    const agent = await device('agent', { url: where[kind](), pins: { acme: '1.0.0' } });
    expect((await agent.sync()).packs[0]).toMatchObject({
      installed: '1.0.0',
      state: 'installed',
      message: 'pinned to 1.0.0',
    });
    agent.resubscribe({ pins: {} });
    expect(await agent.installed()).toEqual({ acme: '1.0.0' });
    await agent.sync();
    expect(await agent.installed()).toEqual({ acme: '1.1.0' });
    agent.resubscribe({ pins: { acme: '1.0.0' } });
    await agent.sync();
    expect(await agent.installed()).toEqual({ acme: '1.0.0' });
    agent.resubscribe({ pins: { acme: '2.0.0' } });
    expect((await agent.sync()).packs[0]).toMatchObject({
      installed: '1.0.0',
      state: 'pin-missing',
      message: 'pinned to 2.0.0, which the feed does not hold',
    });
  });

  it('follows its channel and stable, never another channel', async () => {
    await publish('1.0.0');
    await publish('1.1.0-beta.1', { channel: 'beta' });
    const stable = await device('stable', { url: where[kind]() });
    const beta = await device('beta', { url: where[kind](), channel: 'beta' });
    await stable.sync();
    await beta.sync();
    expect(await stable.installed()).toEqual({ acme: '1.0.0' });
    expect(await beta.installed()).toEqual({ acme: '1.1.0-beta.1' });
  });

  it('refuses a tampered index and keeps what is installed', async () => {
    await publish('1.0.0');
    const agent = await device('agent', { url: where[kind]() });
    await agent.sync();
    await publish('1.1.0', { rollout: 0 });
    const text = await readFile(join(feedDir, 'feed.json'), 'utf8');
    // Someone with write access to the share widens the rollout without the key.
    await writeFile(join(feedDir, 'feed.json'), text.replace('"rollout": 0', '"rollout": 100'));
    const status = await agent.sync();
    expect(status.error).toBe(
      `the feed index does not match its signature by key ${keys.keyId} (it was modified or damaged)`,
    );
    expect(await agent.installed()).toEqual({ acme: '1.0.0' });
  });

  it('refuses a tampered pack before the installer sees it', async () => {
    await publish('1.0.0');
    const agent = await device('agent', { url: where[kind]() });
    await agent.sync();
    await publish('1.1.0');
    const file = join(feedDir, 'acme-1.1.0.inloop');
    const bytes = await readFile(file);
    bytes[bytes.length - 10]! ^= 0xff;
    await writeFile(file, bytes);
    const status = await agent.sync();
    expect(status.error).toBeNull();
    expect(status.packs[0]).toMatchObject({
      state: 'failed',
      installed: '1.0.0',
      message:
        'acme-1.1.0.inloop was refused: its SHA-256 differs from the one the signed feed gives (it was modified or damaged)',
    });
    expect(await agent.installed()).toEqual({ acme: '1.0.0' });
    expect(await readdir(join(agent.dataDir, 'feeds', 'downloads'))).toEqual([]);
  });

  it('refuses a feed signed by a key this device does not trust', async () => {
    await publish('1.0.0');
    const stranger = generateSigningKeys();
    const agent = await device(
      'agent',
      { url: where[kind]() },
      { trusted: [stranger.publicKeyPem] },
    );
    const status = await agent.sync();
    expect(status.error).toBe(`the feed is signed by key ${keys.keyId}, which is not trusted`);
    expect(await agent.installed()).toEqual({});
  });

  it('refuses an older index replayed after a newer one', async () => {
    await publish('1.0.0');
    const old = await readFile(join(feedDir, 'feed.json'), 'utf8');
    await publish('1.1.0');
    const agent = await device('agent', { url: where[kind]() });
    await agent.sync();
    await writeFile(join(feedDir, 'feed.json'), old);
    const status = await agent.sync();
    expect(status.error).toBe(
      "the feed's index (sequence 1) is older than the one accepted before (2); kept the packs installed",
    );
    expect(await agent.installed()).toEqual({ acme: '1.1.0' });
  });
});

describe('a feed whose server is down', () => {
  it('keeps the installed packs, says why, and backs off before asking again', async () => {
    await publish('1.0.0');
    const agent = await device('agent', { url: server.url });
    await agent.sync();
    const port = server.port;
    await server.stop();
    const down = await agent.sync();
    expect(down.error).toMatch(/^http:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\)$/);
    expect(down.okAt).not.toBeNull();
    expect(down.packs[0]).toMatchObject({ installed: '1.0.0' });
    expect(await agent.installed()).toEqual({ acme: '1.0.0' });
    // The first retry comes after a minute (jitter 0.5 = none), not the hour of the poll.
    const next = Date.parse(down.nextCheckAt!) - Date.parse(down.checkedAt!);
    expect(next).toBe(FIRST_RETRY_MS);
    const again = await agent.sync();
    expect(Date.parse(again.nextCheckAt!) - Date.parse(again.checkedAt!)).toBe(2 * FIRST_RETRY_MS);
    // Back up, with a new version: the next check installs it and the error clears.
    await publish('1.1.0');
    await server.start(port);
    const up = await agent.sync();
    expect(up.error).toBeNull();
    expect(await agent.installed()).toEqual({ acme: '1.1.0' });
    expect(Date.parse(up.nextCheckAt!) - Date.parse(up.checkedAt!)).toBe(60 * 60_000);
  });

  it('a missing feed folder is an error, not a crash', async () => {
    const agent = await device('agent', { url: join(dir, 'nowhere') });
    const status = await agent.sync();
    expect(status.error).toMatch(/cannot read .*nowhere.*feed\.json \(ENOENT\)/);
  });
});
