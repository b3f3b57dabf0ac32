/**
 * What this device remembers of each feed between checks and restarts
 * (`<data>/feeds/state.json`): the validators of the last answer, the last accepted index
 * (its text, re-verified against the trusted keys at every check, so a key no longer trusted
 * stops it) and its sequence, and how the last check went. Written atomically.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/atomic-file';

export const FEEDS_FOLDER = 'feeds';
export const FEED_STATE_FILE = 'state.json';

const FeedRecordSchema = z.object({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** The accepted index's text and sequence; null before one was accepted. */
  indexText: z.string().nullable(),
  sequence: z.number().int().nullable(),
  keyId: z.string().nullable(),
  checkedAt: z.string().nullable(),
  okAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Failed checks in a row (the back-off counts them). */
  failures: z.number().int().min(0),
});
export type FeedRecord = z.infer<typeof FeedRecordSchema>;

const FeedStateSchema = z.object({
  format: z.literal(1),
  feeds: z.record(z.string(), FeedRecordSchema),
});

export const emptyFeedRecord: FeedRecord = {
  etag: null,
  lastModified: null,
  indexText: null,
  sequence: null,
  keyId: null,
  checkedAt: null,
  okAt: null,
  error: null,
  failures: 0,
};

export const feedStatePath = (dataDir: string) => join(dataDir, FEEDS_FOLDER, FEED_STATE_FILE);

/** The remembered feeds by URL; an unreadable file is forgotten (the feeds are asked anew). */
export async function loadFeedState(dataDir: string): Promise<Map<string, FeedRecord>> {
  try {
    const parsed = FeedStateSchema.safeParse(
      JSON.parse(await readFile(feedStatePath(dataDir), 'utf8')),
    );
    return new Map(parsed.success ? Object.entries(parsed.data.feeds) : []);
  } catch {
    return new Map();
  }
}

export function saveFeedState(
  dataDir: string,
  feeds: ReadonlyMap<string, FeedRecord>,
): Promise<void> {
  const text = JSON.stringify({ format: 1, feeds: Object.fromEntries(feeds) }, null, 2);
  return writeFileAtomic(feedStatePath(dataDir), `${text}\n`);
}
