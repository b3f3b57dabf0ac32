/**
 * What the organisation manages here: the managed policy in force (which settings are locked,
 * and by which policy) and the pack feeds this device follows. Loaded at start and on
 * reconnect; `policy:changed` and `feeds:changed` keep them current.
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { FeedsStatus } from '../../../shared/schemas/feeds';
import { lockOf, type PolicyReport } from '../../../shared/schemas/policy';
import type { InloopState, SliceCreator } from './store';

export interface PolicySlice {
  /** Null until the services answer. */
  policy: PolicyReport | null;
  feeds: FeedsStatus | null;
  /** A feed check the agent asked for is running. */
  feedsChecking: boolean;
  applyPolicy(policy: PolicyReport): void;
  applyFeeds(feeds: FeedsStatus): void;
  /** Load both (start-up, reconnect); failures stay quiet, Settings shows nothing managed. */
  loadPolicy(): Promise<void>;
  /** "Check now": every feed, whatever the timer says. */
  checkFeeds(): Promise<Result<FeedsStatus>>;
}

export const createPolicySlice =
  (api: InloopApi): SliceCreator<PolicySlice> =>
  (set, get) => ({
    policy: null,
    feeds: null,
    feedsChecking: false,
    applyPolicy: (policy) => set({ policy }),
    applyFeeds: (feeds) => set({ feeds }),
    async loadPolicy() {
      const [policy, feeds] = await Promise.all([api.policy.get(), api.feeds.status()]);
      if (policy.ok) set({ policy: policy.value });
      if (feeds.ok) set({ feeds: feeds.value });
    },
    async checkFeeds() {
      set({ feedsChecking: true });
      const result = await api.feeds.check();
      set({ feedsChecking: false, ...(result.ok ? { feeds: result.value } : {}) });
      if (!result.ok) get().reportError('check the pack feeds', result.error);
      return result;
    },
  });

/** The enforced policy entry that locks `setting` (`section.field`), if any. */
export const managedBy = (state: InloopState, setting: string) =>
  state.policy ? lockOf(state.policy, setting) : undefined;
