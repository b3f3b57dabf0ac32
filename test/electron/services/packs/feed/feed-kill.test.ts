/**
 * A `kill -9` during a feed install leaves the previous version working. A child process
 * checks the feed (served by a real HTTP server on 127.0.0.1) and is killed with SIGKILL while
 * it downloads the upgrade, once the installer stages it, and while LanceDB indexes it. Each
 * time the previous version still answers searches, and the next check installs the upgrade
 * and leaves no download behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../../../electron/app/open-knowledge';
import { FeedService } from '../../../../../electron/services/packs/feed';
import { publishToFeed } from '../../../../../electron/services/packs/feed/feed-publish';
import { generateSigningKeys } from '../../../../../electron/services/packs/pack-file';
import { parseTrustedKeys } from '../../../../../electron/services/packs/pack-file/pack-signature';
import { tempDir, writeFixturePack } from '../../knowledge/knowledge-fixtures';
import { openInstaller, StaticFeedServer, writeSignedPack } from './feed-fixtures';

const child = join(import.meta.dirname, 'feed-sync-child.ts');
const keys = generateSigningKeys();
let dir: string;
let cleanup: () => Promise<void>;
let server: StaticFeedServer;
let keyPath: string;
let v1: string;

const big = Array.from({ length: 120 }, (_, i) => ({
  articleId: `guides/g${i}`,
  title: `Guide ${i}`,
  text: Array.from({ length: 6 }, (_, j) =>
    `Paragraph ${j} of guide ${i} explains upgraded zeppelin procedures step ${j}. `.repeat(4),
  ).join('\n\n'),
}));

interface Moment {
  name: string;
  /** Slow the upgrade's download down so the kill lands inside it. */
  trickle: boolean;
  when: (dataDir: string) => boolean;
}
const staging = (dataDir: string) => join(dataDir, 'packs', '.staging');
const downloads = (dataDir: string) => join(dataDir, 'feeds', 'downloads');
const moments: Moment[] = [
  {
    name: 'while downloading the upgrade',
    trickle: true,
    when: (d) => existsSync(downloads(d)) && readdirSync(downloads(d)).length > 0,
  },
  { name: 'once the installer stages it', trickle: false, when: (d) => existsSync(staging(d)) },
  {
    name: 'while LanceDB indexes it',
    trickle: false,
    when: (d) =>
      existsSync(staging(d)) &&
      readdirSync(staging(d)).some((s) => existsSync(join(staging(d), s, 'index.lancedb'))),
  },
];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('inloop-feed-kill-'));
  keyPath = join(dir, 'public.pem');
  await writeFile(keyPath, keys.publicKeyPem);
  const feed = join(dir, 'feed');
  v1 = await writeSignedPack(
    join(dir, 'v1.inloop'),
    'acme',
    '1.0.0',
    keys.privateKeyPem,
    'walrus policy',
  );
  const v2 = await writeFixturePack(join(dir, 'v2.inloop'), {
    id: 'acme',
    version: '2.0.0',
    articles: big,
    signKeyPem: keys.privateKeyPem,
  });
  await publishToFeed(v1, feed, { signingKeyPem: keys.privateKeyPem });
  await publishToFeed(v2, feed, { signingKeyPem: keys.privateKeyPem });
  server = new StaticFeedServer(feed);
  await server.start();
}, 60_000);
afterAll(async () => {
  await server.stop();
  await cleanup();
});

async function device(dataDir: string) {
  const trusted = [keys.publicKeyPem];
  return FeedService.open({
    dataDir,
    installer: await openInstaller(dataDir, trusted),
    trusted: () => parseTrustedKeys(trusted),
    bucket: 0,
    subscriptions: () => [{ url: server.url, channel: 'stable', pins: {} }],
    pollMinutes: () => 60,
    origin: () => 'policy',
  });
}

function runAndKill(dataDir: string, moment: Moment): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, server.url, keyPath], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LANCEDB_LOG: 'error' },
    });
    let started = false;
    const poll = () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      if (moment.when(dataDir)) proc.kill('SIGKILL');
      else setImmediate(poll);
    };
    proc.stdout.on('data', (chunk: Buffer) => {
      if (!started && chunk.toString().includes('ready')) {
        started = true;
        poll();
      }
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('kill -9 during a feed install', () => {
  it.each(moments)(
    'leaves the previous version working when killed $name',
    async (moment) => {
      const dataDir = join(dir, moment.name.replace(/\W+/g, '-'));
      // The device has 1.0.0; the feed offers 2.0.0.
      await (await openInstaller(dataDir, [keys.publicKeyPem])).install({ path: v1 });
      server.trickle = moment.trickle
        ? { path: '/acme-2.0.0.inloop', bytesPerTick: 4096, tickMs: 20 }
        : null;

      const signal = await runAndKill(dataDir, moment);
      expect(signal).toBe('SIGKILL');
      server.trickle = null;

      const opened = await openKnowledge({
        dataDir,
        embeddings: { embedder: null, reason: 'test' },
        trust: () => ({ trustedKeys: [keys.publicKeyPem], allowUnsigned: false }),
      });
      try {
        const [entry] = await opened.packs.service.list();
        expect(entry!.current.version).toBe('1.0.0');
        const hits = await opened.knowledge.service.search({ query: 'walrus policy' });
        expect(hits.hits[0]?.articleId).toBe('guide/returns');
      } finally {
        await opened.close();
      }

      // The next check (the app's next start or poll) finishes the job and sweeps.
      const next = await device(dataDir);
      const status = await next.checkAll();
      await next.close();
      expect(status.feeds[0]!.packs[0]).toMatchObject({ installed: '2.0.0', state: 'installed' });
      expect(await readdir(downloads(dataDir))).toEqual([]);
      expect((await readdir(join(dataDir, 'packs'))).sort()).toEqual(['acme', 'registry.json']);
    },
    90_000,
  );
});
