/** The pure decisions of a feed: where it is, what to install, when to ask again, which bucket. */
import { describe, expect, it } from 'vitest';
import { feedLocation } from '../../../../../electron/services/packs/feed/feed-location';
import { planFeed } from '../../../../../electron/services/packs/feed/feed-plan';
import {
  nextCheckDelay,
  FIRST_RETRY_MS,
} from '../../../../../electron/services/packs/feed/feed-schedule';
import { bucketOf } from '../../../../../electron/services/packs/feed/install-bucket';
import type { FeedEntry, FeedIndex } from '../../../../../electron/services/packs/feed/feed-index';

const entry = (version: string, rollout = 100, channel = 'stable', id = 'acme'): FeedEntry => ({
  id,
  name: id,
  version,
  channel,
  file: `${id}-${version}.inloop`,
  sha256: 'a'.repeat(64),
  size: 10,
  rollout,
  publishedAt: '2026-01-01T00:00:00.000Z',
});
const index = (...packs: FeedEntry[]): FeedIndex => ({ sequence: 1, publishedAt: '', packs });
const stable = { channel: 'stable', pins: {} };

describe('where a feed lives', () => {
  it('takes https URLs (with or without feed.json), folders, file URLs and shares', () => {
    expect(feedLocation('https://packs.example.com/support')).toMatchObject({ kind: 'http' });
    const url = feedLocation('https://packs.example.com/support/feed.json');
    expect(typeof url !== 'string' && url.kind === 'http' && url.base.href).toBe(
      'https://packs.example.com/support/',
    );
    expect(feedLocation('/srv/packs')).toEqual({ kind: 'folder', dir: '/srv/packs' });
    expect(feedLocation('file:///srv/packs/feed.json')).toEqual({
      kind: 'folder',
      dir: '/srv/packs',
    });
    expect(feedLocation('\\\\fileserver\\packs')).toEqual({
      kind: 'folder',
      dir: '\\\\fileserver\\packs',
    });
    expect(feedLocation('C:\\Packs')).toEqual({ kind: 'folder', dir: 'C:\\Packs' });
  });

  it('refuses plain http off this computer, credentials in the URL, and relative paths', () => {
    expect(feedLocation('http://packs.example.com/')).toMatch(/use https/);
    expect(feedLocation('http://127.0.0.1:8080/')).toMatchObject({ kind: 'http' });
    expect(feedLocation('https://user:pw@packs.example.com/')).toMatch(/credentials/);
    expect(feedLocation('packs/feed')).toMatch(/an https URL, an absolute folder path or a share/);
  });
});

describe('what to install from a feed', () => {
  it('installs the newest version on the channel or stable that reaches this bucket', () => {
    const feed = index(entry('1.0.0'), entry('1.2.0', 100, 'beta'), entry('1.1.0', 50));
    expect(planFeed(feed, stable, new Map(), 10)[0]).toMatchObject({
      target: { version: '1.1.0' },
      install: true,
      state: 'installed',
    });
    expect(planFeed(feed, { channel: 'beta', pins: {} }, new Map(), 10)[0]!.target?.version).toBe(
      '1.2.0',
    );
    expect(planFeed(feed, stable, new Map(), 70)[0]!.target?.version).toBe('1.0.0');
  });

  it('a bucket at the edge: rollout R reaches buckets below R', () => {
    const feed = index(entry('1.0.0', 20));
    expect(planFeed(feed, stable, new Map(), 19)[0]!.install).toBe(true);
    expect(planFeed(feed, stable, new Map(), 20)[0]!.state).toBe('waiting-for-rollout');
    expect(planFeed(index(entry('1.0.0', 0)), stable, new Map(), 0)[0]!.install).toBe(false);
  });

  it('never goes down for rollout reasons, and says current when up to date', () => {
    const feed = index(entry('1.0.0'));
    expect(planFeed(feed, stable, new Map([['acme', '1.3.0']]), 1)[0]).toMatchObject({
      install: false,
      state: 'current',
    });
  });

  it('a pin wins over everything, from any channel, and marks a downgrade', () => {
    const feed = index(entry('1.0.0'), entry('2.0.0-rc.1', 0, 'pilot'));
    expect(
      planFeed(feed, { channel: 'stable', pins: { acme: '2.0.0-rc.1' } }, new Map(), 99)[0],
    ).toMatchObject({ install: true, downgrade: false });
    expect(
      planFeed(
        feed,
        { channel: 'stable', pins: { acme: '1.0.0' } },
        new Map([['acme', '1.5.0']]),
        0,
      )[0],
    ).toMatchObject({ install: true, downgrade: true, message: 'pinned to 1.0.0' });
  });

  it('plans each pack of the feed on its own', () => {
    const feed = index(
      entry('1.0.0', 100, 'stable', 'zeta'),
      entry('3.0.0', 100, 'stable', 'alpha'),
    );
    expect(planFeed(feed, stable, new Map(), 5).map((p) => [p.id, p.target?.version])).toEqual([
      ['alpha', '3.0.0'],
      ['zeta', '1.0.0'],
    ]);
  });
});

describe('when to ask again', () => {
  it('asks at the poll interval while the feed answers', () => {
    expect(nextCheckDelay(0, 3_600_000, 0.5)).toBe(3_600_000);
  });

  it('backs off after failures, 1, 2, 4 … minutes, never past the poll interval', () => {
    expect([1, 2, 3, 4].map((n) => nextCheckDelay(n, 3_600_000, 0.5))).toEqual([
      FIRST_RETRY_MS,
      2 * FIRST_RETRY_MS,
      4 * FIRST_RETRY_MS,
      8 * FIRST_RETRY_MS,
    ]);
    expect(nextCheckDelay(30, 3_600_000, 0.5)).toBe(3_600_000);
  });

  it('spreads devices by a tenth either way', () => {
    expect(nextCheckDelay(0, 1000, 0)).toBe(900);
    expect(nextCheckDelay(0, 1000, 0.999)).toBe(1100);
  });
});

describe('the rollout bucket', () => {
  it('is stable per install id and spread over 0-99', () => {
    expect(bucketOf('a'.repeat(32))).toBe(bucketOf('a'.repeat(32)));
    const buckets = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf(`install-${i}`)));
    expect(Math.min(...buckets)).toBe(0);
    expect(Math.max(...buckets)).toBe(99);
  });
});
