/**
 * `inloop feed publish`: adds a pack version to a feed folder for the team lead. The pack file
 * is copied in under its own name first (temp file, then rename), and only then is the new
 * signed `feed.json` renamed over the old one: a device reading the feed at any moment sees
 * either the old index or the new one with its file present. One publisher at a time (a lock
 * file in the folder). The folder is then served by any static host, bucket or share.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_FEED_CHANNEL } from '../../../../shared/schemas/feeds';
import { AppError } from '../../../../shared/result';
import { writeFileAtomic } from '../../core/atomic-file';
import { keyIdOfKey, parsePrivateKey } from '../pack-file/pack-keys';
import { parseTrustedKeys } from '../pack-file/pack-signature';
import { verifyPackFile } from '../cli/verify-pack';
import { withStoreLock } from '../install/store-lock';
import { compareSemver } from '../install/semver';
import {
  FEED_FILE,
  signFeedIndex,
  verifyFeedIndex,
  type FeedEntry,
  type FeedIndex,
} from './feed-index';

/** Published files are for every reader of the share or web server (the umask may narrow it). */
const PUBLISHED_MODE = 0o644;

export interface PublishOptions {
  /** The publisher's private key (PKCS#8 PEM) that signs the index. */
  signingKeyPem: string;
  channel?: string;
  /** Percentage of devices that install it (default 100). */
  rollout?: number;
  now?: Date;
}

export interface PublishResult {
  entry: FeedEntry;
  index: FeedIndex;
  /** True when the version was already in the feed (its channel or rollout changed). */
  updated: boolean;
}

export async function publishToFeed(
  packFile: string,
  feedDir: string,
  options: PublishOptions,
): Promise<PublishResult> {
  const rollout = options.rollout ?? 100;
  if (!Number.isInteger(rollout) || rollout < 0 || rollout > 100) {
    throw new AppError(
      'invalid_request',
      `--rollout must be a whole percentage 0-100, got ${rollout}`,
    );
  }
  const channel = options.channel ?? DEFAULT_FEED_CHANNEL;
  const signingKey = parsePrivateKey(options.signingKeyPem);
  const keyId = keyIdOfKey(signingKey);
  // Every check a device makes, so a broken pack never reaches the feed.
  const { checked } = await verifyPackFile(packFile);
  const meta = checked.pack.manifest.pack;
  const bytes = await readFile(packFile);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const now = (options.now ?? new Date()).toISOString();
  await mkdir(feedDir, { recursive: true });

  return withStoreLock(join(feedDir, '.publish.lock'), async () => {
    const previous = await readOwnIndex(feedDir, signingKey, keyId);
    const file = `${meta.id}-${meta.version}.inloop`;
    const existing = previous?.packs.find((p) => p.id === meta.id && p.version === meta.version);
    if (existing && existing.sha256 !== sha256) {
      throw new AppError(
        'conflict',
        `${meta.id} ${meta.version} is already in the feed with different content; publish a new version`,
      );
    }
    const entry: FeedEntry = {
      id: meta.id,
      name: meta.name,
      version: meta.version,
      channel,
      file,
      sha256,
      size: bytes.length,
      rollout,
      publishedAt: existing?.publishedAt ?? now,
    };
    await placeFile(join(feedDir, file), bytes, sha256);
    const packs = [
      ...(previous?.packs ?? []).filter((p) => !(p.id === meta.id && p.version === meta.version)),
      entry,
    ].sort((a, b) => a.id.localeCompare(b.id) || compareSemver(a.version, b.version));
    const index: FeedIndex = { sequence: (previous?.sequence ?? 0) + 1, publishedAt: now, packs };
    await writeFileAtomic(join(feedDir, FEED_FILE), signFeedIndex(index, options.signingKeyPem), {
      mode: PUBLISHED_MODE,
    });
    return { entry, index, updated: existing !== undefined };
  });
}

/**
 * The feed's current index, verified with the publishing key itself: a feed signed by another
 * key is refused rather than silently taken over.
 */
async function readOwnIndex(
  feedDir: string,
  signingKey: KeyObject,
  keyId: string,
): Promise<FeedIndex | null> {
  let text: string;
  try {
    text = await readFile(join(feedDir, FEED_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return verifyFeedIndex(text, parseTrustedKeys([publicPemOf(signingKey)])).index;
  } catch (error) {
    throw new AppError(
      'conflict',
      `${join(feedDir, FEED_FILE)} cannot be updated with key ${keyId}: ${(error as Error).message}`,
    );
  }
}

/** The public half of a private key, as SPKI PEM. */
function publicPemOf(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** Writes the pack in under `target` (fsynced temp, then rename) unless the same bytes are there. */
async function placeFile(target: string, bytes: Buffer, sha256: string): Promise<void> {
  const present = await readFile(target).catch(() => null);
  if (present && createHash('sha256').update(present).digest('hex') === sha256) return;
  await writeFileAtomic(target, bytes, { mode: PUBLISHED_MODE });
}
