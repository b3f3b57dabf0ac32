/**
 * What a device should do with one feed, as a pure function of the verified index, its
 * subscription (channel, pins), what is installed and its rollout bucket:
 *
 * - candidates are the versions published to the subscribed channel or to `stable`;
 * - a pinned pack gets exactly its pinned version (from any channel), older or newer;
 * - otherwise the newest candidate whose rollout reaches this device (bucket < rollout);
 *   an installed version never goes down for rollout reasons.
 */
import {
  DEFAULT_FEED_CHANNEL,
  type FeedPackState,
  type FeedSubscription,
} from '../../../../shared/schemas/feeds';
import { compareSemver } from '../install/semver';
import type { FeedEntry, FeedIndex } from './feed-index';

export interface PackPlan {
  readonly id: string;
  /** The version this device should have; null when none qualifies. */
  readonly target: FeedEntry | null;
  readonly installed: string | null;
  readonly state: FeedPackState;
  readonly message: string | null;
  /** Install `target` now. */
  readonly install: boolean;
  /** The install goes to an older version (a pin below what is installed). */
  readonly downgrade: boolean;
}

const newest = (entries: readonly FeedEntry[]) =>
  entries.reduce<FeedEntry | null>(
    (best, e) => (best === null || compareSemver(e.version, best.version) > 0 ? e : best),
    null,
  );

export function planFeed(
  index: FeedIndex,
  subscription: Pick<FeedSubscription, 'channel' | 'pins'>,
  installed: ReadonlyMap<string, string>,
  bucket: number,
): PackPlan[] {
  const ids = [...new Set(index.packs.map((p) => p.id))].sort();
  return ids.map((id) => planPack(id, index, subscription, installed.get(id) ?? null, bucket));
}

function planPack(
  id: string,
  index: FeedIndex,
  subscription: Pick<FeedSubscription, 'channel' | 'pins'>,
  installed: string | null,
  bucket: number,
): PackPlan {
  const pin = subscription.pins[id];
  const base = { id, installed };
  if (pin !== undefined) {
    const target = index.packs.find((p) => p.id === id && p.version === pin) ?? null;
    if (!target) {
      return {
        ...base,
        target: null,
        state: 'pin-missing',
        message: `pinned to ${pin}, which the feed does not hold`,
        install: false,
        downgrade: false,
      };
    }
    const install = installed !== pin;
    return {
      ...base,
      target,
      state: install ? 'installed' : 'current',
      message: `pinned to ${pin}`,
      install,
      downgrade: install && installed !== null && compareSemver(pin, installed) < 0,
    };
  }
  const channels = new Set([subscription.channel, DEFAULT_FEED_CHANNEL]);
  const candidates = index.packs.filter((p) => p.id === id && channels.has(p.channel));
  const reachable = newest(candidates.filter((p) => bucket < p.rollout));
  const latest = newest(candidates);
  const have = installed;
  const upgrade =
    reachable !== null && (have === null || compareSemver(reachable.version, have) > 0);
  const newer =
    latest !== null &&
    latest !== reachable &&
    (have === null || compareSemver(latest.version, have) > 0) &&
    (reachable === null || compareSemver(latest.version, reachable.version) > 0)
      ? `${latest.version} is rolling out to ${latest.rollout} % of devices; this one is not in it yet`
      : null;
  if (newer && !upgrade) {
    return {
      ...base,
      target: reachable,
      state: 'waiting-for-rollout',
      message: newer,
      install: false,
      downgrade: false,
    };
  }
  return {
    ...base,
    target: reachable,
    state: upgrade ? 'installed' : 'current',
    message:
      newer ??
      (candidates.length === 0 ? `nothing published to channel ${subscription.channel}` : null),
    install: upgrade,
    downgrade: false,
  };
}
