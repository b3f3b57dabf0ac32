/**
 * Pack feeds: where a team lead publishes packs (a folder, a file share or an https URL
 * holding a signed `feed.json` and the `.inloop` files), what a device subscribes to, and
 * the feed status Settings shows. The feed file itself is electron/services/packs/feed.
 */
import { z } from 'zod';
import { PackIdSchema, SemverSchema } from '../packs/pack-schemas';

/** A feed channel: `stable` unless the publisher says otherwise (`beta`, `pilot-team`). */
export const FeedChannelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a channel name: 1-32 lower-case letters, digits, dashes');

export const DEFAULT_FEED_CHANNEL = 'stable';

/** One feed this device follows. */
export const FeedSubscriptionSchema = z
  .object({
    /** `https://…/feed/`, a folder (`/srv/packs`, `C:\Packs`) or a share (`\\server\packs`). */
    url: z.string().trim().min(1).max(2000),
    /** Versions published to this channel (and to `stable`) are candidates. */
    channel: FeedChannelSchema.default(DEFAULT_FEED_CHANNEL),
    /** Pack id → the exact version to keep installed, whatever newer the feed offers. */
    pins: z.record(PackIdSchema, SemverSchema).default({}),
  })
  .strict();
export type FeedSubscription = z.infer<typeof FeedSubscriptionSchema>;

/** What happened to one pack of a feed at the last check. */
export const FeedPackStateSchema = z.enum([
  /** The installed version is the one this device should have. */
  'current',
  /** Installed (or upgraded) at this check. */
  'installed',
  /** A newer version exists but this device's rollout bucket is not in it yet. */
  'waiting-for-rollout',
  /** Pinned to a version the feed does not hold. */
  'pin-missing',
  /** The version could not be downloaded, verified or installed (see `message`). */
  'failed',
]);
export type FeedPackState = z.infer<typeof FeedPackStateSchema>;

export const FeedPackStatusSchema = z.object({
  id: PackIdSchema,
  /** The version this device should have from the feed; null when none qualifies. */
  target: SemverSchema.nullable(),
  /** The version installed on this device, if any. */
  installed: SemverSchema.nullable(),
  state: FeedPackStateSchema,
  message: z.string().nullable(),
});
export type FeedPackStatus = z.infer<typeof FeedPackStatusSchema>;

/** One subscribed feed as Settings shows it. */
export const FeedStatusSchema = z.object({
  url: z.string(),
  channel: FeedChannelSchema,
  /** Where the subscription comes from. */
  from: z.enum(['policy', 'settings']),
  /** Last time the feed was asked (ISO), null before the first check. */
  checkedAt: z.string().nullable(),
  /** Last time a valid index was read (ISO); offline checks keep the packs this gave. */
  okAt: z.string().nullable(),
  /** Why the last check failed (offline, bad signature, …); null when it worked. */
  error: z.string().nullable(),
  /** The signed index's sequence number accepted last. */
  sequence: z.number().int().nullable(),
  /** Key id that signed the accepted index. */
  signedBy: z.string().nullable(),
  /** Next check (ISO), null while none is planned. */
  nextCheckAt: z.string().nullable(),
  packs: z.array(FeedPackStatusSchema),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

export const FeedsStatusSchema = z.object({
  feeds: z.array(FeedStatusSchema),
  /** This install's rollout bucket (0-99): a version at rollout R reaches it when bucket < R. */
  bucket: z.number().int().min(0).max(99).nullable(),
});
export type FeedsStatus = z.infer<typeof FeedsStatusSchema>;
