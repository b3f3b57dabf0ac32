/**
 * Publishing for the lead: a signed index whose signature covers exactly what is used, a new
 * sequence per publish, refusal of changed content under a published version and of a feed
 * signed by another key, and files others can read.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/result';
import { generateSigningKeys } from '../../../../../electron/services/packs/pack-file';
import { parseTrustedKeys } from '../../../../../electron/services/packs/pack-file/pack-signature';
import {
  canonicalJson,
  FEED_FILE,
  signFeedIndex,
  verifyFeedIndex,
} from '../../../../../electron/services/packs/feed/feed-index';
import { publishToFeed } from '../../../../../electron/services/packs/feed/feed-publish';
import { tempDir } from '../../knowledge/knowledge-fixtures';
import { writeSignedPack } from './feed-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('inloop-feed-publish-'));
});
afterEach(() => cleanup());

const keys = generateSigningKeys();
const trusted = parseTrustedKeys([keys.publicKeyPem]);

describe('the signed feed index', () => {
  const index = { sequence: 3, publishedAt: '2026-01-01T00:00:00.000Z', packs: [] };

  it('verifies whatever the key order or spacing of the file', () => {
    const text = signFeedIndex(index, keys.privateKeyPem);
    const document = JSON.parse(text) as { index: Record<string, unknown> };
    const reordered = {
      ...document,
      index: { packs: [], publishedAt: index.publishedAt, sequence: 3 },
    };
    expect(verifyFeedIndex(JSON.stringify(reordered), trusted)).toEqual({
      index,
      keyId: keys.keyId,
    });
  });

  it('canonical JSON sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 2 }], a: 'x' })).toBe(
      '{"a":"x","b":[2,{"c":2,"d":1}]}',
    );
  });

  it('refuses a changed index, a foreign key and a file that is not a feed', () => {
    const text = signFeedIndex(index, keys.privateKeyPem);
    expect(() => verifyFeedIndex(text.replace('"sequence": 3', '"sequence": 4'), trusted)).toThrow(
      /does not match its signature/,
    );
    expect(() =>
      verifyFeedIndex(text, parseTrustedKeys([generateSigningKeys().publicKeyPem])),
    ).toThrow(/which is not trusted/);
    expect(() => verifyFeedIndex('{"packs": []}', trusted)).toThrow(/not a signed feed index/);
    expect(() => verifyFeedIndex('<html>', trusted)).toThrow(/not JSON/);
  });
});

describe('publishing to a feed folder', () => {
  it('adds versions with a growing sequence, readable by the web server or share', async () => {
    const feed = join(dir, 'feed');
    const v1 = await writeSignedPack(join(dir, 'v1.inloop'), 'acme', '1.0.0', keys.privateKeyPem);
    const v2 = await writeSignedPack(join(dir, 'v2.inloop'), 'acme', '1.1.0', keys.privateKeyPem);
    await publishToFeed(v1, feed, { signingKeyPem: keys.privateKeyPem });
    const second = await publishToFeed(v2, feed, {
      signingKeyPem: keys.privateKeyPem,
      rollout: 20,
    });
    expect(second.index.sequence).toBe(2);
    expect(second.index.packs.map((p) => [p.version, p.rollout])).toEqual([
      ['1.0.0', 100],
      ['1.1.0', 20],
    ]);
    const widened = await publishToFeed(v2, feed, {
      signingKeyPem: keys.privateKeyPem,
      rollout: 60,
    });
    expect(widened.updated).toBe(true);
    expect(widened.index.sequence).toBe(3);
    const { index } = verifyFeedIndex(await readFile(join(feed, FEED_FILE), 'utf8'), trusted);
    expect(index.packs.map((p) => p.rollout)).toEqual([100, 60]);
    if (process.platform !== 'win32') {
      expect((await stat(join(feed, FEED_FILE))).mode & 0o044).toBe(0o044);
      expect((await stat(join(feed, 'acme-1.1.0.inloop'))).mode & 0o044).toBe(0o044);
    }
  });

  it('refuses other content under a version already published', async () => {
    const feed = join(dir, 'feed');
    const a = await writeSignedPack(
      join(dir, 'a.inloop'),
      'acme',
      '1.0.0',
      keys.privateKeyPem,
      'one',
    );
    const b = await writeSignedPack(
      join(dir, 'b.inloop'),
      'acme',
      '1.0.0',
      keys.privateKeyPem,
      'two',
    );
    await publishToFeed(a, feed, { signingKeyPem: keys.privateKeyPem });
    const refused = publishToFeed(b, feed, { signingKeyPem: keys.privateKeyPem });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toThrow(
      /acme 1\.0\.0 is already in the feed with different content/,
    );
  });

  it('refuses to take over a feed signed by another key', async () => {
    const feed = join(dir, 'feed');
    const pack = await writeSignedPack(join(dir, 'a.inloop'), 'acme', '1.0.0', keys.privateKeyPem);
    await publishToFeed(pack, feed, { signingKeyPem: keys.privateKeyPem });
    const other = generateSigningKeys();
    await expect(publishToFeed(pack, feed, { signingKeyPem: other.privateKeyPem })).rejects.toThrow(
      new RegExp(`cannot be updated with key ${other.keyId}`),
    );
  });

  it('refuses a damaged pack file before anything is written', async () => {
    const feed = join(dir, 'feed');
    const pack = await writeSignedPack(join(dir, 'a.inloop'), 'acme', '1.0.0', keys.privateKeyPem);
    const bytes = await readFile(pack);
    bytes[bytes.length - 5]! ^= 0xff;
    await writeFile(pack, bytes);
    await expect(
      publishToFeed(pack, feed, { signingKeyPem: keys.privateKeyPem }),
    ).rejects.toThrow();
    await expect(stat(join(feed, FEED_FILE))).rejects.toThrow(/ENOENT/);
  });
});
