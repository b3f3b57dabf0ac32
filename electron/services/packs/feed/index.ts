/**
 * The feeds capability: the pack feeds this device follows, checked on a timer (once a host
 * that runs the app calls `service.start()`) and on `feeds:check`, installing through the one
 * pack installer. Subscriptions, poll interval and
 * trusted keys come from the settings as policy leaves them, and a change re-plans the checks.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../../../shared/schemas/settings';
import type { PolicyReport } from '../../../../shared/schemas/policy';
import type { Capability } from '../../core/capability';
import type { EventBus } from '../../core/event-bus';
import type { Logger } from '../../core/log';
import { parseTrustedKeys } from '../pack-file/pack-signature';
import type { FeedInstaller } from './feed-check';
import { FeedService } from './feed-service';
import { bucketOf, installId } from './install-bucket';

export type { FeedInstaller } from './feed-check';
export { FeedService } from './feed-service';

export interface FeedsDeps {
  dataDir: string;
  installer: FeedInstaller;
  settings: { get(): Settings };
  /** The policy in force, to say whether the feeds come from it. */
  policy?: () => PolicyReport;
  bus?: EventBus;
  logger?: Logger;
}

/** Trust for feed indexes: the trusted publisher keys of the settings now. */
export function trustedKeysOf(settings: Settings) {
  return parseTrustedKeys(settings.knowledge.trustedPublisherKeys.map((k) => k.publicKeyPem));
}

/** True when the subscriptions in force are the ones policy sets. */
export function feedsFromPolicy(settings: Settings, report: PolicyReport | undefined): boolean {
  const entry = report?.entries.find((e) => e.key === 'PackFeeds');
  return entry !== undefined && isDeepStrictEqual(entry.value, settings.feeds.subscriptions);
}

export async function createFeeds(deps: FeedsDeps): Promise<Capability<FeedService, 'feeds'>> {
  const settings = () => deps.settings.get();
  const service = await FeedService.open({
    dataDir: deps.dataDir,
    installer: deps.installer,
    trusted: () => trustedKeysOf(settings()),
    bucket: bucketOf(await installId(deps.dataDir)),
    subscriptions: () => settings().feeds.subscriptions,
    pollMinutes: () => settings().feeds.pollMinutes,
    origin: () => (feedsFromPolicy(settings(), deps.policy?.()) ? 'policy' : 'settings'),
    onStatus: (status) => deps.bus?.emit('feeds:changed', status),
    logger: deps.logger,
  });
  let watched = JSON.stringify(settings().feeds);
  const stop = deps.bus?.subscribe((event, payload) => {
    if (event !== 'settings:changed') return;
    const feeds = JSON.stringify((payload as Settings).feeds);
    if (feeds === watched) return;
    watched = feeds;
    service.reschedule();
  });
  return {
    service,
    handlers: {
      'feeds:status': () => service.status(),
      'feeds:check': () => service.checkAll(),
    },
    close: async () => {
      stop?.();
      await service.close();
    },
  };
}
