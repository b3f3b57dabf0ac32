/**
 * `feed.json`: the signed index of a pack feed. It lists each published pack version (its
 * channel, file, SHA-256, size and rollout percentage) and carries an ed25519 signature by a
 * publisher key over the index in canonical JSON (keys sorted, no spaces), prefixed with a
 * context string so a pack signature can never pass for a feed one and back.
 *
 * `sequence` grows with every publish: a device refuses an index older than one it accepted,
 * so a stale or replayed feed cannot take packs back.
 */
import { sign, verify } from 'node:crypto';
import { z } from 'zod';
import { FeedChannelSchema } from '../../../../shared/schemas/feeds';
import { PackIdSchema, SemverSchema } from '../../../../shared/packs/pack-schemas';
import { AppError } from '../../../../shared/result';
import { KEY_ID_PATTERN, keyIdOfKey, parsePrivateKey } from '../pack-file/pack-keys';
import type { TrustedKeys } from '../pack-file/pack-signature';

export const FEED_FILE = 'feed.json';
export const FEED_SIGNING_CONTEXT = 'inloop-feed-index-v1\0';
/** Larger than any honest index (a thousand versions); more is refused unread. */
export const MAX_FEED_BYTES = 1024 * 1024;

/** A pack file name inside the feed: no folders, no tricks. */
export const FeedFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.inloop$/, 'a file name ending in .inloop');

export const FeedEntrySchema = z
  .object({
    id: PackIdSchema,
    name: z.string().min(1).max(200),
    version: SemverSchema,
    channel: FeedChannelSchema,
    file: FeedFileNameSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(1),
    /** Percentage of devices (by rollout bucket) that install this version. */
    rollout: z.number().int().min(0).max(100),
    publishedAt: z.string(),
  })
  .strict();
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

export const FeedIndexSchema = z
  .object({
    sequence: z.number().int().min(1),
    publishedAt: z.string(),
    packs: z.array(FeedEntrySchema).max(1000),
  })
  .strict();
export type FeedIndex = z.infer<typeof FeedIndexSchema>;

const SignatureSchema = z
  .object({
    alg: z.literal('ed25519'),
    keyId: z.string().regex(KEY_ID_PATTERN),
    signature: z.string().regex(/^[A-Za-z0-9+/]{85}[AQgw]==$/),
  })
  .strict();

const FeedDocumentSchema = z
  .object({ format: z.literal(1), index: z.unknown(), signature: SignatureSchema })
  .strict();

/** JSON with object keys sorted at every level: the exact bytes a signature covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const signedBytes = (index: unknown) => Buffer.from(FEED_SIGNING_CONTEXT + canonicalJson(index));

/** `feed.json`'s text for `index`, signed with a PKCS#8 PEM publisher key. */
export function signFeedIndex(index: FeedIndex, privateKeyPem: string): string {
  const key = parsePrivateKey(privateKeyPem);
  const document = {
    format: 1,
    index,
    signature: {
      alg: 'ed25519',
      keyId: keyIdOfKey(key),
      signature: sign(null, signedBytes(index), key).toString('base64'),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A feed index whose signature verified, and the key that signed it. */
export interface VerifiedFeedIndex {
  readonly index: FeedIndex;
  readonly keyId: string;
}

/**
 * Parses and verifies `feed.json`. The signature is checked over the index exactly as parsed
 * (canonicalised), before anything of it is used. Throws `unauthorized` for an untrusted key or
 * a signature that does not match, `invalid_request` for a malformed file.
 */
export function verifyFeedIndex(text: string, trusted: TrustedKeys): VerifiedFeedIndex {
  if (Buffer.byteLength(text) > MAX_FEED_BYTES) {
    throw new AppError('invalid_request', `feed.json is larger than ${MAX_FEED_BYTES} bytes`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_request', `feed.json is not JSON (${(error as Error).message})`);
  }
  const document = FeedDocumentSchema.safeParse(raw);
  if (!document.success) {
    throw new AppError(
      'invalid_request',
      'feed.json is not a signed feed index (format, index, signature)',
    );
  }
  const { keyId, signature } = document.data.signature;
  const candidates = trusted.get(keyId) ?? [];
  if (candidates.length === 0) {
    throw new AppError('unauthorized', `the feed is signed by key ${keyId}, which is not trusted`);
  }
  const bytes = signedBytes(document.data.index);
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64 || !candidates.some((key) => verify(null, bytes, key, sig))) {
    throw new AppError(
      'unauthorized',
      `the feed index does not match its signature by key ${keyId} (it was modified or damaged)`,
    );
  }
  const index = FeedIndexSchema.safeParse(document.data.index);
  if (!index.success) {
    throw new AppError('invalid_request', 'the signed feed index is malformed');
  }
  return { index: index.data, keyId };
}
